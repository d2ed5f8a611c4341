"""The English catalogue is complete: no entry of kersa/core/locale/en/LC_MESSAGES/django.po is
untranslated or fuzzy (issue 14).

The last test also reads the code: it runs ``makemessages`` over a copy of the catalogue in a
temporary folder, so a string added to the code without its English fails CI. It uses GNU gettext's ``msgattrib`` (the same tools that compile the .mo) and is skipped,
with that reason, where the gettext tools are not installed."""

import os
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


@pytest.fixture(scope="module")
def katalog_segar(tmp_path_factory) -> Path:
    """The catalogue as ``makemessages`` would leave it after reading today's code: a copy
    of django.po merged with every msgid of ``kersa/`` and ``config/`` (tests excluded),
    written into a temporary folder so the working tree is never touched."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    root = Path(__file__).resolve().parents[3]
    tmp = tmp_path_factory.mktemp("katalog")
    po = tmp / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    shutil.copy(PO, po)
    for bagian in ("kersa", "config"):
        (tmp / bagian).symlink_to(root / bagian)
    cwd = Path.cwd()
    try:
        os.chdir(tmp)
        # Every source file maps to the temporary locale folder (the first of
        # LOCALE_PATHS); the real catalogue under kersa/core/locale is ignored.
        with override_settings(LOCALE_PATHS=[str(tmp / "locale")]):
            call_command(
                "makemessages",
                locale=["en"],
                symlinks=True,
                no_obsolete=True,
                ignore_patterns=["kersa/core/locale", "*/tests/*", "*/tests"],
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    return po


def test_every_string_of_the_code_has_its_english(katalog_segar):
    """A gettext string added to the code without its English fails here, not on an
    English page in front of a user."""
    kosong = _msgids("--untranslated", katalog_segar)
    fuzzy = _msgids("--only-fuzzy", katalog_segar)
    assert not kosong, f"{len(kosong)} strings of the code lack English, e.g. {kosong[:5]}"
    assert not fuzzy, f"{len(fuzzy)} strings only fuzzily matched, e.g. {fuzzy[:5]}"
