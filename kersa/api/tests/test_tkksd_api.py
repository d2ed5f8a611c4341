"""TKKSD through the API (Pasal 33–39): meetings, decrees, the work programme; scheduling
and the agenda go through governance.services with the web's permissions and refusals."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.core.testing import jumlah_kueri_api
from kersa.demo.tkksd import demo_muat as tkksd_demo_muat
from kersa.governance import services
from kersa.governance.choices import JenisAgenda, JenisRapat, Kedudukan, StatusRapat
from kersa.governance.models import AgendaRapat, Jabatan, Kehadiran, Rapat, RiwayatRapat

pytestmark = pytest.mark.django_db

BUNTOK = "Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok"


def _url(nama="rapat-list", **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


def _jadwalkan(jenis=JenisRapat.PLENO, tanggal=dt.date(2026, 3, 10), **kw):
    tanggal = tanggal.isoformat() if isinstance(tanggal, dt.date) else tanggal
    return {"jenis": jenis, "tanggal": tanggal, "tempat": BUNTOK, **kw}


# --- scheduling and the agenda ----------------------------------------------------------


def test_p37_1_secretariat_schedules_a_pleno_every_office_invited(tkksd, pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url(), _jadwalkan(waktu_mulai="09:00"), format="json")
    assert r.status_code == 201, r.json()
    body = r.json()
    assert body["jenis"] == JenisRapat.PLENO
    assert body["status"] == StatusRapat.TERJADWAL
    assert body["keputusan"] == tkksd.pk
    # P35-1: every office of the decree is invited with its holder on the day.
    assert len(body["kehadiran"]) == Jabatan.objects.filter(keputusan=tkksd).count()
    assert all(k["nama"] for k in body["kehadiran"])
    assert body["agenda"] == []
    assert [(h["ke"], h["rule"]) for h in body["riwayat"]] == [(StatusRapat.TERJADWAL, "P37-1")]


def test_p34_1_no_decree_in_force_is_refused_422_and_nothing_saved(pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url(), _jadwalkan(), format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P34-1"
    assert r.json()["pelanggaran"][0]["field"] == "tanggal"
    assert Rapat.objects.count() == 0
    assert Kehadiran.objects.count() == 0
    assert RiwayatRapat.objects.count() == 0


def test_p36_blank_place_is_refused_with_the_rule(tkksd, pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url(), _jadwalkan(tempat="  "), format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P36"
    assert Rapat.objects.count() == 0


def test_p34_2_agenda_item_added_to_a_scheduled_pleno(tkksd, pemeran, klien):
    rapat = services.rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),
        tempat=BUNTOK,
        user=pemeran.sekretariat,
    )
    r = klien(pemeran.sekretariat).post(
        _url("rapat-agenda", pk=rapat.pk),
        {"judul": "Pemetaan KSDD Tahun 2027", "jenis": JenisAgenda.KEBIJAKAN, "tugas": "b"},
        format="json",
    )
    assert r.status_code == 201, r.json()
    [agenda] = r.json()["agenda"]
    assert (agenda["urutan"], agenda["judul"], agenda["tugas"]) == (
        1,
        "Pemetaan KSDD Tahun 2027",
        "b",
    )
    assert agenda["keputusan"] is None


def test_p37_2_rapat_teknis_cannot_set_the_work_programme_422_nothing_saved(tkksd, pemeran, klien):
    teknis = services.rapat_jadwalkan(
        jenis=JenisRapat.TEKNIS,
        tanggal=dt.date(2026, 2, 24),
        tempat="Ruang Rapat Bagian Pemerintahan",
        user=pemeran.sekretariat,
    )
    program = services.program_kerja_buat(tahun=2026, user=pemeran.sekretariat)
    r = klien(pemeran.sekretariat).post(
        _url("rapat-agenda", pk=teknis.pk),
        {
            "judul": "Penetapan Program Kerja TKKSD Tahun 2026",
            "jenis": JenisAgenda.PROGRAM_KERJA,
            "program_kerja": program.pk,
        },
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P37-2"
    assert not AgendaRapat.objects.filter(rapat=teknis).exists()


def test_p18_3_offer_recommendation_needs_a_partner_offer_awaiting_reply_422(
    tkksd, pemeran, ksdd, klien
):
    """The KSDD of the fixture is the Daerah's own initiative, not a partner's offer."""
    assert ksdd.pemrakarsa != Pemrakarsa.MITRA or ksdd.status != Status.MENUNGGU_TANGGAPAN
    rapat = services.rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),
        tempat=BUNTOK,
        user=pemeran.sekretariat,
    )
    r = klien(pemeran.sekretariat).post(
        _url("rapat-agenda", pk=rapat.pk),
        {
            "judul": "Rekomendasi atas penawaran Kabupaten Barito Timur",
            "jenis": JenisAgenda.REKOMENDASI_PENAWARAN,
            "ksdd": ksdd.pk,
        },
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P18-3"
    assert r.json()["pelanggaran"][0]["field"] == "ksdd"
    assert not AgendaRapat.objects.exists()


def test_p36_agenda_on_a_cancelled_meeting_is_refused(tkksd, pemeran, klien):
    rapat = services.rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),
        tempat=BUNTOK,
        user=pemeran.sekretariat,
    )
    services.rapat_batalkan(
        rapat=rapat, user=pemeran.sekretariat, alasan="Ketua bertugas ke luar daerah."
    )
    r = klien(pemeran.sekretariat).post(
        _url("rapat-agenda", pk=rapat.pk), {"judul": "Evaluasi KSDD"}, format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P36"
    assert not AgendaRapat.objects.exists()


def test_bad_input_is_400_not_422(tkksd, pemeran, klien):
    client = klien(pemeran.sekretariat)
    r = client.post(_url(), _jadwalkan(jenis="kilat", tanggal="31-02-2026"), format="json")
    assert r.status_code == 400
    assert {"jenis", "tanggal"} <= set(r.json())
    assert Rapat.objects.count() == 0


# --- reading ------------------------------------------------------------------------------


def test_p39_meeting_detail_carries_agenda_decisions_chair_and_documents(pemeran, klien):
    tkksd_demo_muat(pemeran)
    rapat = Rapat.objects.get(jenis=JenisRapat.PLENO, tanggal=dt.date(2026, 3, 10))
    body = klien(pemeran.anggota).get(_url("rapat-detail", pk=rapat.pk)).json()
    assert body["status"] == StatusRapat.SELESAI
    ketua = Jabatan.objects.get(keputusan=rapat.keputusan, kedudukan=Kedudukan.KETUA)
    assert body["pimpinan"] == ketua.pk
    assert body["pimpinan_nama"]
    assert body["ringkasan"].startswith("Rapat dibuka oleh Ketua TKKSD")
    [agenda] = body["agenda"]
    assert agenda["jenis"] == JenisAgenda.PROGRAM_KERJA
    assert agenda["keputusan"]["uraian"].startswith("Program Kerja TKKSD Tahun 2026")
    hadir = {k["keterangan_jabatan"]: k["hadir"] for k in body["kehadiran"]}
    assert not any(v for k, v in hadir.items() if "Kepala Bagian Hukum" in k)
    assert body["berita_acara"] == body["dokumen_berita_acara"]["id"]
    assert body["notulen"] == body["dokumen_notulen"]["id"]
    assert body["dokumen_berita_acara"]["versi"][0]["unduh"]
    assert body["nomor"] == body["dokumen_berita_acara"]["nomor"]


def test_meeting_list_filters_by_year_kind_and_status(tkksd, pemeran, klien):
    for jenis, tanggal in [
        (JenisRapat.PLENO, dt.date(2026, 3, 10)),
        (JenisRapat.TEKNIS, dt.date(2026, 2, 24)),
        (JenisRapat.TEKNIS, dt.date(2025, 11, 18)),
    ]:
        services.rapat_jadwalkan(
            jenis=jenis, tanggal=tanggal, tempat=BUNTOK, user=pemeran.sekretariat
        )
    client = klien(pemeran.ketua)
    assert client.get(_url()).json()["count"] == 3
    body = client.get(_url(), {"tahun": 2026, "jenis": "teknis"}).json()
    assert [r["tanggal"] for r in body["results"]] == ["2026-02-24"]
    assert client.get(_url(), {"status": "selesai"}).json()["count"] == 0
    assert client.get(_url(), {"jenis": "kilat"}).status_code == 400


def test_p35_1_decree_detail_lists_offices_with_holders(tkksd, pemeran, klien):
    client = klien(pemeran.bupati)
    body = client.get(_url("tkksd-keputusan-list")).json()
    assert {k["jenis"] for k in body["results"]} == {"tkksd", "tim_teknis"}
    detail = client.get(_url("tkksd-keputusan-detail", pk=tkksd.pk)).json()
    assert detail["nomor"] == tkksd.nomor
    ketua = next(j for j in detail["jabatan"] if j["kedudukan"] == Kedudukan.KETUA)
    assert ketua["nama_jabatan"] == "Sekretaris Daerah"
    assert ketua["pemangku"]["nama"]
    assert ketua["riwayat_pemangku"]
    assert "nip" not in ketua["pemangku"]


def test_p37_2_work_programme_with_its_activities(pemeran, klien):
    tkksd_demo_muat(pemeran)
    body = klien(pemeran.anggota).get(_url("tkksd-program-kerja-list"), {"tahun": 2026}).json()
    [program] = body["results"]
    assert program["tahun"] == 2026
    assert program["ditetapkan_dalam"] == Rapat.objects.get(tanggal=dt.date(2026, 3, 10)).pk
    assert program["kegiatan"] and {k["triwulan"] for k in program["kegiatan"]} <= {1, 2, 3, 4}


# --- who may ------------------------------------------------------------------------------


def test_operator_and_dprd_may_not_open_tkksd_403(tkksd, pemeran, klien):
    for user in (pemeran.operator, pemeran.dprd, pemeran.publik):
        client = klien(user)
        assert client.get(_url()).status_code == 403
        assert client.get(_url("tkksd-keputusan-list")).status_code == 403
        assert client.get(_url("tkksd-program-kerja-list")).status_code == 403
        assert client.post(_url(), _jadwalkan(), format="json").status_code == 403
    assert Rapat.objects.count() == 0


def test_tkksd_member_reads_but_may_not_schedule_403(tkksd, pemeran, klien):
    client = klien(pemeran.anggota)
    assert client.get(_url()).status_code == 200
    r = client.post(_url(), _jadwalkan(), format="json")
    assert r.status_code == 403
    assert r.json()["detail"]
    assert Rapat.objects.count() == 0


def test_anonymous_gets_401(tkksd, klien):
    client = klien()
    assert client.get(_url()).status_code == 401
    assert client.post(_url(), _jadwalkan(), format="json").status_code == 401
    assert client.get(_url("tkksd-keputusan-list")).status_code == 401


def test_unknown_meeting_is_404(tkksd, pemeran, klien):
    client = klien(pemeran.sekretariat)
    assert client.get(_url("rapat-detail", pk=999999)).status_code == 404
    r = client.post(_url("rapat-agenda", pk=999999), {"judul": "x"}, format="json")
    assert r.status_code == 404


# --- query counts -------------------------------------------------------------------------


def _hitung(client, url) -> tuple[int, int]:
    return jumlah_kueri_api(client, url)


def test_meeting_list_query_count_does_not_grow_with_rows(tkksd, pemeran, klien):
    client = klien(pemeran.sekretariat)

    def jadwalkan(n, awal):
        for i in range(n):
            services.rapat_jadwalkan(
                jenis=JenisRapat.TEKNIS,
                tanggal=awal + dt.timedelta(days=7 * i),
                tempat=BUNTOK,
                user=pemeran.sekretariat,
            )

    jadwalkan(2, dt.date(2026, 1, 13))
    dua, n = _hitung(client, _url())
    assert n == 2
    jadwalkan(6, dt.date(2026, 4, 7))
    delapan, n = _hitung(client, _url())
    assert n == 8
    assert delapan == dua


def test_programme_and_decree_lists_query_count_does_not_grow(pemeran, klien):
    tkksd_demo_muat(pemeran)
    client = klien(pemeran.sekretariat)
    program, _ = _hitung(client, _url("tkksd-program-kerja-list"))
    keputusan, _ = _hitung(client, _url("tkksd-keputusan-list"))
    p = services.program_kerja_buat(tahun=2027, user=pemeran.sekretariat)
    for tw in (1, 2, 3):
        services.kegiatan_tambah(
            program=p,
            uraian=f"Pemetaan KSDD triwulan {tw}",
            tugas="b",
            triwulan=tw,
            user=pemeran.sekretariat,
        )
    assert _hitung(client, _url("tkksd-program-kerja-list")) == (program, 2)
    assert _hitung(client, _url("tkksd-keputusan-list"))[0] == keputusan
