"""Signing a KB electronically (issue 16) with a real PKI on 127.0.0.1: who may sign
(P20-3, P24-2), in which order (P20-4), with which certificate; nothing recorded on refusal."""

import io

import pytest
import time_machine
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from kersa.agreements.choices import Status
from kersa.agreements.skenario import _penandatangan, ke_status, ksdd_baru
from kersa.documents.services.versi import dokumen_naskah
from kersa.tte import services
from kersa.tte.choices import PeranTte
from kersa.tte.penyedia import Pkcs12

from .conftest import hari_ttd_kb, otp

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def kb(faktor_kedua, tte_setelan):
    p = faktor_kedua
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_KB, p)
    return dokumen_naskah(ksdd=ksdd, jenis="kb", user=p.sekretariat)


def _ttd(dok, user, pki, label, peran=PeranTte.TANDA_TANGAN, sandi="sandi-p12"):
    return services.tte_tandatangani(
        dokumen=dok,
        user=user,
        peran=peran,
        penyedia=Pkcs12(pki.p12(label), sandi),
        kode_otp=otp(user),
    )


def _paraf(dok, p, pki):
    _ttd(dok, p.sekretariat, pki, "kabag", PeranTte.PARAF)
    _ttd(dok, p.ketua, pki, "ketua", PeranTte.PARAF)


def _mitra_menandatangani(data: bytes, pki) -> bytes:
    """The partner's head signs the PDF KERSA sent, in the partner's own system."""
    signer = signers.SimpleSigner.load_pkcs12_data(
        pki.p12("bupati-mitra"), other_certs=[], passphrase=b"sandi-p12"
    )
    w = IncrementalPdfFileWriter(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(field_name="TTE-Mitra")
    return signers.sign_pdf(w, meta, signer=signer).getvalue()


def _baca(versi) -> bytes:
    with versi.berkas.file.open("rb") as f:
        return f.read()


def test_p20_3_kb_ditandatangani_kedua_kepala_daerah_sah_dan_langkah_dicatat(kb, pki):
    """P20-3, P20-4: paraf hierarki, the Bupati's TTE, the partner head's signature on the
    PDF that comes back: all validate; the KB signing step is recorded from it, dated by
    the signature."""
    p = pemeran = None  # noqa: F841
    from kersa.agreements.skenario import pemeran_buat

    p = pemeran_buat()
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _paraf(kb, p, pki)
        ttd = _ttd(kb, p.bupati, pki, "bupati")
        assert ttd.nama == "Eddy Raya Samsuri"
        assert ttd.jabatan == "Bupati Barito Selatan"
        assert ttd.bercap_waktu
        data = _baca(ttd.versi)
        kembali = _mitra_menandatangani(data, pki)
        from django.core.files.uploadedfile import SimpleUploadedFile

        val = services.tte_unggah_bertanda(
            dokumen=kb,
            upload=SimpleUploadedFile("kb-mitra.pdf", kembali, content_type="application/pdf"),
            user=p.sekretariat,
        )
        assert val.sah, val.ringkasan
        assert [s["nama"] for s in val.tanda_tangan] == [
            "Nur Aisyah",
            "Edy Purwanto",
            "Eddy Raya Samsuri",
            "Kepala Daerah Barito Timur",
        ]
        assert all(s["utuh"] and s["tepercaya"] and not s["diubah"] for s in val.tanda_tangan)
        ksdd = services.tte_catat_penandatanganan(
            versi=val.versi,
            user=p.sekretariat,
            tempat="Buntok",
            penandatangan=_penandatangan(kb.ksdd, p, pks=False),
        )
    ksdd.refresh_from_db()
    assert ksdd.status in (Status.PENYUSUNAN_PKS, Status.PERMOHONAN_DPRD)
    naskah = ksdd.naskah.get(jenis="kb")
    assert naskah.tanggal_ditandatangani == hari_ttd_kb().date()
    assert naskah.berkas_ditandatangani.sha256 == val.versi.berkas.sha256
