"""Ends (pengakhiran, pembatalan), the history every step writes (P13), lost races
(a stale ``versi`` is a ConflictError that changes nothing), who may act (ROLE), and
the Surat Kuasa register (P1-13, P4-2)."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import Keputusan, Status
from kersa.agreements.models import Kak, Ksdd, PetunjukTertulis, RiwayatTahap, SuratKuasa
from kersa.core.errors import ConflictError, RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


def _rules(excinfo) -> list[str]:
    return [p.rule for p in excinfo.value.pelanggaran]


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _ajukan(ksdd, user):
    return services.ksdd_ajukan_kak(
        ksdd=ksdd,
        user=user,
        nomor="000.3/112/Dinkes/2026",
        tanggal_surat=_hari(10),
        surat_permohonan=unggahan_pdf("surat-permohonan.pdf"),
        salinan_dpa=unggahan_pdf("dpa.pdf", "DPA"),
    )


def _petunjuk(ksdd, user):
    return services.ksdd_catat_petunjuk_tertulis(
        ksdd=ksdd,
        user=user,
        nomor="000.3/045/Pem/2026",
        tanggal=_hari(8),
        pemberi="Sekretaris Daerah selaku Ketua TKKSD",
        isi="Proses sesuai Perbup 23/2023.",
    )


def _assert_unchanged(ksdd, status=Status.PENYUSUNAN_KAK, riwayat=None):
    ksdd.refresh_from_db()
    assert ksdd.status == status
    if riwayat is not None:
        assert ksdd.riwayat.count() == riwayat


def _surat_kuasa(pemeran, ksdd=None, **ubah):
    data = {
        "nomor": "100.3.4/07/Pem/2026",
        "tanggal": _hari(10),
        "pemberi": "Bupati Barito Selatan",
        "penerima_nama": pemeran.operator.perangkat_daerah.kepala_nama,
        "penerima_jabatan": "Kepala Dinas Kesehatan",
        "perangkat_daerah": pemeran.operator.perangkat_daerah,
        "ksdd": ksdd,
        "lingkup": "Menandatangani PKS pelayanan kesehatan rujukan.",
        "berlaku_sampai": _hari(-30),
        "tanggal_tembusan": _hari(9),
    }
    data.update(ubah)
    return services.surat_kuasa_create(user=pemeran.sekretariat, **data)


# --- P13: every transition is a row ---------------------------------------------------------

# (aksi, dari, ke, rule, who, number of linked Berkas) for a KSDD that needs DPRD approval.
JALUR_DENGAN_DPRD = [
    ("buat", "penyusunan_kak", "penyusunan_kak", "", "operator", 0),
    ("ubah_kak", "penyusunan_kak", "penyusunan_kak", "", "operator", 0),
    ("ajukan_kak", "penyusunan_kak", "kak_diajukan", "P14-3", "operator", 2),
    ("catat_petunjuk_tertulis", "kak_diajukan", "telaah_tkksd", "P32-2", "sekretariat", 0),
    ("catat_telaah", "telaah_tkksd", "menyiapkan_penawaran", "P15-2", "sekretariat", 0),
    ("catat_penawaran", "menyiapkan_penawaran", "menunggu_tanggapan", "P16-3", "sekretariat", 1),
    ("catat_tanggapan", "menunggu_tanggapan", "penyusunan_kb", "P19-1", "sekretariat", 1),
    ("sepakati_rancangan_kb", "penyusunan_kb", "penandatanganan_kb", "P20-2", "operator", 1),
    ("tandatangani_kb", "penandatanganan_kb", "permohonan_dprd", "P21-1", "sekretariat", 1),
    ("ajukan_persetujuan_dprd", "permohonan_dprd", "menunggu_dprd", "P22-1a", "sekretariat", 2),
    ("catat_persetujuan_dprd", "menunggu_dprd", "penyusunan_pks", "P22-2", "dprd", 1),
    ("sepakati_rancangan_pks", "penyusunan_pks", "penandatanganan_pks", "P23", "operator", 1),
    ("tandatangani_pks", "penandatanganan_pks", "pelaksanaan", "P24-4", "sekretariat", 1),
]


def test_p13_every_transition_writes_who_from_to_reason_and_documents(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    rows = list(ksdd.riwayat.select_related("oleh").prefetch_related("berkas"))
    got = [(r.aksi, r.dari, r.ke, r.rule, r.oleh.username, r.berkas.count()) for r in rows]
    names = {a: getattr(pemeran, a).username for a in ("operator", "sekretariat", "dprd")}
    assert got == [(a, d, k, r, names[w], n) for a, d, k, r, w, n in JALUR_DENGAN_DPRD]
    for r in rows:
        assert r.alasan.strip(), r.aksi
        assert r.waktu is not None
        for berkas in r.berkas.all():
            assert berkas.ksdd_id == ksdd.pk
    assert ksdd.versi == len(JALUR_DENGAN_DPRD)  # 1 at creation, then +1 per later row


def test_p13_every_step_bumps_the_version_once(ksdd, pemeran):
    versi = ksdd.versi
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    assert ksdd.versi == versi + 2


def test_p13_pks_step_refused_from_penyusunan_kak(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_tandatangani_pks(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            tanggal=_hari(1),
            tempat="Buntok",
            penandatangan=[],
            naskah=unggahan_pdf(),
        )
    assert _rules(exc) == ["P13"]
    assert "\u201cPenyusunan KAK\u201d" in exc.value.detail
    assert not Berkas.objects.exists()


# --- ends ---------------------------------------------------------------------------------


def test_p13_running_ksdd_is_terminated_with_its_reason(ksdd, pemeran):
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_akhiri(ksdd=ksdd, user=pemeran.sekretariat, alasan="  ")
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P13", "alasan")]
    services.ksdd_akhiri(ksdd=ksdd, user=pemeran.sekretariat, alasan="Disepakati diakhiri.")
    assert ksdd.status == Status.DIAKHIRI
    row = ksdd.riwayat.last()
    assert (row.aksi, row.dari, row.ke, row.alasan, row.oleh) == (
        "akhiri",
        Status.PELAKSANAAN,
        Status.DIAKHIRI,
        "Disepakati diakhiri.",
        pemeran.sekretariat,
    )


def test_p13_only_a_running_ksdd_can_be_terminated(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_akhiri(ksdd=ksdd, user=pemeran.sekretariat, alasan="Tidak jadi.")
    assert _rules(exc) == ["P13"]


def test_role_operator_cannot_terminate(ksdd, pemeran):
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    with pytest.raises(PermissionDenied):
        services.ksdd_akhiri(ksdd=ksdd, user=pemeran.operator, alasan="Selesai.")
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PELAKSANAAN


def test_p13_cancel_before_pelaksanaan_then_nothing_moves(ksdd, pemeran):
    services.ksdd_batalkan(ksdd=ksdd, user=pemeran.operator, alasan="Anggaran dialihkan.")
    assert ksdd.status == Status.DIBATALKAN
    assert ksdd.riwayat.last().ke == Status.DIBATALKAN
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_batalkan(ksdd=ksdd, user=pemeran.operator, alasan="Lagi.")
    assert _rules(exc) == ["P13"]
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_update(ksdd=ksdd, user=pemeran.operator, judul="Dihidupkan lagi")
    assert _rules(exc) == ["P13"]
    with pytest.raises(RuleViolation) as exc:
        services.kak_update(ksdd=ksdd, user=pemeran.operator, manfaat="Lagi.")
    assert _rules(exc) == ["P14-3"]
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_ajukan_kak(
            ksdd=ksdd,
            user=pemeran.operator,
            nomor="1",
            tanggal_surat=_hari(1),
            surat_permohonan=unggahan_pdf(),
            salinan_dpa=unggahan_pdf(),
        )
    assert _rules(exc) == ["P13"]
    assert ksdd.riwayat.filter(aksi="batalkan").count() == 1


def test_p13_running_ksdd_cannot_be_cancelled_only_terminated(ksdd, pemeran):
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_batalkan(ksdd=ksdd, user=pemeran.sekretariat, alasan="Batal.")
    assert _rules(exc) == ["P13"]


def test_p13_rejected_offer_is_an_end(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
    services.ksdd_catat_tanggapan(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        mitra="62.13",
        keputusan=Keputusan.DITOLAK,
        nomor="000.3/77/Pem/2026",
        tanggal_surat=_hari(2),
        tanggal_diterima=_hari(1),
        surat=unggahan_pdf("surat-tanggapan.pdf"),
        alasan="Belum tercantum dalam RKPD.",
    )
    assert (ksdd.status, ksdd.sudah_berakhir, ksdd.tahap) == (Status.DITOLAK, True, None)
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_batalkan(ksdd=ksdd, user=pemeran.sekretariat, alasan="x")
    assert _rules(exc) == ["P13"]


# --- conflicts ------------------------------------------------------------------------------


def _snapshot(ksdd):
    k = Ksdd.objects.get(pk=ksdd.pk)
    media = Path(settings.MEDIA_ROOT)
    files = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []
    return (k.status, k.versi, k.judul, RiwayatTahap.objects.count(), Berkas.objects.count(), files)


def test_conflict_stale_version_on_a_step_changes_nothing(ksdd, pemeran):
    stale = Ksdd.objects.get(pk=ksdd.pk)
    services.ksdd_update(ksdd=ksdd, user=pemeran.operator, judul="Judul baru")
    before = _snapshot(ksdd)
    with pytest.raises(ConflictError) as exc:
        services.ksdd_ajukan_kak(
            ksdd=stale,
            user=pemeran.operator,
            nomor="000.3/112/Dinkes/2026",
            tanggal_surat=_hari(1),
            surat_permohonan=unggahan_pdf(),
            salinan_dpa=unggahan_pdf("dpa.pdf", "DPA"),
        )
    assert "diubah oleh pengguna lain" in exc.value.detail
    assert _snapshot(ksdd) == before
    assert before[0] == Status.PENYUSUNAN_KAK


def test_conflict_explicit_stale_versi_is_refused(ksdd, pemeran):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    before = _snapshot(ksdd)
    with pytest.raises(ConflictError):
        services.ksdd_catat_petunjuk_tertulis(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="000.3/045/Pem/2026",
            tanggal=_hari(1),
            pemberi="Sekretaris Daerah",
            isi="Lanjutkan.",
            versi=ksdd.versi - 1,
        )
    assert _snapshot(ksdd) == before
    assert not PetunjukTertulis.objects.exists()


def test_conflict_stale_version_on_record_edit_changes_nothing(ksdd, pemeran):
    versi = ksdd.versi
    services.ksdd_update(ksdd=ksdd, user=pemeran.operator, lokasi="Kecamatan Dusun Utara")
    before = _snapshot(ksdd)
    with pytest.raises(ConflictError):
        services.ksdd_update(ksdd=ksdd, user=pemeran.operator, versi=versi, judul="Menimpa")
    assert _snapshot(ksdd) == before


def test_conflict_stale_version_on_kak_edit_changes_nothing(ksdd, pemeran):
    stale = Ksdd.objects.get(pk=ksdd.pk)
    services.kak_update(ksdd=ksdd, user=pemeran.operator, manfaat="Manfaat A.")
    with pytest.raises(ConflictError):
        services.kak_update(ksdd=stale, user=pemeran.operator, manfaat="Manfaat B.")
    assert Kak.objects.get(ksdd=ksdd).manfaat == "Manfaat A."
    assert ksdd.riwayat.filter(aksi="ubah_kak").count() == 2  # fixture + one


def test_conflict_after_failure_a_fresh_copy_succeeds(ksdd, pemeran):
    stale = Ksdd.objects.get(pk=ksdd.pk)
    services.ksdd_update(ksdd=ksdd, user=pemeran.operator, judul="Judul A")
    with pytest.raises(ConflictError):
        services.ksdd_update(ksdd=stale, user=pemeran.operator, judul="Judul B")
    stale.refresh_from_db()
    services.ksdd_update(ksdd=stale, user=pemeran.operator, judul="Judul B")
    assert Ksdd.objects.get(pk=ksdd.pk).judul == "Judul B"


# --- ROLE ---------------------------------------------------------------------------------


def test_role_outsider_cannot_submit(ksdd, pemeran):
    with pytest.raises(PermissionDenied):
        _ajukan(ksdd, pemeran.publik)
    _assert_unchanged(ksdd)


def test_role_other_agency_operator_cannot_act_on_the_ksdd(ksdd, pemeran):
    with pytest.raises(PermissionDenied):
        _ajukan(ksdd, pemeran.operator_lain)
    with pytest.raises(PermissionDenied):
        services.kak_update(ksdd=ksdd, user=pemeran.operator_lain, manfaat="Diubah.")
    with pytest.raises(PermissionDenied):
        services.ksdd_update(ksdd=ksdd, user=pemeran.operator_lain, judul="Diubah")
    with pytest.raises(PermissionDenied):
        services.ksdd_batalkan(ksdd=ksdd, user=pemeran.operator_lain, alasan="Iseng.")
    with pytest.raises(PermissionDenied):
        services.bantuan_pendanaan_tambah(
            ksdd=ksdd,
            user=pemeran.operator_lain,
            mitra=Wilayah.objects.get(kode="62.13"),
            jumlah=1_000_000,
            tahun_anggaran=2027,
            perangkat_daerah=pemeran.operator_lain.perangkat_daerah,
        )
    ksdd.refresh_from_db()
    assert ksdd.judul.startswith("Pelayanan Kesehatan Rujukan")
    assert Kak.objects.get(ksdd=ksdd).manfaat != "Diubah."
    assert not ksdd.bantuan_pendanaan.exists()
    _assert_unchanged(ksdd, riwayat=2)


def test_role_other_agency_operator_cannot_register_for_another_agency(pemeran):
    with pytest.raises(PermissionDenied):
        ksdd_baru(pemeran, user=pemeran.operator_lain)


def test_role_operator_cannot_record_the_written_instruction(ksdd, pemeran):
    _ajukan(ksdd, pemeran.operator)
    with pytest.raises(PermissionDenied):
        _petunjuk(ksdd, pemeran.operator)
    with pytest.raises(PermissionDenied):
        _petunjuk(ksdd, pemeran.dprd)
    _assert_unchanged(ksdd, Status.KAK_DIAJUKAN)
    assert not PetunjukTertulis.objects.exists()


def test_role_secretariat_may_submit_for_any_agency(ksdd, pemeran):
    _ajukan(ksdd, pemeran.sekretariat)
    assert ksdd.riwayat.get(aksi="ajukan_kak").oleh == pemeran.sekretariat


# --- P1-13, P4-2: Surat Kuasa records ------------------------------------------------------


def test_p1_13_p4_2_surat_kuasa_recorded_with_its_scan(ksdd, pemeran):
    sk = _surat_kuasa(pemeran, ksdd, berkas=unggahan_pdf("surat-kuasa.pdf"))
    sk.refresh_from_db()
    assert (sk.penerima_nama, sk.ksdd, sk.dicabut) == (
        pemeran.operator.perangkat_daerah.kepala_nama,
        ksdd,
        False,
    )
    assert (sk.berkas.jenis, sk.berkas.ksdd) == (JenisBerkas.SURAT_KUASA, ksdd)
    assert sk.history.count() == 1


def test_p1_13_p4_2_surat_kuasa_only_by_secretariat_or_bupati(ksdd, pemeran):
    with pytest.raises(PermissionDenied):
        services.surat_kuasa_create(
            user=pemeran.operator,
            nomor="x",
            tanggal=_hari(1),
            pemberi="Bupati",
            penerima_nama="A",
            penerima_jabatan="B",
            perangkat_daerah=pemeran.operator.perangkat_daerah,
            lingkup="C",
        )
    sk = services.surat_kuasa_create(
        user=pemeran.bupati,
        nomor="100.3.4/08/Pem/2026",
        tanggal=_hari(1),
        pemberi="Bupati Barito Selatan",
        penerima_nama=pemeran.operator.perangkat_daerah.kepala_nama,
        penerima_jabatan="Kepala Dinas Kesehatan",
        perangkat_daerah=pemeran.operator.perangkat_daerah,
        lingkup="Semua PKS bidang kesehatan tahun 2026.",
    )
    assert SuratKuasa.objects.get(pk=sk.pk).ksdd is None


def test_p1_13_p4_2_surat_kuasa_needs_scope_and_unique_number(ksdd, pemeran):
    _surat_kuasa(pemeran, ksdd)
    with pytest.raises(ValidationError) as exc:
        _surat_kuasa(pemeran, ksdd, lingkup="", berkas=unggahan_pdf("sk.pdf"))
    assert set(exc.value.message_dict) == {"nomor", "lingkup"}
    assert SuratKuasa.objects.count() == 1
    assert not ksdd.berkas.filter(jenis=JenisBerkas.SURAT_KUASA).exists()
