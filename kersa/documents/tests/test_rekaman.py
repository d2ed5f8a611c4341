"""Records not built from one KSDD (Berita Acara, Notulen, reports): numbered from the
kind's scheme, rendered on the letterhead, kept as versions, not duplicated."""

import datetime as dt

import pytest

from kersa.documents.choices import JenisDokumen
from kersa.documents.konteks.surat import blok, konteks_rekaman
from kersa.documents.services import dokumen_rekaman, rekaman_hasilkan
from kersa.documents.services.penomoran import penomoran_muat_default

from .hasilkan_util import buka, teks

pytestmark = pytest.mark.django_db


def test_p39_record_is_numbered_rendered_and_versioned_once(pemeran):
    penomoran_muat_default()
    user = pemeran.sekretariat
    tanggal = dt.date(2026, 3, 10)
    dok = dokumen_rekaman(
        jenis=JenisDokumen.BERITA_ACARA_RAPAT, judul="BA Rapat Pleno", user=user, tanggal=tanggal
    )
    assert dok.nomor == "000.3/1/BA-TKKSD/2026"
    konteks = konteks_rekaman(
        judul="Berita Acara Rapat Pleno",
        subjudul="Tim Koordinasi Kerja Sama Daerah",
        nomor=dok.nomor,
        tanggal=tanggal,
        isi=[blok("judul", "Keputusan"), blok("butir", "1. Menerima penawaran <Barito Timur>.")],
        ttd={"jabatan": "KETUA TKKSD,", "nama": "H. EDY PURWANTO"},
    )
    v1 = rekaman_hasilkan(dokumen=dok, konteks=konteks, nama_berkas="ba.docx", user=user)
    body = teks(buka(v1.berkas.file.read()))
    assert "BERITA ACARA RAPAT PLENO" in body
    assert "NOMOR : 000.3/1/BA-TKKSD/2026" in body
    assert "Menerima penawaran <Barito Timur>." in body  # autoescaped, not broken XML
    assert "PEMERINTAH KABUPATEN BARITO SELATAN" in body
    again = rekaman_hasilkan(dokumen=dok, konteks=konteks, nama_berkas="ba.docx", user=user)
    assert again.pk == v1.pk and dok.versi.count() == 1
    konteks["isi"].append(blok("paragraf", "Rapat ditutup pukul 11.30 WIB."))
    v2 = rekaman_hasilkan(dokumen=dok, konteks=konteks, nama_berkas="ba.docx", user=user)
    assert v2.nomor == 2
