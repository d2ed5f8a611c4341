"""Templates are Word files: an administrator replaces the PKS template with an edited
DOCX through the upload page and the next PKS carries the change; an upload that drops
a required part, or breaks a tag, is refused naming what breaks (P12-1); the shipped
template is the fallback and every upload is a version."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.documents.choices import JenisDokumen
from kersa.documents.models import TemplatDokumen
from kersa.documents.services.hasilkan import dokumen_hasilkan, templat_untuk
from kersa.regions.models import Wilayah

from .hasilkan_util import buka, gambar, teks

pytestmark = pytest.mark.django_db

ASLI = "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:"
DIUBAH = (
    "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut, sesuai hasil rapat teknis:"
)


def _docx(ubah) -> bytes:
    doc = Document(str(templat_untuk(JenisDokumen.PKS)))
    ubah(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _ganti_klausul(doc):
    p = next(p for p in doc.paragraphs if p.text == ASLI)
    for r in p.runs[1:]:
        r._r.getparent().remove(r._r)
    p.runs[0].text = DIUBAH


def _buang_penutup(doc):
    p = next(p for p in doc.paragraphs if p.text == "{{ penutup }}")
    p._p.getparent().remove(p._p)


def _rusak_tanda(doc):
    p = next(p for p in doc.paragraphs if p.text == "{%p for ps in pasal %}")
    p.runs[0].text = "{%p for ps in %}"


def _unggah(client, data: bytes, catatan: str = ""):
    return client.post(
        reverse("documents:templat", args=[JenisDokumen.PKS]),
        {"berkas": SimpleUploadedFile("pks-hukum.docx", data), "catatan": catatan},
        follow=True,
    )


@pytest.fixture
def admin(client, pemeran):
    client.force_login(pemeran.admin)
    return client


def _pks(pemeran, ksdd) -> str:
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
        versi = dokumen_hasilkan(ksdd=k, jenis=JenisDokumen.PKS, user=pemeran.sekretariat)
    with versi.berkas.file.open("rb") as f:
        return teks(buka(f.read()))


def test_p12_1_an_edited_pks_template_uploaded_on_the_page_shapes_the_next_pks(
    admin, pemeran, ksdd, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    r = _unggah(admin, _docx(_ganti_klausul), catatan="Klausul rapat teknis")
    assert r.status_code == 200
    assert "Templat Perjanjian Kerja Sama (Pasal 12) versi 1 berlaku mulai sekarang." in (
        r.content.decode()
    )
    baris = TemplatDokumen.objects.get(jenis=JenisDokumen.PKS)
    assert (baris.versi, baris.catatan, baris.diunggah_oleh) == (
        1,
        "Klausul rapat teknis",
        pemeran.admin,
    )
    isi = _pks(pemeran, ksdd)
    assert DIUBAH in isi and ASLI not in isi
    # the download gives the template in force, to edit again in Word
    r = admin.get(reverse("documents:templat_unduh", args=[JenisDokumen.PKS]))
    assert DIUBAH in teks(buka(r.content))


def test_p12_1_an_upload_that_drops_a_required_part_is_refused_naming_it(admin, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    r = _unggah(admin, _docx(_buang_penutup))
    html = r.content.decode()
    assert "Templat Perjanjian Kerja Sama (Pasal 12) ditolak: bagian wajib hilang: penutup" in html
    assert "Pasal 12 ayat (1)" in html
    assert not TemplatDokumen.objects.exists()


def test_p12_1_an_upload_with_a_broken_tag_is_refused(admin, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    html = _unggah(admin, _docx(_rusak_tanda)).content.decode()
    assert "Templat tidak dapat diisi dengan data contoh" in html
    assert not TemplatDokumen.objects.exists()


def test_a_pdf_is_not_a_template(admin, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    html = _unggah(admin, b"%PDF-1.4\n%%EOF\n").content.decode()
    assert "ditolak" in html or "Word" in html
    assert not TemplatDokumen.objects.exists()


def test_back_to_the_shipped_template_and_an_earlier_version_again(
    admin, pemeran, ksdd, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    _unggah(admin, _docx(_ganti_klausul))
    url = reverse("documents:templat_kembalikan", args=[JenisDokumen.PKS])
    admin.post(url)
    assert ASLI in _pks(pemeran, ksdd)  # the shipped template is in force again
    admin.post(url, {"versi": "1"})
    riwayat = list(TemplatDokumen.objects.filter(jenis=JenisDokumen.PKS).order_by("versi"))
    assert [(r.versi, r.bawaan) for r in riwayat] == [(1, False), (2, True), (3, False)]
    assert riwayat[2].sha256 == riwayat[0].sha256
    html = admin.get(reverse("documents:templat", args=[JenisDokumen.PKS])).content.decode()
    assert "Riwayat versi" in html and "Memakai kembali versi 1." in html


def test_only_an_administrator_keeps_the_templates(client, pemeran):
    client.force_login(pemeran.sekretariat)
    assert client.get(reverse("documents:templat_daftar")).status_code == 403
    r = client.post(
        reverse("documents:templat", args=[JenisDokumen.PKS]),
        {"berkas": SimpleUploadedFile("x.docx", b"PK")},
    )
    assert r.status_code == 403


def test_the_letterhead_settings_page_fills_the_kop_of_the_next_letter(admin, pemeran, ksdd):
    """Tata Naskah Dinas: the head of region's letterhead carries the address, postal
    code, telephone, e-mail and website set on the settings page."""
    data = {
        "kepala-alamat": "Jalan Pahlawan Nomor 1",
        "kepala-kota": "Buntok",
        "kepala-kode_pos": "73711",
        "kepala-telepon": "(0525) 21006",
        "kepala-email": "bupati@baritoselatankab.go.id",
        "kepala-laman": "baritoselatankab.go.id",
        "setda-alamat": "Jalan Pahlawan Nomor 2",
        "setda-kota": "Buntok",
    }
    r = admin.post(reverse("documents:kop"), data, follow=True)
    assert "Kop surat disimpan" in r.content.decode()
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
        versi = dokumen_hasilkan(
            ksdd=k,
            jenis=JenisDokumen.SURAT_PENAWARAN,
            user=pemeran.sekretariat,
            mitra=k.mitra.get(),
        )
    with versi.berkas.file.open("rb") as f:
        doc = buka(f.read())
    kop = "\n".join(p.text for p in doc.tables[0].cell(0, 1).paragraphs)
    assert "BUPATI BARITO SELATAN" in kop
    assert "Jalan Pahlawan Nomor 1, Buntok 73711" in kop
    assert (
        "Telepon (0525) 21006, Pos-el bupati@baritoselatankab.go.id, Laman baritoselatankab.go.id"
        in kop
    )


def _png(tinggi: int = 120) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (100, tinggi), "red").save(out, format="PNG")
    return out.getvalue()


def test_p11_2_the_garuda_uploaded_on_the_emblems_page_tops_the_next_kb(
    client, pemeran, ksdd, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(pemeran.sekretariat)
    garuda = _png()
    r = client.post(
        reverse("documents:lambang"),
        {"gambar": SimpleUploadedFile("garuda.png", garuda)},
        follow=True,
    )
    assert "Lambang Garuda Pancasila disimpan" in r.content.decode()
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        k = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
        versi = dokumen_hasilkan(ksdd=k, jenis=JenisDokumen.KB, user=pemeran.sekretariat)
    with versi.berkas.file.open("rb") as f:
        doc = buka(f.read())
    assert gambar(doc.paragraphs[0]._p, doc.part) == [garuda]


def test_p12_3_a_region_emblem_uploaded_on_the_page_and_bad_images_refused(
    client, pemeran, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(pemeran.sekretariat)
    url = reverse("documents:lambang")
    r = client.post(
        url, {"wilayah": "62.13", "gambar": SimpleUploadedFile("bartim.png", _png())}, follow=True
    )
    assert "Lambang Kabupaten Barito Timur disimpan" in r.content.decode()
    assert Wilayah.objects.get(kode="62.13").lambang
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script/></svg>'
    html = client.post(
        url, {"wilayah": "62.05", "gambar": SimpleUploadedFile("a.svg", svg)}, follow=True
    ).content.decode()
    assert "Lambang SVG ditolak: berisi elemen &lt;script&gt;" in html
    html = client.post(
        url, {"wilayah": "62.05", "gambar": SimpleUploadedFile("a.png", _png(40))}, follow=True
    ).content.decode()
    assert "terlalu kecil (40 piksel tinggi)" in html
    assert not Wilayah.objects.get(kode="62.05").lambang
