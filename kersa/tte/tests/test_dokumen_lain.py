"""The other documents the regulation has signed (issue 16): who signs each (KAK by the
Kepala Perangkat Daerah, P14-1; letters by the Bupati, P16-3; meeting records by the
Ketua TKKSD, P39), the PDF/A check before signing, and signing without a row lock held
while the timestamp server is called (another write to the same KSDD goes through; a
document changed meanwhile is refused at the end)."""

import pytest
from django.db import connection

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.choices import AsalVersi, JenisDokumen
from kersa.documents.models import Dokumen
from kersa.documents.services.versi import dokumen_naskah, versi_tambah
from kersa.tte import pdf, services
from kersa.tte.choices import PeranTte
from kersa.tte.models import KodeVerifikasi, TandaTanganTte
from kersa.tte.penyedia import Pkcs12

from .bsre import TsaLambat
from .conftest import otp


def _ttd(dok, user, pki, label, peran=PeranTte.TANDA_TANGAN):
    return services.tte_tandatangani(
        dokumen=dok,
        user=user,
        peran=peran,
        penyedia=Pkcs12(pki.p12(label), "sandi-p12"),
        kode_otp=otp(user),
    )


def _tolak(fn, *args, **kwargs) -> RuleViolation:
    with pytest.raises(RuleViolation) as e:
        fn(*args, **kwargs)
    return e.value


def _dokumen(ksdd, jenis, user, data: bytes, ksdd_ikut: bool = True) -> Dokumen:
    dok = Dokumen.objects.create(
        ksdd=ksdd if ksdd_ikut else None,
        jenis=jenis,
        judul=f"{JenisDokumen(jenis).label}: {ksdd.judul}"[:300],
        dibuat_oleh=user,
    )
    versi_tambah(dokumen=dok, asal=AsalVersi.REVISI, user=user, data=data, nama=f"{jenis}.pdf")
    return dok


def _pdf_naskah(p) -> tuple:
    """A KSDD and a real PDF of one of its texts (the KB, converted by LibreOffice)."""
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_KB, p)
    kb = dokumen_naskah(ksdd=ksdd, jenis="kb", user=p.sekretariat)
    return ksdd, kb, services._pdf_dasar(services._versi_terakhir(kb))


@pytest.mark.django_db
def test_p14_1_p16_3_p39_penanda_tangan_menurut_jenis_dokumen(faktor_kedua, tte_setelan, pki):
    """P16-3: the offer letter is the Bupati's: the Kepala Dinas is refused. P14-1: the
    KAK is the Kepala Perangkat Daerah's: the Bupati is refused, the Kepala Dinas of the
    KSDD's agency signs it (no paraf hierarki on his own paper). P39: the meeting's
    Berita Acara is the Ketua TKKSD's: the Sekretariat is refused, the Ketua signs."""
    p = faktor_kedua
    pd = p.operator.perangkat_daerah
    pd.kepala_nama, pd.kepala_jabatan = "Rahmat Hidayat", "Kepala Dinas Kesehatan"
    pd.save(update_fields=["kepala_nama", "kepala_jabatan"])
    ksdd, _kb, data = _pdf_naskah(p)
    surat = _dokumen(ksdd, JenisDokumen.SURAT_PENAWARAN, p.sekretariat, data)
    e = _tolak(_ttd, surat, p.operator, pki, "kadis")
    assert e.rule == "P16-3"
    assert "ditandatangani oleh Bupati (Pasal 16 ayat (3)); Rahmat Hidayat bukan Bupati" in e.detail

    kak = _dokumen(ksdd, JenisDokumen.KAK, p.sekretariat, data)
    e = _tolak(_ttd, kak, p.bupati, pki, "bupati")
    assert e.rule == "P14-1"
    assert "Kepala Perangkat Daerah" in e.detail and "Pasal 14 ayat (1)" in e.detail
    ttd = _ttd(kak, p.operator, pki, "kadis")
    assert (ttd.nama, ttd.jabatan) == ("Rahmat Hidayat", "Kepala Dinas Kesehatan")
    assert services.validasi_terakhir(ttd.versi).sah
    assert ttd.versi.berkas.jenis == "lainnya"

    ba = _dokumen(ksdd, JenisDokumen.BERITA_ACARA_RAPAT, p.sekretariat, data)
    e = _tolak(_ttd, ba, p.sekretariat, pki, "kabag")
    assert e.rule == "P39"
    assert "Ketua TKKSD (Pasal 37 ayat (3), Pasal 39)" in e.detail
    ttd = _ttd(ba, p.ketua, pki, "ketua")
    assert (ttd.nama, ttd.jabatan) == ("Edy Purwanto", "Ketua TKKSD")
    assert not TandaTanganTte.objects.filter(dokumen=surat).exists()


def _pdf_tanpa_huruf_tertanam() -> bytes:
    """A one-page PDF whose text uses Helvetica without embedding it (not PDF/A)."""
    isi = b"BT /F1 12 Tf 72 720 Td (Surat penawaran) Tj ET"
    obj = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(isi) + isi + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    letak = []
    for i, o in enumerate(obj, start=1):
        letak.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(obj) + 1)
    out += b"".join(b"%010d 00000 n \n" % x for x in letak)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(obj) + 1, xref)
    return bytes(out)


@pytest.mark.django_db
def test_tte_pdf_bukan_pdfa_ditolak_tanpa_catatan(faktor_kedua, tte_setelan, pki):
    """A PDF whose fonts are not embedded is not PDF/A-compatible: signing it is refused,
    naming the font, and nothing is recorded; KERSA's own PDF passes the same check."""
    p = faktor_kedua
    ksdd, _kb, data = _pdf_naskah(p)
    assert pdf.periksa_pdfa(data) == []
    buruk = _pdf_tanpa_huruf_tertanam()
    assert pdf.periksa_pdfa(buruk) == ["huruf tidak tertanam: Helvetica"]
    surat = _dokumen(ksdd, JenisDokumen.SURAT_PENAWARAN, p.sekretariat, buruk)
    e = _tolak(_ttd, surat, p.sekretariat, pki, "kabag", PeranTte.PARAF)
    assert e.rule == "TTE"
    assert "PDF versi 1 tidak sesuai PDF/A" in e.detail
    assert "huruf tidak tertanam: Helvetica" in e.detail
    assert surat.versi.count() == 1
    assert not TandaTanganTte.objects.filter(dokumen=surat).exists()
    assert not KodeVerifikasi.objects.filter(dokumen=surat).exists()


def _tulis_lain(ksdd_pk: int, dok_pk: int):
    """Another request writing to the same KSDD and taking the document's row lock,
    without waiting (NOWAIT on PostgreSQL; SQLite refuses at once when a writer holds
    the database)."""
    from django.db import transaction
    from django.utils import timezone

    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as c:
                    c.execute("SET LOCAL lock_timeout = '200ms'")
            list(Dokumen.objects.select_for_update(nowait=True).filter(pk=dok_pk))
            Ksdd.objects.filter(pk=ksdd_pk).update(diubah_pada=timezone.now())
        return "ok"
    except Exception as exc:  # the lock the signing would hold
        return f"{exc.__class__.__name__}: {exc}"
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_tte_tidak_mengunci_baris_selama_panggilan_tsa(faktor_kedua, tte_setelan, pki):
    """While the timestamp server (slow, 1 s) is being called, another write to the same
    KSDD that locks the document's row goes through at once: signing holds no lock and
    no open transaction during network calls. The signature is kept afterwards."""
    p = faktor_kedua
    pd = p.operator.perangkat_daerah
    pd.kepala_nama, pd.kepala_jabatan = "Rahmat Hidayat", "Kepala Dinas Kesehatan"
    pd.save(update_fields=["kepala_nama", "kepala_jabatan"])
    ksdd, _kb, data = _pdf_naskah(p)
    kak = _dokumen(ksdd, JenisDokumen.KAK, p.sekretariat, data)
    tsa = TsaLambat(pki.tsa_url, lambda: _tulis_lain(ksdd.pk, kak.pk), detik=1.0).mulai()
    try:
        tte_setelan.KERSA_TTE_TSA_URL = f"{tsa.url}/tsa"
        ttd = _ttd(kak, p.operator, pki, "kadis")
    finally:
        tsa.berhenti()
    # pyHanko asks the TSA twice (a first token to size the signature, then the real one);
    # each time the other write went through without waiting
    assert tsa.hasil and set(tsa.hasil) == {"ok"}
    assert ttd.bercap_waktu and services.validasi_terakhir(ttd.versi).sah


@pytest.mark.django_db(transaction=True)
def test_tte_dokumen_berubah_selama_penandatanganan_ditolak(faktor_kedua, tte_setelan, pki):
    """A new version added to the document while it is being signed (during the TSA
    call) is not blocked; the signature, made over the older text, is then refused and
    nothing of it is kept."""
    p = faktor_kedua
    pd = p.operator.perangkat_daerah
    pd.kepala_nama, pd.kepala_jabatan = "Rahmat Hidayat", "Kepala Dinas Kesehatan"
    pd.save(update_fields=["kepala_nama", "kepala_jabatan"])
    ksdd, _kb, data = _pdf_naskah(p)
    kak = _dokumen(ksdd, JenisDokumen.KAK, p.sekretariat, data)

    def revisi():
        if kak.versi.count() > 1:  # the TSA's second call: the revision is in
            connection.close()
            return None
        try:
            v = versi_tambah(
                dokumen=kak,
                asal=AsalVersi.REVISI,
                user=p.sekretariat,
                data=data + b"\n% revisi\n",
                nama="kak-revisi.pdf",
            )
            return v.nomor
        finally:
            connection.close()

    tsa = TsaLambat(pki.tsa_url, revisi, detik=0.5).mulai()
    try:
        tte_setelan.KERSA_TTE_TSA_URL = f"{tsa.url}/tsa"
        e = _tolak(_ttd, kak, p.operator, pki, "kadis")
    finally:
        tsa.berhenti()
    assert tsa.hasil[0] == 2
    assert "Dokumen berubah selama penandatanganan: versi 2 ditambahkan" in e.detail
    assert kak.versi.count() == 2
    assert not TandaTanganTte.objects.filter(dokumen=kak).exists()
    assert not KodeVerifikasi.objects.filter(dokumen=kak).exists()
