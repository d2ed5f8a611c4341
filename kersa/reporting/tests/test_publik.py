"""Register publik (P26: the register TKKSD keeps, its signed part made public): signed agreements only, no drafts, no person's name, no login."""

import io

import pytest
from openpyxl import load_workbook

from kersa.agreements.choices import Status
from kersa.core.testing import jumlah_kueri
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.regions.models import Wilayah

URL = "/publik/"
JUDUL_DRAF = "Rancangan Rahasia Pengelolaan Air Baku Sungai Barito"
NAMA_ORANG = [
    "Eddy Raya Samsuri",  # Bupati, signatory of the KB and the PKS
    "Kepala Daerah Barito Timur",  # the partner's signatory (skenario)
    "Aminah",  # operator who recorded the KSDD
    "Rahmat Hidayat",  # head of the agency
    "Aisyah",  # secretariat
]


@pytest.fixture
def ditandatangani(pemeran, ksdd):
    return ke_status(ksdd, Status.PELAKSANAAN, pemeran)


@pytest.mark.django_db
def test_p26_public_page_shows_signed_not_drafts_and_no_names(client, pemeran, ditandatangani):
    ksdd_baru(pemeran, judul=JUDUL_DRAF)
    resp = client.get(URL)  # no login
    assert resp.status_code == 200
    html = resp.content.decode()
    assert ditandatangani.judul in html
    assert "Kabupaten Barito Timur" in html and "Kabupaten Barito Selatan" in html
    assert "Bupati Barito Selatan" in html  # the office, not the person
    assert JUDUL_DRAF not in html
    for nama in NAMA_ORANG:
        assert nama not in html, nama


@pytest.mark.django_db
def test_p26_agreement_with_only_kb_signed_is_public(client, pemeran, ksdd):
    ke_status(
        ksdd,
        Status.PERMOHONAN_DPRD if ksdd.memerlukan_persetujuan_dprd else Status.PENYUSUNAN_PKS,
        pemeran,
    )
    assert ksdd.judul in client.get(URL).content.decode()


@pytest.mark.django_db
def test_p26_search_by_text_and_year(client, pemeran, ditandatangani):
    tahun = ditandatangani.naskah.get(jenis="kb").tanggal_ditandatangani.year
    assert ditandatangani.judul in client.get(URL, {"q": "rujukan"}).content.decode()
    assert ditandatangani.judul in client.get(URL, {"q": "barito timur"}).content.decode()
    assert ditandatangani.judul not in client.get(URL, {"q": "persampahan"}).content.decode()
    assert ditandatangani.judul in client.get(URL, {"tahun": tahun}).content.decode()
    assert ditandatangani.judul not in client.get(URL, {"tahun": tahun - 3}).content.decode()


@pytest.mark.django_db
def test_p26_downloads_hold_signed_only_without_names(client, pemeran, ditandatangani):
    ksdd_baru(pemeran, judul=JUDUL_DRAF)
    resp = client.get("/publik/unduh.csv")
    assert resp.streaming  # written as the rows are read (issue 18)
    csv = b"".join(resp.streaming_content).decode("utf-8-sig")
    assert ditandatangani.nomor_register in csv and JUDUL_DRAF not in csv
    wb = load_workbook(io.BytesIO(client.get("/publik/unduh.xlsx").content))
    ws = wb.active
    semua = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    assert ditandatangani.nomor_register in semua and JUDUL_DRAF not in semua
    assert ws.freeze_panes == "A2" and ws["G2"].is_date
    for nama in NAMA_ORANG:
        assert nama not in csv and nama not in semua


@pytest.mark.django_db
def test_empty_public_register_downloads_are_valid_files_with_their_header(client, pemeran):
    """Nothing signed yet (only a draft): the CSV is its header line and the XLSX a valid
    workbook whose sheet holds the header row, never an empty answer (issue 18)."""
    ksdd_baru(pemeran, judul=JUDUL_DRAF)
    csv = b"".join(client.get("/publik/unduh.csv").streaming_content).decode("utf-8-sig")
    assert csv.splitlines() == [
        "Nomor register,Judul,Para pihak,Urusan,Kategori,Bentuk,Tanggal Kesepakatan Bersama,"
        "Tanggal PKS,Berlaku mulai,Berlaku sampai,Penandatangan (jabatan),Keadaan"
    ]
    resp = client.get("/publik/unduh.xlsx")
    assert resp.status_code == 200 and int(resp["Content-Length"]) > 0
    ws = load_workbook(io.BytesIO(resp.content)).active
    assert ws.max_row == 1
    assert [c.value for c in ws[1]][:2] == ["Nomor register", "Judul"]


@pytest.mark.django_db
def test_public_page_answers_304_when_unchanged(client, ditandatangani):
    resp = client.get(URL)
    etag = resp["ETag"]
    assert "max-age" in resp["Cache-Control"]
    assert client.get(URL, headers={"If-None-Match": etag}).status_code == 304


def _hitung(client):
    return jumlah_kueri(client, URL)  # warm visit


@pytest.mark.slow
@pytest.mark.django_db
def test_public_page_query_count_does_not_grow(client, pemeran, ditandatangani):
    kapuas = Wilayah.objects.get(kode="62.03")
    k = ksdd_baru(pemeran, judul="Penanganan Banjir Lintas Batas Kapuas", mitra=[kapuas])
    ke_status(k, Status.PENYUSUNAN_PKS, pemeran)
    dua = _hitung(client)
    for i in range(8):
        k = ksdd_baru(pemeran, judul=f"Kerja sama uji {i}")
        if i < 2:
            ke_status(k, Status.PELAKSANAAN, pemeran)
    sepuluh = _hitung(client)
    assert sepuluh == dua
    assert sepuluh <= 12


@pytest.mark.django_db
def test_anonymous_downloads_are_limited_per_address(client, pemeran, ditandatangani):
    """Each download reads every signed KSDD: an anonymous address gets six an hour, the
    seventh a 429 in Bahasa Indonesia with Retry-After; a signed-in user is not limited."""
    for i in range(6):
        ext = "csv" if i % 2 else "xlsx"
        assert client.get(f"/publik/unduh.{ext}").status_code == 200, i
    resp = client.get("/publik/unduh.csv")
    assert resp.status_code == 429
    assert "Terlalu banyak unduhan register publik dari alamat ini" in resp.content.decode()
    assert 3000 <= int(resp["Retry-After"]) <= 3600
    client.force_login(pemeran.sekretariat)
    assert client.get("/publik/unduh.csv").status_code == 200
