"""Helpers shared by the planning services."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kersa.agreements.choices import Kategori
from kersa.core.errors import Pelanggaran, RuleViolation
from kersa.core.roles import pastikan_izin

from ..choices import StatusIdentifikasi
from ..models import Identifikasi


def _pasal(kategori: str, ayat: int) -> str:
    """ "Pasal 7 ayat N" for Wajib, "Pasal 8 ayat N" for Sukarela (same wording)."""
    return (_("Pasal 7 ayat %s") if kategori == Kategori.WAJIB else _("Pasal 8 ayat %s")) % ayat


def _rule(kategori: str, ayat: int) -> str:
    return f"P{7 if kategori == Kategori.WAJIB else 8}-{ayat}"


def _cek_izin(user) -> None:
    pastikan_izin(
        user, "planning.kelola_rencana", _("Anda tidak berwenang mengelola daftar rencana KSDD.")
    )


def _masih_disusun(identifikasi: Identifikasi) -> None:
    if identifikasi.status != StatusIdentifikasi.PENYUSUNAN:
        raise RuleViolation(
            Pelanggaran(
                _rule(identifikasi.kategori, 5 if identifikasi.kategori == Kategori.WAJIB else 4),
                _(
                    "Daftar rencana %(d)s telah ditetapkan dalam Berita Acara (%(p)s) dan tidak "
                    "dapat diubah. Perbaikan dilakukan dengan membuka kembali daftar oleh "
                    "Sekretariat TKKSD dengan alasan tertulis."
                )
                % {
                    "d": identifikasi,
                    "p": _pasal(
                        identifikasi.kategori, 5 if identifikasi.kategori == Kategori.WAJIB else 4
                    ),
                },
            )
        )
