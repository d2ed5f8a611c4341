"""The English catalogue is complete: no entry of kersa/core/locale/en/LC_MESSAGES/django.po is
untranslated or fuzzy (issue 14).

The test reads only the file, not the code: msgids added to the code later show up once
makemessages is run again, and the catalogue is then translated before it is committed.
It uses GNU gettext's ``msgattrib`` (the same tools that compile the .mo) and is skipped,
with that reason, where the gettext tools are not installed."""

import shutil
import subprocess
from pathlib import Path

import pytest

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"
MSGATTRIB = shutil.which("msgattrib")

pytestmark = pytest.mark.skipif(
    MSGATTRIB is None, reason="msgattrib (GNU gettext tools) is not installed"
)


def _msgids(option: str, po: Path = PO) -> list[str]:
    """The msgids msgattrib selects with ``option``, without the header entry.

    A msgid is its ``msgid "..."`` line plus the ``"..."`` lines that continue it (a msgid
    with a newline is written as ``msgid ""`` followed by its lines); the header is the one
    entry whose msgid is empty."""
    hasil = subprocess.run(
        [MSGATTRIB, option, "--no-wrap", "--no-location", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    msgids, sekarang = [], None
    for baris in hasil.stdout.splitlines():
        if baris.startswith("msgid "):
            sekarang = [baris[len("msgid ") :].strip()[1:-1]]
            msgids.append(sekarang)
        elif sekarang is not None and baris.startswith('"'):
            sekarang.append(baris.strip()[1:-1])
        else:
            sekarang = None
    return [teks for teks in ("".join(bagian) for bagian in msgids) if teks]


def test_catalogue_exists():
    assert PO.is_file(), PO


def test_no_untranslated_entry():
    kosong = _msgids("--untranslated")
    assert not kosong, f"{len(kosong)} untranslated entries in {PO.name}, e.g. {kosong[:5]}"


def test_no_fuzzy_entry():
    fuzzy = _msgids("--only-fuzzy")
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries in {PO.name}, e.g. {fuzzy[:5]}"
