"""Nothing typed twice through the API (issue 13 item 5): the DPRD request takes the id
of a PKS version already stored instead of a new upload (``rancangan_pks_versi``); one
of another KSDD is refused with 422 (P22-1a) and nothing is saved."""

import pytest
from django.urls import reverse

from kersa.agreements.choices import JenisNaskah, Status
from kersa.agreements.models import PermohonanDprd
from kersa.demo.skenario import _naskah_pks, ke_status, ksdd_baru
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import VersiDokumen
from kersa.documents.services.versi import dokumen_naskah, versi_tambah

from .bantuan import hari, langkah

pytestmark = pytest.mark.django_db


def _versi_pks(ksdd, user) -> VersiDokumen:
    dok = dokumen_naskah(ksdd=ksdd, jenis=JenisNaskah.PKS, user=user)
    return versi_tambah(dokumen=dok, asal=AsalVersi.REVISI, user=user, upload=_naskah_pks(ksdd))


def _data(**ubah) -> dict:
    return {
        "nomor": "100.3/210/Pem/2026",
        "tanggal_surat": hari(16),
        "tanggal_diterima": hari(15),
        "surat": unggahan_pdf("permohonan-dprd.pdf"),
        **ubah,
    }


@pytest.fixture
def siap(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    return ke_status(ksdd, Status.PERMOHONAN_DPRD, pemeran)


def test_issue13_p22_1a_stored_pks_version_id_is_accepted(pemeran, klien, siap):
    versi = _versi_pks(siap, pemeran.sekretariat)
    api = klien(pemeran.sekretariat)
    # the id is the one the documents listing gives
    dok = api.get(reverse("api:ksdd-dokumen", kwargs={"pk": siap.pk}))
    assert dok.status_code == 200
    assert str(versi.pk) in dok.content.decode()
    r = langkah(api, siap, "ajukan_persetujuan_dprd", _data(rancangan_pks_versi=versi.pk))
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.MENUNGGU_DPRD
    assert PermohonanDprd.objects.get(ksdd=siap).berkas_rancangan_pks == versi.berkas


def test_issue13_p22_1a_another_ksdds_version_is_refused_422(pemeran, klien, siap):
    lain = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito Selatan – Barito Utara")
    versi_lain = _versi_pks(lain, pemeran.operator)
    jumlah = VersiDokumen.objects.count()
    api = klien(pemeran.sekretariat)
    r = langkah(api, siap, "ajukan_persetujuan_dprd", _data(rancangan_pks_versi=versi_lain.pk))
    assert r.status_code == 422
    body = r.json()
    assert body["pelanggaran"] == [
        {"rule": "P22-1a", "detail": body["detail"], "field": "rancangan_pks_versi"}
    ]
    assert (
        f"Versi dokumen {versi_lain.pk} bukan versi PKS KSDD {siap.nomor_register}"
        in body["detail"]
    )
    siap.refresh_from_db()
    assert siap.status == Status.PERMOHONAN_DPRD
    assert not PermohonanDprd.objects.filter(ksdd=siap).exists()
    assert VersiDokumen.objects.count() == jumlah


def test_issue13_p22_1a_neither_upload_nor_version_is_refused_422(pemeran, klien, siap):
    api = klien(pemeran.sekretariat)
    r = langkah(api, siap, "ajukan_persetujuan_dprd", _data())
    assert r.status_code == 422
    assert {
        "rule": "P22-1a",
        "detail": "Unggah rancangan PKS (Pasal 22 ayat 1 huruf a).",
        "field": "rancangan_pks",
    } in r.json()["pelanggaran"]


def test_issue13_p23_agreed_pks_draft_by_stored_version_id(pemeran, klien):
    """sepakati_rancangan_pks takes ``rancangan_versi`` (P23); another KSDD's is 422."""
    from .bantuan import data_rancangan

    ksdd = ke_status(ksdd_baru(pemeran), Status.PENYUSUNAN_PKS, pemeran)
    versi = _versi_pks(ksdd, pemeran.sekretariat)
    lain = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito Selatan – Barito Utara")
    versi_lain = _versi_pks(lain, pemeran.operator)
    api = klien(pemeran.sekretariat)
    data = data_rancangan(ksdd, jenis="pks")
    del data["rancangan"]
    r = langkah(api, ksdd, "sepakati_rancangan_pks", data | {"rancangan_versi": versi_lain.pk})
    assert r.status_code == 422
    assert r.json()["pelanggaran"][0]["field"] == "rancangan_versi"
    assert (
        f"Versi dokumen {versi_lain.pk} bukan versi Perjanjian Kerja Sama {ksdd.nomor_register}."
        in r.json()["detail"]
    )
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_PKS
    r = langkah(api, ksdd, "sepakati_rancangan_pks", data | {"rancangan_versi": versi.pk})
    assert r.status_code == 200, r.json()
    assert ksdd.naskah.get(jenis="pks").berkas_rancangan == versi.berkas
