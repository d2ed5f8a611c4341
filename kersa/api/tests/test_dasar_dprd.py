"""P21-1 through the API: an operator's PATCH of the DPRD inputs after the KAK is refused;
the secretariat changes them with ``POST /api/v1/ksdd/{id}/ubah_dasar_dprd/``."""

import pytest

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.documents.contoh import unggahan_pdf

from .bantuan import multipart

pytestmark = pytest.mark.django_db

ALASAN = "Kegiatan tidak jadi dianggarkan dalam Perubahan APBD 2026 (nota dinas terlampir)."


def _url(ksdd):
    return f"/api/v1/ksdd/{ksdd.pk}/ubah_dasar_dprd/"


def test_p21_1_operator_patch_after_the_kak_is_refused_with_the_pasal(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    r = klien(pemeran.operator).patch(
        f"/api/v1/ksdd/{ksdd.pk}/", {"membebani_masyarakat": True}, format="json"
    )
    assert r.status_code == 422, r.json()
    assert r.json()["rule"] == "P21-1"
    assert "tidak dapat diubah setelah KAK diajukan" in r.json()["detail"]
    ksdd.refresh_from_db()
    assert not ksdd.membebani_masyarakat


def test_p21_1_secretariat_changes_with_reason_and_evidence(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    data = {"dianggarkan_apbd": "false", "nomor_dpa": "", "alasan": ALASAN}
    data["bukti"] = unggahan_pdf("nota-dinas.pdf")
    r = klien(pemeran.sekretariat).post(_url(ksdd), multipart(data), format="multipart")
    assert r.status_code == 200, r.json()
    assert r.json()["memerlukan_persetujuan_dprd"] is True
    ksdd.refresh_from_db()
    assert (ksdd.dianggarkan_apbd, ksdd.membebani_masyarakat) == (False, False)
    row = ksdd.riwayat.get(aksi="ubah_dasar_dprd")
    assert row.data["baru"] == {"dianggarkan_apbd": False, "nomor_dpa": ""}
    assert row.alasan == ALASAN and row.berkas.count() == 1


def test_p21_1_change_without_reason_is_422_and_saves_nothing(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    data = {"membebani_masyarakat": "true", "bukti": unggahan_pdf("nota-dinas.pdf")}
    r = klien(pemeran.ketua).post(_url(ksdd), multipart(data), format="multipart")
    assert r.status_code == 422, r.json()
    body = r.json()
    assert body["rule"] == "P21-1"
    assert "Sebutkan alasan perubahan dasar Persetujuan DPRD (Pasal 21 ayat 1)." in body["detail"]
    ksdd.refresh_from_db()
    assert not ksdd.membebani_masyarakat
    assert not ksdd.riwayat.filter(aksi="ubah_dasar_dprd").exists()
    assert not ksdd.berkas.filter(nama_asli="nota-dinas.pdf").exists()


def test_p21_1_operator_cannot_use_the_change(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    data = {"membebani_masyarakat": "true", "alasan": ALASAN}
    data["bukti"] = unggahan_pdf("nota-dinas.pdf")
    r = klien(pemeran.operator).post(_url(ksdd), multipart(data), format="multipart")
    assert r.status_code == 403
    assert "Sekretariat TKKSD atau Ketua TKKSD (Pasal 21 ayat 1)" in r.json()["detail"]
