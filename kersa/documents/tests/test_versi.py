"""Document versions (Pasal 26; P26): immutable, numbered 1..n under a lock, with who,
when, checksum and file; amendments of a PKS are its versions (P25-3…6, P25-7)."""

import hashlib
import threading

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from kersa.agreements.choices import Status
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status
from kersa.documents.choices import AsalVersi, JenisDokumen
from kersa.documents.contoh import docx_bytes, naskah_docx, pdf_bytes, unggahan_pdf
from kersa.documents.models import Berkas, Dokumen, VersiDokumen
from kersa.documents.services.versi import dokumen_buat, versi_tambah

pytestmark = pytest.mark.django_db


@pytest.fixture
def dokumen(pemeran, ksdd):
    return dokumen_buat(
        ksdd=ksdd, jenis=JenisDokumen.KB, judul="Rancangan KB", user=pemeran.operator
    )


def _tambah(dokumen, user, data, asal=AsalVersi.REVISI, nama="kb.docx", **kw):
    return versi_tambah(dokumen=dokumen, data=data, nama=nama, asal=asal, user=user, **kw)


def test_p26_versions_numbered_with_who_when_checksum(pemeran, dokumen):
    v1 = _tambah(dokumen, pemeran.operator, docx_bytes("Pasal 1", "Isi awal"), AsalVersi.DIHASILKAN)
    v2 = _tambah(dokumen, pemeran.sekretariat, docx_bytes("Pasal 1", "Isi revisi"))
    v3 = _tambah(
        dokumen, pemeran.operator, pdf_bytes("Draf mitra"), AsalVersi.RANCANGAN_MITRA, "m.pdf"
    )
    assert [v.nomor for v in (v1, v2, v3)] == [1, 2, 3]
    assert v2.dibuat_oleh == pemeran.sekretariat and v2.dibuat_pada is not None
    assert v2.berkas.sha256 == hashlib.sha256(docx_bytes("Pasal 1", "Isi revisi")).hexdigest()
    assert v3.berkas.content_type == "application/pdf"
    assert v1.berkas.ksdd_id == dokumen.ksdd_id


def test_p26_identical_to_latest_version_refused(pemeran, dokumen):
    data = docx_bytes("Pasal 1")
    _tambah(dokumen, pemeran.operator, data)
    jumlah = Berkas.objects.count()
    with pytest.raises(RuleViolation) as exc:
        _tambah(dokumen, pemeran.operator, data)
    assert exc.value.rule == "P26"
    assert "sama persis dengan versi 1" in exc.value.detail
    assert Berkas.objects.count() == jumlah
    assert dokumen.versi.count() == 1


def test_p26_same_file_agreed_as_is_becomes_a_new_version_of_the_same_file(pemeran, dokumen):
    data = docx_bytes("Pasal 1")
    v1 = _tambah(dokumen, pemeran.operator, data, AsalVersi.RANCANGAN_MITRA)
    v2 = _tambah(dokumen, pemeran.operator, data, AsalVersi.DISEPAKATI)
    assert (v2.nomor, v2.asal, v2.berkas_id) == (2, "disepakati", v1.berkas_id)


def test_p26_version_cannot_be_changed_or_deleted(pemeran, dokumen):
    v = _tambah(dokumen, pemeran.operator, docx_bytes("Pasal 1"))
    v.catatan = "diubah"
    with pytest.raises(RuleViolation) as exc:
        v.save()
    assert exc.value.rule == "P26" and "tidak dapat diubah atau dihapus" in exc.value.detail
    with pytest.raises(RuleViolation):
        v.delete()
    with pytest.raises(RuleViolation):
        VersiDokumen.objects.filter(pk=v.pk).update(catatan="x")
    with pytest.raises(RuleViolation):
        VersiDokumen.objects.filter(pk=v.pk).delete()
    with pytest.raises(RuleViolation):
        dokumen.versi.all().delete()
    v.refresh_from_db()
    assert v.catatan == ""


def test_p26_berkas_cannot_be_changed_or_deleted(pemeran, dokumen):
    berkas = _tambah(dokumen, pemeran.operator, docx_bytes("Pasal 1")).berkas
    berkas.nama_asli = "lain.docx"
    with pytest.raises(RuleViolation):
        berkas.save()
    with pytest.raises(RuleViolation):
        berkas.delete()
    with pytest.raises(RuleViolation):
        Berkas.objects.filter(pk=berkas.pk).update(sha256="0" * 64)
    with pytest.raises(RuleViolation):
        Berkas.objects.all().delete()
    assert Berkas.objects.get(pk=berkas.pk).nama_asli == "kb.docx"


def test_p26_admin_is_read_only(pemeran):
    request = RequestFactory().get("/")
    request.user = pemeran.admin
    for model in (Berkas, VersiDokumen, Dokumen):
        ma = admin.site._registry[model]
        assert not ma.has_add_permission(request)
        assert not ma.has_change_permission(request)
        assert not ma.has_delete_permission(request)


def test_p26_only_users_who_may_change_the_ksdd_add_versions(pemeran, dokumen):
    for user in (pemeran.anggota, pemeran.bupati, pemeran.operator_lain, pemeran.dprd):
        with pytest.raises(PermissionDenied):
            _tambah(dokumen, user, docx_bytes("Pasal 1"))
    assert not dokumen.versi.exists()
    assert not Berkas.objects.exists()


def test_p25_3_amendment_only_during_pelaksanaan(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    pks = Dokumen.objects.get(ksdd=ksdd, jenis="pks")
    with pytest.raises(RuleViolation) as exc:
        _tambah(pks, pemeran.sekretariat, naskah_docx("pks", ksdd), AsalVersi.PERUBAHAN)
    assert exc.value.rule == "P25-3" and "Pasal 25 ayat 3" in exc.value.detail


def test_p25_3_amendment_only_of_a_pks(pemeran, ksdd):
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    kb = Dokumen.objects.get(ksdd=ksdd, jenis="kb")
    with pytest.raises(RuleViolation) as exc:
        _tambah(kb, pemeran.sekretariat, naskah_docx("kb", ksdd), AsalVersi.PERUBAHAN)
    assert exc.value.rule == "P25-3"


def test_p25_4_amendment_is_a_new_version_never_an_overwrite(pemeran, ksdd):
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    pks = Dokumen.objects.get(ksdd=ksdd, jenis="pks")
    asli = list(pks.versi.values_list("nomor", "berkas__sha256"))
    v = _tambah(
        pks,
        pemeran.operator,
        naskah_docx("pks", ksdd, judul_pasal={"lain_lain": "LAIN-LAIN DAN ADDENDUM"}),
        AsalVersi.PERUBAHAN,
        catatan="Addendum I: menambah lokasi layanan.",
    )
    assert v.nomor == len(asli) + 1 and v.asal == "perubahan"
    assert (
        list(pks.versi.filter(nomor__lte=len(asli)).values_list("nomor", "berkas__sha256")) == asli
    )


def test_p25_7_amendment_adding_a_burden_needs_dprd_approval(pemeran, ksdd):
    from kersa.agreements import services

    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    pks = Dokumen.objects.get(ksdd=ksdd, jenis="pks")
    n = pks.versi.count()
    berkas_awal = Berkas.objects.count()
    with pytest.raises(RuleViolation) as exc:
        _tambah(
            pks,
            pemeran.operator,
            naskah_docx("pks", ksdd, tanpa=("lain_lain",)),
            AsalVersi.PERUBAHAN,
            menambah_beban=True,
        )
    assert exc.value.rule == "P25-7" and "Pasal 25 ayat 7" in exc.value.detail
    assert pks.versi.count() == n and Berkas.objects.count() == berkas_awal
    ksdd.refresh_from_db()
    services.ksdd_catat_persetujuan_dprd_perubahan(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        perihal="Addendum I: retribusi layanan rujukan",
        nomor_usulan="100.3/301/Pem/2026",
        tanggal_usulan=timezone.localdate(),
        nomor="170/30/DPRD/2026",
        tanggal=timezone.localdate(),
        penandatangan_nama="H. Ketua Dewan",
        penandatangan_jabatan="Ketua DPRD Kabupaten Barito Selatan",
        surat=unggahan_pdf("persetujuan-dprd-addendum.pdf"),
    )
    v = _tambah(
        pks,
        pemeran.operator,
        naskah_docx("pks", ksdd, tanpa=("lain_lain",)),
        AsalVersi.PERUBAHAN,
        menambah_beban=True,
    )
    assert "Persetujuan DPRD atas perubahan: 170/30/DPRD/2026" in v.catatan
    assert v.persetujuan_dprd_perubahan.nomor == "170/30/DPRD/2026"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_p26_concurrent_versions_get_distinct_numbers(pemeran, ksdd):
    dok = dokumen_buat(ksdd=ksdd, jenis="kb", judul="KB", user=pemeran.operator)
    hasil, galat = [], []

    def tambah(i):
        try:
            hasil.append(_tambah(dok, pemeran.operator, docx_bytes(f"Versi {i}")).nomor)
        except Exception as exc:  # pragma: no cover - reported below
            galat.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=tambah, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not galat
    assert sorted(hasil) == [1, 2, 3, 4]
