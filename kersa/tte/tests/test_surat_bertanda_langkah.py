"""Issue 13 item 5 with issue 16: a letter KERSA generated and the Bupati signed
electronically is taken by its step from the record, not printed, scanned and uploaded.

The offer letter (P16-3) and the request to DPRD (P22-1a): the step's ``surat_versi``
names the signed version; the record then holds that signed PDF. Refused, nothing
saved: a version that carries no valid electronic signature (the generated DOCX itself),
a version of another KSDD, or both a version and an upload.
"""

import pytest
from django.utils import timezone

from kersa.agreements import services as ag
from kersa.agreements.choices import Status
from kersa.agreements.forms import PenawaranForm
from kersa.agreements.models import Penawaran
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Dokumen
from kersa.documents.services import dokumen_hasilkan
from kersa.tte import services
from kersa.tte.choices import PeranTte
from kersa.tte.penyedia import Pkcs12

from .conftest import otp

pytestmark = pytest.mark.django_db


@pytest.fixture
def siap(faktor_kedua, tte_setelan):
    tte_setelan.KERSA_TTE_PARAF_PERAN = []
    p = faktor_kedua
    ksdd = ke_status(ksdd_baru(p), Status.MENYIAPKAN_PENAWARAN, p)
    mitra = ksdd.mitra.get()
    dihasilkan = dokumen_hasilkan(
        ksdd=ksdd, jenis="surat_penawaran", user=p.sekretariat, mitra=mitra
    )
    return p, ksdd, mitra, dihasilkan


def _catat(p, ksdd, mitra, **kw):
    hari = timezone.localdate()
    return ag.ksdd_catat_penawaran(
        ksdd=ksdd,
        user=p.sekretariat,
        nomor=Dokumen.objects.get(ksdd=ksdd, jenis="surat_penawaran").nomor,
        tanggal_surat=hari,
        penandatangan="Bupati Barito Selatan",
        penerimaan={mitra.kode: hari},
        **kw,
    )


def _tolak(p, ksdd, mitra, **kw):
    with pytest.raises(RuleViolation) as e:
        _catat(p, ksdd, mitra, **kw)
    assert not Penawaran.objects.filter(ksdd=ksdd).exists()
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENYIAPKAN_PENAWARAN
    return e.value.pelanggaran


def test_p16_3_offer_takes_the_letter_the_bupati_signed_electronically(siap, pki):
    p, ksdd, mitra, dihasilkan = siap
    # the generated letter itself is not signed: refused naming the Pasal's rule
    (t,) = _tolak(p, ksdd, mitra, surat_versi=dihasilkan.pk)
    assert (t.rule, t.field) == ("P16-3", "surat_versi")
    assert "belum bertanda tangan elektronik yang sah" in t.detail
    dok = Dokumen.objects.get(ksdd=ksdd, jenis="surat_penawaran")
    ttd = services.tte_tandatangani(
        dokumen=dok,
        user=p.bupati,
        peran=PeranTte.TANDA_TANGAN,
        penyedia=Pkcs12(pki.p12("bupati"), "sandi-p12"),
        kode_otp=otp(p.bupati),
    )
    # both a version and a scan: refused
    (t,) = _tolak(p, ksdd, mitra, surat_versi=ttd.versi.pk, surat=unggahan_pdf("scan.pdf"))
    assert t.field == "surat_versi" and "tidak keduanya" in t.detail
    # the form offers the signed version and starts the letter's date at its signature
    form = PenawaranForm(ksdd=ksdd)
    pilihan = dict(form.fields["surat_versi"].widget.choices)
    assert list(pilihan)[1:] == [ttd.versi.pk]  # only the signed version
    assert ttd.versi.berkas.nama_asli in str(pilihan[ttd.versi.pk])
    assert form.fields["tanggal_surat"].initial == timezone.localdate()
    _catat(p, ksdd, mitra, surat_versi=ttd.versi.pk)
    penawaran = Penawaran.objects.get(ksdd=ksdd)
    assert penawaran.berkas_id == ttd.versi.berkas_id
    assert penawaran.berkas.content_type == "application/pdf"
    assert services.validasi_terakhir(ttd.versi).sah


def test_p16_3_a_signed_letter_of_another_ksdd_is_refused(siap, pki):
    p, ksdd, mitra, _dihasilkan = siap
    lain = ke_status(
        ksdd_baru(p, judul="Pengelolaan Sampah Regional"), Status.MENYIAPKAN_PENAWARAN, p
    )
    dokumen_hasilkan(ksdd=lain, jenis="surat_penawaran", user=p.sekretariat, mitra=lain.mitra.get())
    ttd = services.tte_tandatangani(
        dokumen=Dokumen.objects.get(ksdd=lain, jenis="surat_penawaran"),
        user=p.bupati,
        peran=PeranTte.TANDA_TANGAN,
        penyedia=Pkcs12(pki.p12("bupati"), "sandi-p12"),
        kode_otp=otp(p.bupati),
    )
    (t,) = _tolak(p, ksdd, mitra, surat_versi=ttd.versi.pk)
    assert (t.rule, t.field) == ("P16-3", "surat_versi")
    assert f"bukan surat penawaran KSDD {ksdd.nomor_register}" in t.detail
    # without any letter: the usual refusal
    (t,) = _tolak(p, ksdd, mitra)
    assert (t.rule, t.field) == ("P16-3", "surat")
