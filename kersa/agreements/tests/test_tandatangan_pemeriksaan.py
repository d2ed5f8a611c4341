"""Signing a KB or PKS is blocked while its agreed text misses a required part
(P11, P12 BLOCK; Pasal 11 ayat 1, Pasal 12 ayat 1), and allowed once a complete
agreed version is uploaded. The agreed draft is kept as a document version (P26)."""

import datetime as dt

import pytest
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.workflow import TRANSISI
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import JALAN_UTAMA, ke_status, tanggal_ttd_kb, tanggal_ttd_pks
from kersa.documents.choices import AsalVersi, JenisDokumen
from kersa.documents.contoh import naskah_docx, pdf_bytes, unggahan_naskah
from kersa.documents.models import Dokumen, VersiDokumen
from kersa.documents.services.versi import versi_tambah

pytestmark = pytest.mark.django_db


def _hari(n):
    return timezone.localdate() - dt.timedelta(days=n)


def _sepakati_kb(ksdd, pemeran, **naskah):
    mulai = _hari(20)
    berakhir = mulai.replace(year=mulai.year + 3) - dt.timedelta(days=1)
    services.ksdd_sepakati_rancangan_kb(
        ksdd=ksdd,
        user=pemeran.operator,
        tentang=ksdd.judul,
        tanggal_rapat_teknis=_hari(30),
        tanggal_disepakati=_hari(25),
        tanggal_mulai=mulai,
        tanggal_berakhir=berakhir,
        rancangan=unggahan_naskah(
            "kb.docx",
            "kb",
            ksdd,
            mulai=mulai,
            berakhir=berakhir,
            **{"komparisi": tanggal_ttd_kb(), **naskah},
        ),
    )
    ksdd.refresh_from_db()
    return mulai, berakhir


def _tandatangani(ksdd, pemeran):
    ksdd.refresh_from_db()
    JALAN_UTAMA[ksdd.status](ksdd, pemeran)
    ksdd.refresh_from_db()


def test_p26_agreed_draft_recorded_as_a_version(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    dok = Dokumen.objects.get(ksdd=ksdd, jenis=JenisDokumen.KB)
    (versi,) = dok.versi.all()
    kb = ksdd.naskah.get(jenis="kb")
    assert (versi.nomor, versi.asal, versi.berkas_id) == (1, "disepakati", kb.berkas_rancangan_id)


def test_p11_kb_signing_blocked_without_a_part_then_allowed(pemeran, ksdd):
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    mulai, berakhir = _sepakati_kb(ksdd, pemeran, tanpa=("surat_menyurat", "lain_lain"))
    assert ksdd.status == Status.PENANDATANGANAN_KB

    hambatan = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    assert [(p.rule, p.detail) for p in hambatan] == [
        (
            "P11",
            "Rancangan Kesepakatan Bersama yang disepakati belum memuat bagian: "
            "Surat-Menyurat, Lain-Lain (Pasal 11 ayat 1).",
        )
    ]
    with pytest.raises(RuleViolation) as exc:
        _tandatangani(ksdd, pemeran)
    assert exc.value.rule == "P11"
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_KB

    dok = Dokumen.objects.get(ksdd=ksdd, jenis="kb")
    versi_tambah(
        dokumen=dok,
        data=naskah_docx("kb", ksdd, mulai=mulai, berakhir=berakhir, komparisi=tanggal_ttd_kb()),
        nama="kb-disepakati-v2.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.operator,
    )
    assert TRANSISI["tandatangani_kb"].hambatan(ksdd) == []
    _tandatangani(ksdd, pemeran)
    assert ksdd.status != Status.PENANDATANGANAN_KB


def test_p12_pks_signing_blocked_without_keadaan_kahar_then_allowed(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    pks = ksdd.naskah.get(jenis="pks")
    dok = Dokumen.objects.get(ksdd=ksdd, jenis="pks")
    rekaman = {
        "mulai": pks.tanggal_mulai,
        "berakhir": pks.tanggal_berakhir,
        "komparisi": tanggal_ttd_pks(),
    }
    versi_tambah(
        dokumen=dok,
        data=naskah_docx(
            "pks", ksdd, tanpa=("keadaan_kahar", "penyelesaian_perselisihan"), **rekaman
        ),
        nama="pks-mitra.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.sekretariat,
        catatan="Naskah balasan mitra yang disepakati.",
    )
    (p,) = TRANSISI["tandatangani_pks"].hambatan(ksdd)
    assert p.rule == "P12"
    assert p.detail == (
        "Rancangan PKS yang disepakati belum memuat bagian: Penyelesaian Perselisihan, "
        "Keadaan Kahar (Pasal 12 ayat 1)."
    )
    with pytest.raises(RuleViolation) as exc:
        _tandatangani(ksdd, pemeran)
    assert exc.value.rule == "P12"

    versi_tambah(
        dokumen=dok,
        data=naskah_docx("pks", ksdd, judul_pasal={"keadaan_kahar": "KEADAAN MEMAKSA"}, **rekaman),
        nama="pks-final.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.sekretariat,
    )
    assert TRANSISI["tandatangani_pks"].hambatan(ksdd) == []
    _tandatangani(ksdd, pemeran)
    assert ksdd.status == Status.PELAKSANAAN
    assert [v.nomor for v in dok.versi.all()] == [1, 2, 3]


def test_p12_pks_with_wrong_parties_blocked(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    pks = ksdd.naskah.get(jenis="pks")
    versi_tambah(
        dokumen=Dokumen.objects.get(ksdd=ksdd, jenis="pks"),
        data=naskah_docx(
            "pks",
            pihak=["Barito Selatan", "Kapuas"],
            mulai=pks.tanggal_mulai,
            berakhir=pks.tanggal_berakhir,
        ),
        nama="pks.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.sekretariat,
    )
    (p,) = TRANSISI["tandatangani_pks"].hambatan(ksdd)
    assert p.rule == "P12" and "Barito Timur" in p.detail


def test_p11_agreed_pdf_only_asks_for_the_docx(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    versi_tambah(
        dokumen=Dokumen.objects.get(ksdd=ksdd, jenis="kb"),
        data=pdf_bytes("Kesepakatan Bersama"),
        nama="kb.pdf",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.operator,
    )
    (p,) = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    assert p.rule == "P11"
    assert "hanya tersedia sebagai PDF" in p.detail and "DOCX" in p.detail


def test_p11_check_is_cached_per_file(pemeran, ksdd, django_assert_max_num_queries):
    from kersa.documents import pemeriksa

    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    pemeriksa._CACHE.clear()
    assert TRANSISI["tandatangani_kb"].hambatan(ksdd) == []
    assert len(pemeriksa._CACHE) == 1
    with django_assert_max_num_queries(6):
        assert TRANSISI["tandatangani_kb"].hambatan(ksdd) == []
    assert len(pemeriksa._CACHE) == 1


def test_p11_latest_agreed_version_is_the_one_checked(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    dok = Dokumen.objects.get(ksdd=ksdd, jenis="kb")
    kb = ksdd.naskah.get(jenis="kb")
    for tanpa in [("objek",), ()]:
        versi_tambah(
            dokumen=dok,
            data=naskah_docx(
                "kb", ksdd, tanpa=tanpa, mulai=kb.tanggal_mulai, berakhir=kb.tanggal_berakhir
            )
            + b"",
            nama="kb.docx",
            asal=AsalVersi.REVISI if not tanpa else AsalVersi.DISEPAKATI,
            user=pemeran.operator,
        )
    # v2 (disepakati, missing Objek) is the latest agreed one: v3 is only a revision.
    assert VersiDokumen.objects.filter(dokumen=dok).count() == 3
    (p,) = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    assert "Objek" in p.detail
