"""No 500 from a query string (issue 19 item 3): every GET route of the URLconf, page and
API, asked with each filter name KERSA reads set to garbage — negative, overflowing and
malformed numbers, impossible dates, overlong text — answers below 500; on ``/api/`` the
answer is JSON. Built from the URL resolver (``rute.jalur``), so a route added later is
walked too."""

from __future__ import annotations

import pytest
from django.test import Client

from .rute import jalur

pytestmark = pytest.mark.django_db

# Every name a view reads from ``request.GET`` or a filter set of the API declares.
NAMA = [
    "tahun", "pd", "perangkat_daerah", "ksdd", "halaman", "page", "periode", "semester",
    "status", "kategori", "bentuk", "jenis", "tahap", "grup", "terbuka", "aktif", "rule",
    "urusan", "mitra", "provinsi", "kelompok", "jatuh_tempo_dari", "jatuh_tempo_sampai", "q",
]  # fmt: skip
SAMPAH = ["-1", "99999999999999999999", "1e400", "2026-13-45", "x" * 3000]
# The names read as numbers, asked one at a time on the pages (a page may refuse the first
# bad name it reads; the API's filter sets check them all at once).
ANGKA = ["tahun", "pd", "perangkat_daerah", "ksdd", "halaman", "semester", "urusan", "periode"]


def _jawaban_api_json(r) -> bool:
    jenis = r.get("Content-Type", "")
    return "json" in jenis or r.status_code == 200  # a 200 may be a CSV, XLSX or ICS


def test_garbage_in_the_query_string_never_gives_500(dunia, pemeran):
    _rahasia, _terlihat, ids = dunia
    paths = jalur(ids)
    assert len(paths) > 60
    salah = []
    for user in (pemeran.sekretariat, None):
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        for path in paths:
            for nilai in SAMPAH:
                r = client.get(path, dict.fromkeys(NAMA, nilai))
                if r.status_code >= 500 or (path.startswith("/api/") and not _jawaban_api_json(r)):
                    salah.append(
                        f"{user} {path} {nilai[:20]}: {r.status_code} {r.get('Content-Type')}"
                    )
    # Each name alone too, past 64 bits (a 400 on one name must not hide another's 500).
    client = Client(raise_request_exception=False)
    client.force_login(pemeran.sekretariat)
    for path in (p for p in paths if not p.startswith("/api/")):
        for nama in ANGKA:
            r = client.get(path, {nama: "99999999999999999999"})
            if r.status_code >= 500:
                salah.append(f"{path} {nama} alone: {r.status_code}")
    assert not salah, "\n".join(salah)


@pytest.mark.parametrize(
    ("path", "pesan"),
    [
        ("/pembinaan/kegiatan/?tahun=-1", "Tahun “-1” tidak sah: isi tahun antara 1900 dan 2100."),
        ("/perencanaan/?tahun=20266", "Tahun “20266” tidak sah: isi tahun antara 1900 dan 2100."),
        ("/publik/?tahun=1900", "Tahun “1900” tidak sah: isi tahun antara 1991 dan 2199."),
        ("/tenggat/?pd=99999999999999999999", "Pilihan Perangkat Daerah “99999999999999999999”"),
    ],
)
def test_a_filter_out_of_range_is_400_with_an_indonesian_message(client, pemeran, path, pesan):
    """Issue 19: ``?tahun=-1`` was a 500 and then an unfiltered list; ``?pd=`` past 64
    bits a 500. Now 400 and the page names the range, as the API's filters do."""
    client.force_login(pemeran.sekretariat)
    r = client.get(path)
    assert r.status_code == 400
    assert pesan in r.content.decode()
    assert "Permintaan tidak sah" in r.content.decode()


def test_api_errors_are_json_even_outside_a_view(client, pemeran):
    """Issue 19: 112 HTML answers on API errors. A path no route matches, an overflowing
    filter, a year out of range: JSON with ``detail`` or the field."""
    r = client.get("/api/v1/tidak-ada/")
    assert (r.status_code, r["Content-Type"]) == (404, "application/json")
    assert r.json() == {"detail": "Data tidak ditemukan."}
    client.force_login(pemeran.sekretariat)
    r = client.get("/api/v1/tenggat/", {"pd": "99999999999999999999"})
    assert r.status_code == 400 and "pd" in r.json()
    r = client.get("/api/v1/ksdd/", {"page": "-1"})
    assert r.status_code == 404
    assert r.json()["detail"].startswith("Halaman “-1” tidak ada: ")  # not DRF's English
    r = client.get("/api/v1/pembinaan/kegiatan/", {"tahun": "-1"})
    assert r.json() == {"tahun": ["Pastikan nilai ini lebih besar dari atau sama dengan 1900."]}
