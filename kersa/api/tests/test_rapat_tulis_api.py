"""Recording a TKKSD meeting through the API (Pasal 36–39, Pasal 18 ayat 3–5): the
result, its Berita Acara and Notulen, and cancelling, through governance.services with
the web's permission (``governance.kelola_rapat``) and refusals."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kersa.agreements.choices import AlasanPenolakan, Keputusan, Pemrakarsa, Status
from kersa.agreements.models import RekomendasiPleno
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.models import Dokumen
from kersa.governance import services
from kersa.governance.choices import JenisAgenda, JenisRapat, Kedudukan, StatusRapat
from kersa.governance.models import KeputusanRapat, Rapat, RiwayatRapat
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db

BUNTOK = "Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok"
TAWARAN = "Penawaran kerja sama Pemerintah Kabupaten Barito Timur"


def _url(nama: str, rapat) -> str:
    return reverse(f"api:rapat-{nama}", kwargs={"pk": rapat.pk})


@pytest.fixture
def tawaran_mitra(pemeran):
    """Barito Timur's offer to Barito Selatan, waiting for our reply (Pasal 18)."""
    ksdd = ksdd_baru(
        pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=Wilayah.objects.get(kode="62.13")
    )
    return ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)


@pytest.fixture
def pleno_tawaran(tkksd, tawaran_mitra, pemeran):
    """A Rapat Pleno held five days ago with the partner's offer on its agenda."""
    rapat = services.rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=timezone.localdate() - dt.timedelta(days=5),
        tempat=BUNTOK,
        user=pemeran.sekretariat,
    )
    services.agenda_tambah(
        rapat=rapat,
        user=pemeran.sekretariat,
        judul=TAWARAN,
        jenis=JenisAgenda.REKOMENDASI_PENAWARAN,
        ksdd=tawaran_mitra,
    )
    return rapat


def _hasil(rapat, *, pimpinan=Kedudukan.KETUA, tidak_hadir=(), **keputusan) -> dict:
    """The JSON body of ``POST rapat/{id}/hasil/``: everyone present unless named."""
    [agenda] = rapat.agenda.all()
    return {
        "kehadiran": [
            {"kehadiran": k.pk, "hadir": k.jabatan.kedudukan not in tidak_hadir}
            for k in rapat.kehadiran.select_related("jabatan")
        ],
        "pimpinan": rapat.keputusan.jabatan.get(kedudukan=pimpinan).pk,
        "ringkasan": "Rapat dibuka pukul 09.00 WIB oleh Ketua TKKSD; penawaran dibahas.",
        "keputusan": [
            {
                "agenda": agenda.pk,
                "uraian": "TKKSD merekomendasikan Bupati menolak penawaran.",
                "rekomendasi": Keputusan.DITOLAK,
                "alasan_penolakan": [AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA],
                # P18-4 (WARN): the KSDD is budgeted; the pleno says why it still rejects.
                "alasan_peringatan": "DPA 2026 hanya memuat wilayah Barito Selatan.",
                "tindak_lanjut": "Sekretariat menyiapkan surat tanggapan Bupati.",
                **keputusan,
            }
        ],
    }


def _belum_dicatat(rapat) -> None:
    rapat.refresh_from_db()
    assert rapat.status == StatusRapat.TERJADWAL
    assert rapat.berita_acara_id is None and rapat.pimpinan_id is None
    assert not KeputusanRapat.objects.filter(agenda__rapat=rapat).exists()
    assert not rapat.kehadiran.filter(hadir=True).exists()
    assert RiwayatRapat.objects.filter(rapat=rapat).count() == 1
    assert not RekomendasiPleno.objects.exists()


# --- the result ---------------------------------------------------------------------------


def test_p18_4_pleno_result_with_rejection_grounds_reaches_the_ksdd(
    pleno_tawaran, tawaran_mitra, pemeran, klien
):
    r = klien(pemeran.sekretariat).post(
        _url("hasil", pleno_tawaran), _hasil(pleno_tawaran), format="json"
    )
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == StatusRapat.SELESAI
    assert body["pimpinan_nama"] and body["nomor"]
    assert body["berita_acara"] is not None
    [agenda] = body["agenda"]
    assert agenda["keputusan"]["rekomendasi"] == Keputusan.DITOLAK
    assert agenda["keputusan"]["alasan_penolakan"] == [AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA]
    assert all(k["hadir"] for k in body["kehadiran"])
    assert [(h["ke"], h["rule"]) for h in body["riwayat"]][-1] == (StatusRapat.SELESAI, "P39")
    # P18-3: the recommendation is written to the KSDD through the workflow, one path.
    rek = RekomendasiPleno.objects.get(ksdd=tawaran_mitra)
    assert (rek.keputusan, rek.nomor_berita_acara) == (Keputusan.DITOLAK, body["nomor"])


def test_p37_4_stand_in_chair_with_its_reason_when_the_ketua_is_away(pleno_tawaran, pemeran, klien):
    data = _hasil(
        pleno_tawaran,
        pimpinan=Kedudukan.WAKIL_KETUA,
        tidak_hadir=(Kedudukan.KETUA,),
        rekomendasi=Keputusan.DITERIMA,
        alasan_penolakan=[],
        pertimbangan_persetujuan=["c", "d"],
    )
    data["alasan_pengganti"] = "Ketua TKKSD mengikuti rapat koordinasi di Palangka Raya."
    r = klien(pemeran.sekretariat).post(_url("hasil", pleno_tawaran), data, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["alasan_pengganti"].startswith("Ketua TKKSD mengikuti")
    assert r.json()["agenda"][0]["keputusan"]["pertimbangan_persetujuan"] == ["c", "d"]


def test_p18_4_rejection_without_grounds_is_refused_422_nothing_saved(
    pleno_tawaran, pemeran, klien
):
    data = _hasil(pleno_tawaran, alasan_penolakan=[])
    r = klien(pemeran.sekretariat).post(_url("hasil", pleno_tawaran), data, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P18-4"
    _belum_dicatat(pleno_tawaran)


def test_p37_4_wakil_ketua_may_not_chair_while_the_ketua_is_present_422(
    pleno_tawaran, pemeran, klien
):
    data = _hasil(pleno_tawaran, pimpinan=Kedudukan.WAKIL_KETUA)
    r = klien(pemeran.sekretariat).post(_url("hasil", pleno_tawaran), data, format="json")
    assert r.status_code == 422
    body = r.json()
    assert body["rule"] == "P37-4"
    assert {p["rule"] for p in body["pelanggaran"]} == {"P37-4"}
    assert {p["field"] for p in body["pelanggaran"]} == {"pimpinan", "alasan_pengganti"}
    _belum_dicatat(pleno_tawaran)


def test_p39_attendance_of_another_meeting_is_400(pleno_tawaran, pemeran, klien):
    data = _hasil(pleno_tawaran)
    data["kehadiran"][0]["kehadiran"] = 999999
    data["keputusan"].append({"agenda": data["keputusan"][0]["agenda"], "uraian": "Dua kali."})
    r = klien(pemeran.sekretariat).post(_url("hasil", pleno_tawaran), data, format="json")
    assert r.status_code == 400
    assert {"kehadiran", "keputusan"} <= set(r.json())
    _belum_dicatat(pleno_tawaran)


def test_tkksd_member_may_not_record_a_result_403(pleno_tawaran, pemeran, klien):
    r = klien(pemeran.anggota).post(
        _url("hasil", pleno_tawaran), _hasil(pleno_tawaran), format="json"
    )
    assert r.status_code == 403
    _belum_dicatat(pleno_tawaran)


# --- Berita Acara and Notulen -----------------------------------------------------------


def test_p39_berita_acara_and_notulen_generated_after_the_result(pleno_tawaran, pemeran, klien):
    services.rapat_hasil_catat(
        rapat=pleno_tawaran,
        user=pemeran.sekretariat,
        kehadiran={k.pk: {"hadir": True} for k in pleno_tawaran.kehadiran.all()},
        pimpinan=pleno_tawaran.keputusan.jabatan.get(kedudukan=Kedudukan.KETUA),
        ringkasan="Rapat dibuka pukul 09.00 WIB oleh Ketua TKKSD.",
        keputusan={
            a.pk: {
                "uraian": "TKKSD merekomendasikan Bupati menolak penawaran.",
                "rekomendasi": Keputusan.DITOLAK,
                "alasan_penolakan": [AlasanPenolakan.PD_BELUM_SIAP],
            }
            for a in pleno_tawaran.agenda.all()
        },
    )
    client = klien(pemeran.sekretariat)
    r = client.post(_url("dokumen", pleno_tawaran))
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["notulen"] == body["dokumen_notulen"]["id"]
    assert body["berita_acara"] == body["dokumen_berita_acara"]["id"]
    assert body["dokumen_berita_acara"]["versi"][0]["nama_berkas"].endswith(".docx")
    assert body["dokumen_notulen"]["versi"][0]["nama_berkas"].startswith("Notulen-")
    # Generating again keeps the same two documents (a new version when the text changed).
    lagi = client.post(_url("dokumen", pleno_tawaran)).json()
    assert (lagi["berita_acara"], lagi["notulen"]) == (body["berita_acara"], body["notulen"])


def test_p39_documents_of_a_meeting_not_yet_held_are_refused_422(pleno_tawaran, pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url("dokumen", pleno_tawaran))
    assert r.status_code == 422
    assert r.json()["rule"] == "P39"
    assert not Dokumen.objects.exists()
    _belum_dicatat(pleno_tawaran)


def test_operator_may_not_generate_meeting_documents_403(pleno_tawaran, pemeran, klien):
    assert klien(pemeran.operator).post(_url("dokumen", pleno_tawaran)).status_code == 403
    assert not Dokumen.objects.exists()


def test_p36_invitation_of_a_scheduled_meeting_then_refused_once_cancelled(
    pleno_tawaran, pemeran, klien
):
    assert klien(pemeran.anggota).post(_url("undangan", pleno_tawaran)).status_code == 403
    r = klien(pemeran.sekretariat).post(_url("undangan", pleno_tawaran))
    assert r.status_code == 200
    dok = r.json()["dokumen_undangan"]
    assert "/Und-TKKSD/" in dok["nomor"] and len(dok["versi"]) == 1
    services.rapat_batalkan(rapat=pleno_tawaran, user=pemeran.sekretariat, alasan="Reses DPRD.")
    r = klien(pemeran.sekretariat).post(_url("undangan", pleno_tawaran))
    assert r.status_code == 422 and r.json()["rule"] == "P36"


# --- cancelling ---------------------------------------------------------------------------


def test_p36_secretariat_cancels_a_scheduled_meeting_with_its_reason(pleno_tawaran, pemeran, klien):
    alasan = "Ketua TKKSD bertugas ke luar daerah; rapat dijadwalkan ulang."
    r = klien(pemeran.sekretariat).post(
        _url("batalkan", pleno_tawaran), {"alasan": alasan}, format="json"
    )
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == StatusRapat.BATAL
    assert body["riwayat"][-1] == {**body["riwayat"][-1], "ke": "batal", "alasan": alasan}


def test_p36_cancelling_without_a_reason_is_refused_422(pleno_tawaran, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("batalkan", pleno_tawaran), {"alasan": "  "}, format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P36"
    assert r.json()["pelanggaran"][0]["field"] == "alasan"
    _belum_dicatat(pleno_tawaran)


def test_p36_a_held_meeting_cannot_be_cancelled_422(pleno_tawaran, pemeran, klien):
    client = klien(pemeran.sekretariat)
    assert (
        client.post(_url("hasil", pleno_tawaran), _hasil(pleno_tawaran), format="json").status_code
        == 200
    )
    r = client.post(_url("batalkan", pleno_tawaran), {"alasan": "Salah jadwal."}, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P36"
    assert Rapat.objects.get(pk=pleno_tawaran.pk).status == StatusRapat.SELESAI


def test_operator_and_member_may_not_cancel_403(pleno_tawaran, pemeran, klien):
    for user in (pemeran.operator, pemeran.anggota):
        r = klien(user).post(
            _url("batalkan", pleno_tawaran), {"alasan": "Tidak jadi."}, format="json"
        )
        assert r.status_code == 403
    _belum_dicatat(pleno_tawaran)


# --- removing an agenda item --------------------------------------------------------------


def _url_agenda(rapat, agenda) -> str:
    return reverse("api:rapat-agenda-hapus", kwargs={"pk": rapat.pk, "agenda_pk": agenda.pk})


def test_p36_agenda_item_removed_from_a_scheduled_meeting(pleno_tawaran, pemeran, klien):
    [agenda] = pleno_tawaran.agenda.all()
    r = klien(pemeran.sekretariat).delete(_url_agenda(pleno_tawaran, agenda))
    assert r.status_code == 200, r.json()
    assert r.json()["agenda"] == []
    assert r.json()["status"] == StatusRapat.TERJADWAL
    assert not pleno_tawaran.agenda.exists()


def test_p36_agenda_of_a_cancelled_meeting_is_not_removed_422(pleno_tawaran, pemeran, klien):
    [agenda] = pleno_tawaran.agenda.all()
    services.rapat_batalkan(
        rapat=pleno_tawaran,
        user=pemeran.sekretariat,
        alasan="Ketua dan Wakil Ketua TKKSD bertugas ke Palangka Raya.",
    )
    r = klien(pemeran.sekretariat).delete(_url_agenda(pleno_tawaran, agenda))
    assert r.status_code == 422
    assert r.json()["rule"] == "P36"
    assert list(pleno_tawaran.agenda.all()) == [agenda]


def test_operator_and_member_may_not_remove_an_agenda_item_403(pleno_tawaran, pemeran, klien):
    [agenda] = pleno_tawaran.agenda.all()
    for user in (pemeran.operator, pemeran.anggota):
        assert klien(user).delete(_url_agenda(pleno_tawaran, agenda)).status_code == 403
    assert pleno_tawaran.agenda.count() == 1


def test_agenda_item_of_another_meeting_is_404(pleno_tawaran, tkksd, pemeran, klien):
    [agenda] = pleno_tawaran.agenda.all()
    lain = services.rapat_jadwalkan(
        jenis=JenisRapat.TEKNIS,
        tanggal=timezone.localdate() - dt.timedelta(days=2),
        tempat=BUNTOK,
        user=pemeran.sekretariat,
    )
    r = klien(pemeran.sekretariat).delete(_url_agenda(lain, agenda))
    assert r.status_code == 404
    assert pleno_tawaran.agenda.count() == 1
