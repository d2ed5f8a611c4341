"""Persiapan (Pasal 14, 15, 32): the KAK, its submission to TKKSD, the written
instruction and TKKSD's review; uploads kept (P26)."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import KriteriaTelaah, Pemrakarsa, Status
from kersa.agreements.models import (
    Bentuk,
    Kak,
    PengajuanKak,
    PetunjukTertulis,
    RiwayatTahap,
    TelaahKak,
    TemuanTelaah,
)
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import pdf_bytes, unggahan_pdf
from kersa.documents.models import Berkas
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _rules(excinfo) -> list[str]:
    return [p.rule for p in excinfo.value.pelanggaran]


def _fields(excinfo) -> list[str | None]:
    return [p.field for p in excinfo.value.pelanggaran]


def _ajukan(ksdd, user, **ubah):
    data = {
        "nomor": "000.3/112/Dinkes/2026",
        "tanggal_surat": _hari(10),
        "surat_permohonan": unggahan_pdf("surat-permohonan.pdf", "Surat permohonan"),
        "salinan_dpa": unggahan_pdf("dpa.pdf", "DPA") if ksdd.dianggarkan_apbd else None,
        "izin_dprd": None if ksdd.dianggarkan_apbd else unggahan_pdf("izin.pdf", "Izin"),
        "salinan_penawaran": (
            unggahan_pdf("penawaran.pdf") if ksdd.pemrakarsa == Pemrakarsa.MITRA else None
        ),
    }
    data.update(ubah)
    return services.ksdd_ajukan_kak(ksdd=ksdd, user=user, **data)


def _petunjuk(ksdd, user, **ubah):
    data = {
        "nomor": "000.3/045/Pem/2026",
        "tanggal": _hari(8),
        "pemberi": "Sekretaris Daerah selaku Ketua TKKSD",
        "isi": "Proses sesuai Perbup 23/2023.",
    }
    data.update(ubah)
    return services.ksdd_catat_petunjuk_tertulis(ksdd=ksdd, user=user, **data)


def _temuan(**kosong):
    return {c: (True, "" if c in kosong else f"Memenuhi {c}") for c in KriteriaTelaah.values}


def _telaah(ksdd, user, **ubah):
    data = {
        "tanggal": _hari(5),
        "temuan": _temuan(),
        "layak": True,
        "kesimpulan": "Layak ditindaklanjuti.",
        "tanggal_disampaikan": _hari(4),
    }
    data.update(ubah)
    return services.ksdd_catat_telaah(ksdd=ksdd, user=user, **data)


def _files_under_media() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _assert_unchanged(ksdd, status=Status.PENYUSUNAN_KAK, riwayat=None):
    ksdd.refresh_from_db()
    assert ksdd.status == status
    if riwayat is not None:
        assert ksdd.riwayat.count() == riwayat


# --- P14: the KAK ------------------------------------------------------------------------


def test_p14_1_submission_without_kak_is_refused(ksdd, pemeran):
    Kak.objects.filter(ksdd=ksdd).delete()
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    assert _rules(exc) == ["P14-1"]
    _assert_unchanged(ksdd)
    assert not PengajuanKak.objects.exists()


def test_p14_2_each_missing_kak_part_is_listed(ksdd, pemeran):
    services.kak_update(ksdd=ksdd, user=pemeran.operator, latar_belakang="", analisis_dampak=" ")
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    assert _rules(exc) == ["P14-2"]
    detail = exc.value.detail
    assert "a. latar belakang" in detail
    assert "g. analisis dampak sosial dan lingkungan" in detail
    assert "b. maksud dan tujuan" not in detail
    assert "Pasal 14 ayat 2" in detail
    _assert_unchanged(ksdd)


def test_p14_2_empty_kak_lists_all_eight_parts(pemeran):
    ksdd = services.ksdd_create(
        user=pemeran.operator,
        judul="Uji KAK kosong",
        perangkat_daerah=pemeran.operator.perangkat_daerah,
        kategori="wajib",
        bentuk=Bentuk.objects.get(kode="a"),
        mitra=[Wilayah.objects.get(kode="62.13")],
        eksternalitas="Layanan lintas batas.",
        dianggarkan_apbd=True,
        nomor_dpa="DPA/1",
    )
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    kak = next(p for p in exc.value.pelanggaran if p.rule == "P14-2")
    assert [str(label) in kak.detail for _f, label in Kak.BAGIAN] == [True] * 8


def test_p14_3_submitted_kak_is_frozen(ksdd, pemeran):
    _ajukan(ksdd, pemeran.operator)
    assert ksdd.status == Status.KAK_DIAJUKAN
    row = ksdd.riwayat.get(aksi="ajukan_kak")
    assert (row.dari, row.ke, row.rule, row.oleh) == (
        Status.PENYUSUNAN_KAK,
        Status.KAK_DIAJUKAN,
        "P14-3",
        pemeran.operator,
    )
    sebelum = Kak.objects.get(ksdd=ksdd).latar_belakang
    with pytest.raises(RuleViolation) as exc:
        services.kak_update(ksdd=ksdd, user=pemeran.operator, latar_belakang="Diubah diam-diam.")
    assert _rules(exc) == ["P14-3"]
    assert Kak.objects.get(ksdd=ksdd).latar_belakang == sebelum


def test_p13_identity_fixed_after_submission(ksdd, pemeran):
    _ajukan(ksdd, pemeran.operator)
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_update(ksdd=ksdd, user=pemeran.operator, bentuk=Bentuk.objects.get(kode="e"))
    assert _rules(exc) == ["P13"]
    ksdd.refresh_from_db()
    assert ksdd.bentuk.kode == "a"


# --- P32-1: the request letter and its attachments ---------------------------------------


def test_p32_1_request_letter_is_required(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator, surat_permohonan=None)
    assert (_rules(exc), _fields(exc)) == (["P32-1"], ["surat_permohonan"])
    _assert_unchanged(ksdd, riwayat=2)
    assert not Berkas.objects.exists()


def test_p32_1_dpa_copy_required_when_budgeted(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator, salinan_dpa=None)
    assert (_rules(exc), _fields(exc)) == (["P32-1"], ["salinan_dpa"])
    assert "Pasal 32 ayat 1 huruf c" in exc.value.detail
    assert not Berkas.objects.exists()


def test_p32_1_dprd_permit_required_when_not_budgeted(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator, izin_dprd=None)
    assert (_rules(exc), _fields(exc)) == (["P32-1"], ["izin_dprd"])
    _ajukan(ksdd, pemeran.operator)  # no DPA needed, the permit suffices
    jenis = sorted(ksdd.riwayat.get(aksi="ajukan_kak").berkas.values_list("jenis", flat=True))
    assert jenis == [JenisBerkas.IZIN_DPRD, JenisBerkas.SURAT_PERMOHONAN]


def test_p17_1_partner_initiated_ksdd_writes_no_kak_of_ours(pemeran):
    """P17-1…3: a KSDD a partner initiates starts at the partner's offer; our agency does
    not submit a KAK of its own (ajukan_kak is not a step of that path)."""
    barito_timur = Wilayah.objects.get(kode="62.13")
    ksdd = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=barito_timur)
    assert ksdd.status == Status.MENYIAPKAN_PENAWARAN
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    assert _rules(exc) == ["P13"]
    assert not PengajuanKak.objects.filter(ksdd=ksdd).exists()


def test_p32_1_submission_links_letter_and_attachments(ksdd, pemeran):
    _ajukan(ksdd, pemeran.operator)
    pengajuan = PengajuanKak.objects.get(ksdd=ksdd)
    assert pengajuan.nomor == "000.3/112/Dinkes/2026"
    row = ksdd.riwayat.get(aksi="ajukan_kak")
    assert sorted(row.berkas.values_list("jenis", flat=True)) == [
        JenisBerkas.SALINAN_DPA,
        JenisBerkas.SURAT_PERMOHONAN,
    ]
    assert row.data == {
        "nomor_surat": "000.3/112/Dinkes/2026",
        "tanggal_surat": _hari(10).isoformat(),
    }


def test_p13_request_letter_cannot_be_dated_in_the_future(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator, tanggal_surat=timezone.localdate() + dt.timedelta(1))
    assert (_rules(exc), _fields(exc)) == (["P13"], ["tanggal_surat"])


# --- record rules checked at submission ---------------------------------------------------


def test_p3_goals_required_at_submission(pemeran):
    ksdd = ksdd_baru(pemeran, tujuan=[])
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    assert (_rules(exc), _fields(exc)) == (["P3"], ["tujuan"])


def test_p5_4_urusan_required_at_submission(pemeran):
    ksdd = ksdd_baru(pemeran, urusan=[])
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    assert (_rules(exc), _fields(exc)) == (["P5-4"], ["urusan"])
    assert "Pasal 5 ayat 4" in exc.value.detail


@pytest.mark.parametrize("kode", ["b", "c", "f"])
def test_p9_b_c_f_payment_parties_and_basis_required_at_submission(pemeran, kode):
    """Form d (retribusi, paid by the public) is test_p9_d_retribusi.py."""
    ksdd = ksdd_baru(pemeran, bentuk=Bentuk.objects.get(kode=kode))
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    assert _rules(exc) == [f"P9-{kode}"]
    _assert_unchanged(ksdd)
    services.ksdd_update(
        ksdd=ksdd,
        user=pemeran.operator,
        pembayar=Wilayah.objects.get(kode="62.13"),
        penerima_pembayaran=Wilayah.objects.get(kode="62.04"),
        dasar_pembayaran="Tarif layanan menurut Perda Retribusi.",
    )
    _ajukan(ksdd, pemeran.operator)
    assert ksdd.status == Status.KAK_DIAJUKAN


def test_p9_g_exchanged_service_required_at_submission(pemeran):
    ksdd = ksdd_baru(pemeran, bentuk=Bentuk.objects.get(kode="g"))
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran.operator)
    assert (_rules(exc), _fields(exc)) == (["P9-g"], ["objek_pertukaran"])
    services.ksdd_update(ksdd=ksdd, user=pemeran.operator, objek_pertukaran="Ambulans.")
    _ajukan(ksdd, pemeran.operator)
    assert ksdd.status == Status.KAK_DIAJUKAN


def test_p17_1_partner_initiated_needs_the_initiating_partner(pemeran):
    """P17-1: the first step of a partner-initiated KSDD, its offer, names the partner."""
    from kersa.agreements.workflow import TRANSISI

    ksdd = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA)
    blok = TRANSISI["catat_penawaran"].hambatan_penuh(ksdd)
    assert [(p.rule, p.field) for p in blok] == [("P17-1", "pemrakarsa_mitra")]
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_catat_penawaran(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="000.3/45/Mitra/2026",
            tanggal_surat=timezone.localdate(),
            penandatangan="Bupati",
            penerimaan={},
            surat=unggahan_pdf("penawaran.pdf"),
            kak=unggahan_pdf("kak.pdf"),
        )
    assert (_rules(exc), _fields(exc)) == (["P17-1"], ["pemrakarsa_mitra"])


# --- P32-2: the written instruction ------------------------------------------------------


def test_p32_2_no_review_before_written_instruction(ksdd, pemeran):
    _ajukan(ksdd, pemeran.operator)
    with pytest.raises(RuleViolation) as exc:
        _telaah(ksdd, pemeran.sekretariat)
    assert _rules(exc) == ["P13"]
    assert not TelaahKak.objects.exists()


def test_p32_2_instruction_needs_number_giver_and_content(ksdd, pemeran):
    _ajukan(ksdd, pemeran.operator)
    with pytest.raises(RuleViolation) as exc:
        _petunjuk(ksdd, pemeran.ketua, isi="  ")
    assert _rules(exc) == ["P32-2"]
    _assert_unchanged(ksdd, Status.KAK_DIAJUKAN)
    _petunjuk(ksdd, pemeran.ketua)
    assert ksdd.status == Status.TELAAH_TKKSD
    assert PetunjukTertulis.objects.get(ksdd=ksdd).nomor == "000.3/045/Pem/2026"
    assert ksdd.riwayat.last().rule == "P32-2"


# --- P15: TKKSD's review -----------------------------------------------------------------


def test_p15_1_every_criterion_needs_a_finding(ksdd, pemeran):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    temuan = _temuan(e=True)
    del temuan["c"]
    with pytest.raises(RuleViolation) as exc:
        _telaah(ksdd, pemeran.sekretariat, temuan=temuan)
    assert _rules(exc) == ["P15-1"]
    assert "c. keterkaitan antar sektor dan antar wilayah" in exc.value.detail
    assert "e. dampak terhadap pembangunan daerah" in exc.value.detail
    assert "a. kesesuaian" not in exc.value.detail
    assert not TelaahKak.objects.exists()


def test_p15_1_review_with_five_findings_moves_to_penawaran(ksdd, pemeran):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    _telaah(ksdd, pemeran.sekretariat)
    assert ksdd.status == Status.MENYIAPKAN_PENAWARAN
    kriteria = TemuanTelaah.objects.filter(telaah__ksdd=ksdd).values_list("kriteria", flat=True)
    assert sorted(kriteria) == ["a", "b", "c", "d", "e"]


def test_p15_2_tidak_layak_returns_to_penyusunan_kak(ksdd, pemeran):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    _telaah(ksdd, pemeran.sekretariat, layak=False, kesimpulan="Lokasi belum sesuai RTRW.")
    assert ksdd.status == Status.PENYUSUNAN_KAK
    row = ksdd.riwayat.last()
    assert (row.aksi, row.dari, row.ke, row.rule) == (
        "catat_telaah",
        Status.TELAAH_TKKSD,
        Status.PENYUSUNAN_KAK,
        "P15-2",
    )
    assert "Lokasi belum sesuai RTRW." in row.alasan
    services.kak_update(ksdd=ksdd, user=pemeran.operator, lokasi="Kecamatan Dusun Selatan.")
    _ajukan(ksdd, pemeran.operator)
    assert ksdd.status == Status.KAK_DIAJUKAN


def test_p15_2_conclusion_required(ksdd, pemeran):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    with pytest.raises(RuleViolation) as exc:
        _telaah(ksdd, pemeran.sekretariat, kesimpulan="")
    assert (_rules(exc), _fields(exc)) == (["P15-2"], ["kesimpulan"])


# --- P26: uploads kept; nothing left by a refused step ------------------------------------


def test_p26_upload_kept_with_checksum(ksdd, pemeran):
    _ajukan(ksdd, pemeran.operator)
    surat = Berkas.objects.get(ksdd=ksdd, jenis=JenisBerkas.SURAT_PERMOHONAN)
    isi = pdf_bytes("Surat permohonan")
    assert surat.sha256 == hashlib.sha256(isi).hexdigest()
    assert (surat.ukuran, surat.content_type, surat.nama_asli) == (
        len(isi),
        "application/pdf",
        "surat-permohonan.pdf",
    )
    assert surat.diunggah_oleh == pemeran.operator
    assert Path(surat.file.path).read_bytes() == isi
    assert surat.file.name == f"berkas/{surat.sha256[:2]}/{surat.sha256}.pdf"


def test_p26_refused_step_leaves_no_berkas_and_no_file(ksdd, pemeran):
    riwayat = ksdd.riwayat.count()
    exe = SimpleUploadedFile("dpa.pdf", b"MZ\x90\x00" + b"\x00" * 60, "application/pdf")
    with pytest.raises(RuleViolation) as exc:
        # The request letter is valid and stored first; the DPA copy is an EXE.
        _ajukan(ksdd, pemeran.operator, salinan_dpa=exe)
    assert _rules(exc) == ["P26"]
    assert not Berkas.objects.exists()
    assert _files_under_media() == []
    assert not PengajuanKak.objects.exists()
    _assert_unchanged(ksdd, riwayat=riwayat)


# --- P13: order -------------------------------------------------------------------------


def test_p13_step_from_the_wrong_status_is_refused(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _petunjuk(ksdd, pemeran.sekretariat)
    assert _rules(exc) == ["P13"]
    assert "Pasal 13" in exc.value.detail
    assert "Penyusunan KAK" in exc.value.detail
    _assert_unchanged(ksdd, riwayat=2)
    assert not RiwayatTahap.objects.filter(aksi="catat_petunjuk_tertulis").exists()
