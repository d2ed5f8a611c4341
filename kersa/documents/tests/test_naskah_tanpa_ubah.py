"""Issue 15, documents a clerk signs without changing them by hand: SVG emblems checked
and drawn to PNG, uploaded on the partner region's page and printed at once (P12-3);
the extra original of a KB/PKS with its paraf hierarki box (P20-4, P24-4); an agency's
own letterhead set on the kop page; the PKS's rights and duties read from the record."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.documents.choices import JenisDokumen
from kersa.documents.konteks.perjanjian import Pihak
from kersa.documents.models import Dokumen
from kersa.documents.naskah import Fakta, pasal_naskah
from kersa.documents.services.hasilkan import dokumen_hasilkan
from kersa.regions.models import PerangkatDaerah, Wilayah

from .hasilkan_util import buka, gambar, teks

pytestmark = pytest.mark.django_db

SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="150" viewBox="0 0 120 150">'
    b'<rect x="5" y="5" width="110" height="140" fill="#1f4e79"/>'
    b'<circle cx="60" cy="75" r="40" fill="#ffd700"/></svg>'
)


def _svg(isi: bytes, kepala: bytes = b"") -> bytes:
    return (
        kepala + b'<svg xmlns="http://www.w3.org/2000/svg" '
        b'xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">' + isi + b"</svg>"
    )


def _tinggi(png: bytes) -> int:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        assert img.format == "PNG"
        return img.height


def test_p12_3_an_svg_emblem_uploaded_on_the_partners_page_tops_the_next_pks(client, pemeran, ksdd):
    """The partner's page (linked from the KSDD page) takes its emblem as SVG; it is kept
    as its PNG drawing and the PKS generated next prints it at once."""
    client.force_login(pemeran.sekretariat)
    halaman = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert reverse("regions:detail", args=["62.13"]) in halaman
    url = reverse("regions:detail", args=["62.13"])
    r = client.post(url, {"gambar": SimpleUploadedFile("bartim.svg", SVG)}, follow=True)
    html = r.content.decode()
    assert "Lambang Kabupaten Barito Timur disimpan" in html
    assert reverse("regions:lambang", args=["62.13"]) in html
    bartim = Wilayah.objects.get(kode="62.13")
    assert bartim.lambang.name.endswith(".png")
    with bartim.lambang.open("rb") as f:
        png = f.read()
    assert _tinggi(png) == 600
    assert client.get(reverse("regions:lambang", args=["62.13"])).content == png
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
        versi = dokumen_hasilkan(ksdd=k, jenis=JenisDokumen.PKS, user=pemeran.sekretariat)
    with versi.berkas.file.open("rb") as f:
        doc = buka(f.read())
    assert png in gambar(doc.tables[0]._tbl, doc.part)


@pytest.mark.parametrize(
    ("svg", "pesan"),
    [
        (_svg(b"<script>alert(1)</script>"), "berisi elemen <script>"),
        (_svg(b'<rect width="9" height="9" onload="alert(1)"/>'), "penangan peristiwa onload"),
        (
            _svg(b'<a xlink:href="javascript:alert(1)"><rect width="9" height="9"/></a>'),
            "javascript",
        ),
        (_svg(b'<image href="http://127.0.0.1/x.png" width="9" height="9"/>'), "di luar gambar"),
        (_svg(b'<image xlink:href="file:///etc/passwd" width="9" height="9"/>'), "di luar gambar"),
        (_svg(b"<foreignObject><p>x</p></foreignObject>"), "<foreignObject>"),
        (
            _svg(b"<text>&x;</text>", b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
            "DOCTYPE atau ENTITY",
        ),
        (_svg(b"<style>@import url(http://127.0.0.1/a.css);</style>"), "dari luar"),
    ],
)
def test_p12_3_an_svg_with_a_script_or_an_outside_reference_is_refused(client, pemeran, svg, pesan):
    client.force_login(pemeran.sekretariat)
    url = reverse("regions:detail", args=["62.03"])
    html = client.post(url, {"gambar": SimpleUploadedFile("a.svg", svg)}, follow=True)
    html = html.content.decode()
    assert "Lambang SVG ditolak" in html and pesan.replace("<", "&lt;").replace(">", "&gt;") in (
        html
    )
    assert not Wilayah.objects.get(kode="62.03").lambang


def test_the_region_page_shows_no_upload_to_whom_may_not_upload(client, pemeran):
    client.force_login(pemeran.operator)
    url = reverse("regions:detail", args=["62.03"])
    html = client.get(url).content.decode()
    assert "Kabupaten Kapuas" in html and 'type="file"' not in html
    client.post(url, {"gambar": SimpleUploadedFile("a.svg", SVG)})
    assert not Wilayah.objects.get(kode="62.03").lambang


def test_p20_4_the_extra_original_of_the_kb_carries_the_paraf_hierarki_box(client, pemeran, ksdd):
    """The KB's document row links its extra original: the same KB with the box (No.,
    Jabatan, Paraf, Tanggal) after the signatures; the version kept has no box."""
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        k = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
        versi = dokumen_hasilkan(ksdd=k, jenis=JenisDokumen.KB, user=pemeran.sekretariat)
    with versi.berkas.file.open("rb") as f:
        biasa = teks(buka(f.read()))
    assert "PARAF HIERARKI" not in biasa and "Rp10.000" in biasa
    client.force_login(pemeran.sekretariat)
    url = reverse("documents:rangkap_paraf", args=[versi.dokumen_id])
    assert url in client.get(reverse("agreements:detail", args=[k.pk])).content.decode()
    r = client.get(url + "?format=docx")
    assert r.status_code == 200
    isi = teks(buka(r.content))
    assert "PARAF HIERARKI (naskah asli tambahan, Pasal 20 ayat (4))" in isi
    for bagian in ("Jabatan", "Paraf", "Tanggal", "Sekretaris Daerah", "Kepala Bagian Hukum"):
        assert bagian in isi
    assert isi.replace("PARAF HIERARKI", "").count("Sekretaris Daerah") >= 1
    # the same KB: the box is the only addition
    assert biasa.split("\n")[:40] == isi.split("\n")[:40]
    assert Dokumen.objects.get(pk=versi.dokumen_id).versi.count() == 1


def test_p20_4_no_paraf_copy_of_a_letter(client, pemeran, ksdd):
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
        versi = dokumen_hasilkan(
            ksdd=k,
            jenis=JenisDokumen.SURAT_PENAWARAN,
            user=pemeran.sekretariat,
            mitra=k.mitra.get(),
        )
    client.force_login(pemeran.sekretariat)
    r = client.get(reverse("documents:rangkap_paraf", args=[versi.dokumen_id]), follow=True)
    assert "hanya dibuat untuk Kesepakatan Bersama dan Perjanjian Kerja Sama" in (
        r.content.decode()
    )


def test_the_kop_page_sets_the_agencys_own_letterhead(client, pemeran, ksdd):
    """Tata Naskah Dinas: what an agency head signs (here the KAK) prints the agency's
    address and contacts set on the kop page, not the Sekretariat Daerah's."""
    pd = ksdd.perangkat_daerah
    client.force_login(pemeran.admin)
    html = client.get(reverse("documents:kop")).content.decode()
    assert pd.nama in html
    data = {
        "setda-alamat": "Jalan Pahlawan Nomor 1",
        "setda-kota": "Buntok",
        f"pd{pd.pk}-alamat": "Jalan Pelita Raya Nomor 21, Buntok 73711",
        f"pd{pd.pk}-telepon": "(0525) 21117",
        f"pd{pd.pk}-email": "dinkes@baritoselatankab.go.id",
        f"pd{pd.pk}-laman": "dinkes.baritoselatankab.go.id",
    }
    lain = PerangkatDaerah.objects.exclude(pk=pd.pk).exclude(alamat="").first()
    alamat_lain = lain.alamat if lain else ""
    r = client.post(reverse("documents:kop"), data, follow=True)
    assert "Kop surat disimpan" in r.content.decode()
    if lain:  # an agency whose fields were not posted keeps its address
        assert PerangkatDaerah.objects.get(pk=lain.pk).alamat == alamat_lain
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        versi = dokumen_hasilkan(ksdd=ksdd, jenis=JenisDokumen.KAK, user=pemeran.sekretariat)
    with versi.berkas.file.open("rb") as f:
        doc = buka(f.read())
    kop = "\n".join(p.text for p in doc.tables[0].cell(0, 1).paragraphs)
    assert pd.nama.upper() in kop and "SEKRETARIAT DAERAH" not in kop
    assert "Jalan Pelita Raya Nomor 21, Buntok 73711" in kop
    assert (
        "Telepon (0525) 21117, Pos-el dinkes@baritoselatankab.go.id, "
        "Laman dinkes.baritoselatankab.go.id"
    ) in kop
    assert "Jalan Pahlawan Nomor 1" not in kop


def _pihak(kode: str, urutan: int, pd: str = "") -> Pihak:
    w = Wilayah.objects.get(kode=kode)
    return Pihak(
        urutan, w, "1/2026", "Nama", f"Bupati {w.nama}", "dasar", w.ibu_kota, perangkat_daerah=pd
    )


def _hak_kewajiban(**fakta) -> str:
    f = Fakta(
        sebutan="Perjanjian Kerja Sama",
        judul="Pengelolaan Sampah Regional",
        pihak=[_pihak("62.04", 1, "Dinas Lingkungan Hidup"), _pihak("62.13", 2)],
        **fakta,
    )
    pasal = next(p for p in pasal_naskah(f, pks=True) if p.kode == "hak_kewajiban")
    return "\n".join(pasal.baris)


def test_p12_1_the_rights_and_duties_are_read_from_the_record(acuan):
    """Pasal 9 huruf b: Barito Selatan pays Barito Timur for the service, on the recorded
    basis; the KAK's scope is each party's duty; no blank is left for the clerk."""
    isi = _hak_kewajiban(
        obyek_ruang_lingkup="Pengangkutan dan pengolahan sampah di TPA regional.",
        pembayar="Kabupaten Barito Selatan",
        penerima_pembayaran="Kabupaten Barito Timur",
        dasar_pembayaran="tarif per ton yang disepakati",
        nilai_anggaran=150_000_000,
        sumber_dana="APBD",
    )
    assert "[...diisi" not in isi
    assert (
        "Kewajiban PIHAK KESATU: a. melaksanakan bagiannya dalam ruang lingkup Perjanjian "
        "Kerja Sama ini, yaitu pengangkutan dan pengolahan sampah di TPA regional; b. "
        "membayar kepada Pemerintah Kabupaten Barito Timur atas layanan yang diterima "
        "berdasarkan tarif per ton yang disepakati; c. menyediakan pembiayaan"
    ) in isi
    assert "menerima pembayaran dari Pemerintah Kabupaten Barito Selatan" in isi
    assert "Hak PIHAK KESATU: a. memperoleh manfaat" in isi
    assert "menerima layanan dari Pemerintah Kabupaten Barito Timur" in isi


def test_p12_1_a_blank_stays_only_where_the_record_has_nothing(acuan):
    isi = _hak_kewajiban()
    assert "[...diisi: kewajiban PIHAK KESATU sesuai ruang lingkup...]" in isi
    assert "[...diisi: kewajiban PIHAK KEDUA sesuai ruang lingkup...]" in isi
    assert "Hak PIHAK KEDUA: a. memperoleh manfaat" in isi
