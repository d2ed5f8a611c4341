"""English, the second language, for the planning, TKKSD, reporting, oversight, dashboard and
public-register rooms: headings, navigation, buttons and table headers come from the catalog
in kersa/core/locale/en, and switching back gives the Indonesian pages again."""

import datetime as dt
import gettext
import re
from pathlib import Path

import pytest
from django.urls import reverse

from kersa.demo.tkksd import tkksd_demo
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.governance.choices import JenisRapat
from kersa.governance.services import rapat_jadwalkan

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES"

# url, Indonesian <h1>, English <h1>, further English labels on the page (buttons, headers)
ROOMS = [
    (
        "/perencanaan/",
        "Perencanaan KSDD",
        "KSDD planning",
        ["Start identification and mapping", "Plan year", "No plan lists yet."],
    ),
    (
        "/tkksd/",
        "Tim Koordinasi Kerja Sama Daerah",
        "Regional Cooperation Coordination Team (TKKSD)",
        [
            "Composition today",
            "Schedule a meeting",
            "Voting right",
            "Scheduled meetings",
            "Plenary meeting (Rapat Pleno)",
            "Work programme (Article 37(2))",
        ],
    ),
    (
        "/laporan/",
        "Laporan semester pelaksanaan KSDD",
        "Semester reports on KSDD implementation",
        ["Regent's report to the Governor", "TKKSD report"],
    ),
    (
        "/pembinaan/",
        "Pembinaan dan pengawasan",
        "Guidance and supervision",
        ["Monitoring and evaluation", "Disputes", "Association memberships"],
    ),
    (
        "/dasbor/",
        "Dasbor KSDD",
        "KSDD dashboard",
        ["Year recorded", "All categories", "KSDD by stage (Article 13)", "Table of figures"],
    ),
]

NAVIGATION_EN = [">Planning<", ">TKKSD<", ">Reports<", ">Guidance<", ">Dashboard<"]


def _bahasa(client, kode):
    response = client.post(reverse("set_language"), {"language": kode, "next": "/"})
    assert response.status_code == 302


@pytest.fixture
def sekretariat_en(client, pemeran, ksdd):
    """The TKKSD secretariat, reading in English, with the 2025 TKKSD decree in force, a
    plenary meeting scheduled in Buntok, and a Kerja Sama Wajib with Barito Timur."""
    penomoran_muat_default()
    tkksd_demo(pemeran.sekretariat)
    rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),
        waktu_mulai=dt.time(9, 0),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )
    client.force_login(pemeran.sekretariat)
    _bahasa(client, "en")
    return client


@pytest.mark.parametrize(("url", "h1_id", "h1_en", "labels"), ROOMS, ids=[r[0] for r in ROOMS])
def test_room_in_english_for_the_secretariat(sekretariat_en, url, h1_id, h1_en, labels):
    response = sekretariat_en.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert f"<h1>{h1_en}</h1>" in html
    assert f"<h1>{h1_id}</h1>" not in html
    for label in labels:
        assert label in html, label
    for entry in NAVIGATION_EN:
        assert entry in html, entry


def test_rooms_back_in_indonesian_after_switching(sekretariat_en):
    _bahasa(sekretariat_en, "id")
    for url, h1_id, h1_en, _labels in ROOMS:
        html = sekretariat_en.get(url).content.decode()
        assert f"<h1>{h1_id}</h1>" in html, url
        assert f"<h1>{h1_en}</h1>" not in html, url
    assert ">Perencanaan<" in html and ">Pembinaan<" in html and ">Dasbor<" in html


def test_public_register_in_english_for_anonymous(client, acuan):
    _bahasa(client, "en")
    html = client.get("/publik/").content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Public register of regional cooperation</h1>" in html
    assert ">Public register<" in html
    assert "Download CSV" in html and "Year signed" in html
    assert "Register publik Kerja Sama Daerah" not in html


def test_english_catalog_compiled_and_without_fuzzy_entries():
    """The .mo that Django reads says what the .po says: no entry left out of the compile,
    none marked fuzzy (a fuzzy entry would be silently ignored)."""
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in po
    with (LOCALE / "django.mo").open("rb") as mo_file:
        mo = gettext.GNUTranslations(mo_file)
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po, flags=re.M)
    assert len(pairs) > 500
    for msgid, msgstr in pairs:
        assert mo.gettext(_unescape(msgid)) == _unescape(msgstr), msgid


def _unescape(s):
    return s.replace('\\"', '"').replace("\\\\", "\\")


def test_quoted_messages_are_translated_too():
    """A msgid written with backslash-u quote escapes in Python was stored with the escape
    by makemessages and never matched at run time; the quotes are characters now."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("en"):
        assert gettext("Kode wilayah “%s” tidak dikenal.") == "Unknown region code “%s”."
        assert gettext("tidak ada baris “Nomor:”") == "no “Nomor:” line"
