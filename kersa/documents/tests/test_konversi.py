"""DOCX → PDF with LibreOffice, read back as images and text (P11-1…3, P12-1…5, P20-4).

Conversions are slow (seconds): each document is converted once per module.
"""

import datetime as dt
import subprocess

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from kersa.agreements import rules
from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru, pemeran_buat
from kersa.documents.choices import JenisDokumen
from kersa.documents.contoh import docx_bytes
from kersa.documents.konversi import KonversiGagal, pdf_dari_docx
from kersa.documents.naskah import BAGIAN_KB, BAGIAN_PKS
from kersa.documents.services.hasilkan import dokumen_hasilkan
from kersa.regions.models import Wilayah

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TANGGAL = "Pada hari ini, Senin, tanggal dua puluh tiga bulan Maret tahun dua ribu dua puluh enam (23-03-2026)"


def _data(versi) -> bytes:
    with versi.berkas.file.open("rb") as f:
        return f.read()


@pytest.fixture(scope="module")
def hasil(django_db_setup, django_db_blocker, tmp_path_factory):
    """One KB (two parties, signed Monday 23 March 2026), one PKS (three parties, signed
    that day) and one letter, each generated and converted once; rolled back after."""
    folder = tmp_path_factory.mktemp("konversi")
    out = {}
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(folder / "media")),
        transaction.atomic(),
    ):
        pemeran = pemeran_buat(password="rahasia-uji-123")
        with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
            kb = ke_status(ksdd_baru(pemeran), Status.PENYUSUNAN_PKS, pemeran)
            out["kb"] = dokumen_hasilkan(ksdd=kb, jenis=JenisDokumen.KB, user=pemeran.sekretariat)
        with time_machine.travel(dt.datetime(2026, 3, 26, 9, 0), tick=False):
            mitra = list(Wilayah.objects.filter(kode__in=["62.13", "62.03"]))
            pks = ke_status(ksdd_baru(pemeran, mitra=mitra), Status.PELAKSANAAN, pemeran)
            out["pks"] = dokumen_hasilkan(
                ksdd=pks, jenis=JenisDokumen.PKS, user=pemeran.sekretariat
            )
            out["surat"] = dokumen_hasilkan(ksdd=pks, jenis=JenisDokumen.KAK, user=pemeran.operator)
        hasil = {}
        for nama, versi in out.items():
            docx = _data(versi)
            pdf = pdf_dari_docx(docx)
            (folder / f"{nama}.pdf").write_bytes(pdf)
            teks = subprocess.run(
                ["pdftotext", "-layout", str(folder / f"{nama}.pdf"), "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout
            hasil[nama] = {
                "pdf": folder / f"{nama}.pdf",
                "teks": teks,
                "nomor": versi.dokumen.nomor,
            }
        hasil["jumlah_mitra_kb"] = kb.mitra.count()
        transaction.set_rollback(True)
    return hasil


def _satu_baris(teks: str) -> str:
    return " ".join(teks.split())


@pytest.mark.parametrize("nama", ["kb", "pks", "surat"])
def test_pdf_pages_become_images(hasil, nama, tmp_path):
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(hasil[nama]["pdf"]), str(tmp_path / "hal")],
        check=True,
    )
    halaman = sorted(tmp_path.glob("hal-*.png"))
    assert halaman
    for h in halaman:
        data = h.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000


def test_p11_3_kb_pdf_reads_back_in_the_lampiran_format(hasil):
    teks = _satu_baris(hasil["kb"]["teks"])
    assert "KESEPAKATAN BERSAMA ANTARA PEMERINTAH KABUPATEN BARITO SELATAN DAN" in teks
    assert "NOMOR : 100.3.6/08/Pem/2026" in teks  # each party's number
    assert TANGGAL in teks
    assert "PIHAK KESATU" in teks and "PIHAK KEDUA" in teks and "PARA PIHAK" in teks
    assert "PIHAK KETIGA" not in teks
    assert "terlebih dahulu menerangkan hal-hal sebagai berikut" in teks
    for nomor, (_kode, judul) in enumerate(BAGIAN_KB, start=1):
        assert f"Pasal {nomor} {judul.upper()}" in teks  # P11-1


def test_p20_4_kb_closing_counts_the_originals(hasil):
    teks = _satu_baris(hasil["kb"]["teks"])
    jumlah = rules.jumlah_rangkap(1 + hasil["jumlah_mitra_kb"])
    assert jumlah == 3
    assert "dalam rangkap 3 (tiga) bermaterai cukup" in teks


def test_p12_5_pks_pdf_reads_back_with_three_parties(hasil):
    teks = _satu_baris(hasil["pks"]["teks"])
    assert "PERJANJIAN KERJA SAMA ANTARA" in teks
    assert TANGGAL in teks
    for pihak in ("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"):
        assert pihak in teks
    assert "dalam Perjanjian Kerja Sama ini disebut PARA PIHAK" in teks
    for nomor, (_kode, judul) in enumerate(BAGIAN_PKS, start=1):
        assert f"Pasal {nomor} {judul.upper()}" in teks  # P12-1
    assert "rangkap 4 (empat)" in teks  # P24-4: three parties + paraf hierarki
    assert "Rp450.000.000,00 (empat ratus lima puluh juta rupiah)" in teks


def test_letter_pdf_has_kop_number_and_signature(hasil):
    teks = _satu_baris(hasil["surat"]["teks"])
    assert "PEMERINTAH KABUPATEN BARITO SELATAN" in teks
    assert f"NOMOR : {hasil['surat']['nomor']}" in teks
    assert "Buntok, 26 Maret 2026" in teks
    assert "KERANGKA ACUAN KERJA" in teks


def test_not_a_docx_is_a_clear_error():
    with pytest.raises(KonversiGagal, match="bukan dokumen DOCX"):
        pdf_dari_docx(b"bukan docx")


def test_missing_libreoffice_is_a_clear_error(settings, tmp_path):
    settings.KERSA_SOFFICE = str(tmp_path / "tidak-ada")
    with pytest.raises(KonversiGagal, match="tidak dapat dijalankan"):
        pdf_dari_docx(docx_bytes("Surat"))


def test_conversion_timeout_is_a_clear_error(settings, tmp_path):
    lambat = tmp_path / "soffice"
    lambat.write_text("#!/bin/sh\nsleep 30\n")
    lambat.chmod(0o755)
    settings.KERSA_SOFFICE = str(lambat)
    with pytest.raises(KonversiGagal, match="melewati batas 1 detik"):
        pdf_dari_docx(docx_bytes("Surat"), batas_detik=1)


def test_pdf_download_view(client, pemeran, ksdd):
    versi = dokumen_hasilkan(ksdd=ksdd, jenis=JenisDokumen.KAK, user=pemeran.operator)
    url = reverse("documents:unduh_pdf", args=[versi.pk])
    client.force_login(pemeran.operator_lain)
    assert client.get(url).status_code == 404
    client.force_login(pemeran.operator)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('.pdf"')
