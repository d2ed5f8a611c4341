"""DOCX → PDF with LibreOffice headless (STACK.md).

Two conversions never share a LibreOffice user installation (it locks): each
process keeps its own profile under the temp folder and converts one file at a
time (a lock), so the profile is built once per process (~1–2 s saved on every
later conversion) and never used by two conversions at once.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from kersa.core.errors import KersaError

__all__ = ["KonversiGagal", "pdf_dari_docx"]


class KonversiGagal(KersaError):
    """LibreOffice is missing, timed out or produced no PDF."""


_KUNCI = threading.Lock()


def _profil() -> str:
    """This process's own LibreOffice profile, as a file:// URI."""
    folder = Path(tempfile.gettempdir()) / f"kersa-lo-profil-{os.getpid()}"
    return folder.as_uri()


def _soffice() -> str:
    perintah = settings.KERSA_SOFFICE or shutil.which("soffice")
    if not perintah:
        raise KonversiGagal(
            _("LibreOffice (soffice) tidak terpasang; PDF tidak dapat dibuat dari DOCX.")
        )
    return perintah


def pdf_dari_docx(data: bytes, *, batas_detik: int | None = None) -> bytes:
    """Convert DOCX bytes to PDF bytes, or raise KonversiGagal with the reason."""
    batas = batas_detik or settings.KERSA_BATAS_KONVERSI_DETIK
    if not data.startswith(b"PK\x03\x04"):
        raise KonversiGagal(_("Berkas bukan dokumen DOCX; tidak dapat dikonversi ke PDF."))
    with tempfile.TemporaryDirectory(prefix="kersa-pdf-") as tmp:
        folder = Path(tmp)
        masuk = folder / "dokumen.docx"
        masuk.write_bytes(data)
        perintah = [
            _soffice(),
            f"-env:UserInstallation={_profil()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(masuk),
        ]
        with _KUNCI:
            # Own process group: on a timeout the whole LibreOffice tree is stopped.
            try:
                proses = subprocess.Popen(
                    perintah,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    start_new_session=True,
                )
            except OSError as exc:
                raise KonversiGagal(
                    _("LibreOffice tidak dapat dijalankan (%(perintah)s): %(pesan)s")
                    % {"perintah": perintah[0], "pesan": exc}
                ) from exc
            try:
                stdout, stderr = proses.communicate(timeout=batas)
            except subprocess.TimeoutExpired as exc:
                os.killpg(proses.pid, signal.SIGKILL)
                proses.communicate()
                raise KonversiGagal(
                    _("Konversi ke PDF melewati batas %(detik)d detik.") % {"detik": batas}
                ) from exc
        keluar = folder / "dokumen.pdf"
        if proses.returncode != 0 or not keluar.is_file():
            pesan = (stderr or stdout).decode(errors="replace").strip()[:500]
            raise KonversiGagal(
                _("LibreOffice gagal mengonversi DOCX ke PDF (kode %(kode)s): %(pesan)s")
                % {"kode": proses.returncode, "pesan": pesan or "-"}
            )
        return keluar.read_bytes()
