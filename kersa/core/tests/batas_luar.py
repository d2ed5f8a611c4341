"""Slow stand-ins for the two outside boundaries a worker waits on, for the fault test
(test_pekerja_gagal.py): an SMTP server and a disk. Django's real file backends, with
one pause: when the file ``<KERSA_UJI_JEDA>/<name>.jeda`` exists, the first send (or
the first save of an XLSX) removes it, writes ``<name>.sedang`` and sleeps, so the test
knows the worker is in the middle of that task and kills it there.

And one fault: while ``<KERSA_UJI_JEDA>/surel.gagal`` holds a number above 0, a send
lowers it and fails as an SMTP server that hung up does (the time of each failure is
appended to ``surel.gagal.log``): an ordinary error, for the retry test."""

import os
import smtplib
import time
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.core.mail.backends import filebased


def _jeda(nama: str) -> None:
    folder = os.environ.get("KERSA_UJI_JEDA")
    if not folder:
        return
    try:
        (Path(folder) / f"{nama}.jeda").unlink()
    except FileNotFoundError:
        return
    (Path(folder) / f"{nama}.sedang").write_text(str(os.getpid()))
    time.sleep(600)


def _gagal(nama: str) -> None:
    folder = os.environ.get("KERSA_UJI_JEDA")
    berkas = Path(folder or "-") / f"{nama}.gagal"
    if not folder or not berkas.exists():
        return
    sisa = int(berkas.read_text() or 0)
    if sisa <= 0:
        return
    berkas.write_text(str(sisa - 1))
    with open(berkas.with_suffix(".gagal.log"), "a") as log:
        log.write(f"{time.time()}\n")
    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class SurelLambat(filebased.EmailBackend):
    def send_messages(self, email_messages):
        _gagal("surel")
        _jeda("surel")
        return super().send_messages(email_messages)


class DiskLambat(FileSystemStorage):
    def _save(self, name, content):
        if name.endswith(".xlsx"):
            _jeda("xlsx")
        return super()._save(name, content)
