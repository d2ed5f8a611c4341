"""Recording the KB signing step from a signed version (issue 16; P20-3, P20-4) through
the web form on the KSDD page and through ``POST /api/v1/versi/{id}/catat-penandatanganan/``:
the date is the signature's, the signed PDF becomes the step's file; a version without
the partner head's signature, or with the paraf hierarki after the signature, is refused
with the Pasal and nothing is recorded."""

import io
import json

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.services.versi import dokumen_naskah
from kersa.tte import services

from .conftest import hari_ttd_kb
from .test_tandatangan import _baca, _mitra_menandatangani, _paraf, _ttd
from .test_views import _masuk

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb(faktor_kedua, tte_setelan):
    p = faktor_kedua
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_KB, p)
    return dokumen_naskah(ksdd=ksdd, jenis="kb", user=p.sekretariat)


def _unggah(kb, data, user):
    return services.tte_unggah_bertanda(
        dokumen=kb,
        upload=SimpleUploadedFile("kb-mitra.pdf", data, content_type="application/pdf"),
        user=user,
    )


def _api(client, versi, **data):
    body = {"tempat": "Buntok", **data}
    return client.post(
        f"/api/v1/versi/{versi.pk}/catat-penandatanganan/",
        data=json.dumps(body),
        content_type="application/json",
    )


def test_p20_3_langkah_kb_dicatat_dari_versi_bertanda_lewat_web_dan_api(
    client, faktor_kedua, kb, pki
):
    """P20-3: the version the Bupati signed lacks the partner head's signature: the web
    form refuses it naming him (Pasal 20 ayat 3) and nothing moves; from the version the
    partner signed too, the API records the step dated by the signature, with the signed
    PDF as the step's file and the numbers given."""
    p = faktor_kedua
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _paraf(kb, p, pki)
        ttd = _ttd(kb, p.bupati, pki, "bupati")
        _masuk(client, p.sekretariat)
        with CaptureQueriesContext(connection) as kueri:
            r = client.get(reverse("agreements:detail", args=[kb.ksdd_id]))
        # The KSDD page's budget, the form included; +1 since the signing check asks whether
        # the agreed draft is one KERSA generated (its signing blanks filled at signing).
        assert len(kueri) <= 31
        halaman = r.content.decode()
        assert "Catat langkah penandatanganan dari versi bertanda tangan elektronik" in halaman
        assert 'name="nomor_62.04"' in halaman
        # the Bupati's signed version: the partner's head has not signed (P20-3)
        r = client.post(
            reverse("tte:catat_langkah", args=[kb.pk]),
            {"versi": ttd.versi.pk, "tempat": "Buntok", "nomor_62.04": "100.3.6/08/Pem/2026"},
            follow=True,
        )
        teks = r.content.decode()
        assert "belum ditandatangani oleh" in teks and "Pasal 20 ayat (3)" in teks
        kb.ksdd.refresh_from_db()
        assert kb.ksdd.status == Status.PENANDATANGANAN_KB
        # the partner's head signs the PDF KERSA sent; it comes back and validates
        val = _unggah(kb, _mitra_menandatangani(_baca(ttd.versi), pki), p.sekretariat)
        assert val.sah, val.ringkasan
        mitra = kb.ksdd.mitra.get()
        r = _api(
            client,
            val.versi,
            nomor_naskah=[
                {"wilayah": "62.04", "nomor_naskah": "100.3.6/08/Pem/2026"},
                {"wilayah": mitra.kode, "nomor_naskah": "100.3/21/Pem/2026"},
            ],
        )
        assert r.status_code == 200, r.content
        assert r.json()["status"] in (Status.PENYUSUNAN_PKS, Status.PERMOHONAN_DPRD)
    kb.ksdd.refresh_from_db()
    naskah = kb.ksdd.naskah.get(jenis="kb")
    assert naskah.tanggal_ditandatangani == hari_ttd_kb().date()
    assert naskah.berkas_ditandatangani.sha256 == val.versi.berkas.sha256
    nomor = {t.wilayah_id: t.nomor_naskah for t in naskah.penandatangan.all()}
    assert nomor["62.04"] == "100.3.6/08/Pem/2026"
    assert nomor[mitra.kode] == "100.3/21/Pem/2026"


def test_p20_4_langkah_ditolak_bila_paraf_sesudah_tanda_tangan_pada_berkas(
    client, faktor_kedua, kb, pki
):
    """P20-4: a KB the Bupati signed outside KERSA before the paraf hierarki, then
    initialled in KERSA and signed by the partner: every signature validates, but the
    step is refused (422, P20-4) because on the file the paraf follows the signature."""
    p = faktor_kedua
    with time_machine.travel(hari_ttd_kb(), tick=True):
        data = services._pdf_dasar(services._versi_terakhir(kb))
        bupati = signers.SimpleSigner.load_pkcs12_data(
            pki.p12("bupati"), other_certs=[], passphrase=b"sandi-p12"
        )
        w = IncrementalPdfFileWriter(io.BytesIO(data))
        luar = signers.sign_pdf(
            w, signers.PdfSignatureMetadata(field_name="TTE-Bupati-luar"), signer=bupati
        )
        assert _unggah(kb, luar.getvalue(), p.sekretariat).sah
        _paraf(kb, p, pki)
        terakhir = services._versi_terakhir(kb)
        val = _unggah(kb, _mitra_menandatangani(_baca(terakhir), pki), p.sekretariat)
        assert val.sah, val.ringkasan
        _masuk(client, p.sekretariat)
        r = _api(client, val.versi)
    assert r.status_code == 422, r.content
    assert r.json()["rule"] == "P20-4"
    assert "tidak dibubuhkan sebelum tanda tangan" in r.json()["detail"]
    kb.ksdd.refresh_from_db()
    assert kb.ksdd.status == Status.PENANDATANGANAN_KB
    assert not kb.ksdd.naskah.filter(jenis="kb", tanggal_ditandatangani__isnull=False).exists()
