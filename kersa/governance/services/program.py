"""TKKSD's work programme (Pasal 37 ayat 2 huruf b; P37-2): drafted with its
activities, then set by a Rapat Pleno (``rapat_hasil_catat``)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, tolak_jika
from kersa.core.roles import pastikan_izin

from ..choices import TugasTkksd
from ..models import KegiatanProgramKerja, ProgramKerja


def program_kerja_buat(*, tahun: int, user, catatan: str = "") -> ProgramKerja:
    """A draft work programme for ``tahun`` (P37-2), one per year."""
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )
    found = []
    if not 2000 <= int(tahun) <= 2100:
        found.append(Pelanggaran("P37-2", _("Tahun tidak valid."), "tahun"))
    elif ProgramKerja.objects.filter(tahun=tahun).exists():
        found.append(Pelanggaran("P37-2", _("Program kerja tahun %s sudah ada.") % tahun, "tahun"))
    tolak_jika(found)
    return ProgramKerja.objects.create(tahun=tahun, catatan=catatan)


def kegiatan_tambah(
    *,
    program: ProgramKerja,
    uraian: str,
    tugas: str,
    triwulan: int,
    user,
    penanggung_jawab: str = "",
) -> KegiatanProgramKerja:
    """An activity under a duty of Pasal 34 ayat (2) (P34-2) in a quarter. A programme
    already set by the pleno is changed only by another pleno (P37-2)."""
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )
    with transaction.atomic():
        program = ProgramKerja.objects.select_for_update().get(pk=program.pk)
        found = []
        if program.ditetapkan_dalam_id:
            found.append(
                Pelanggaran(
                    "P37-2",
                    _(
                        "Program kerja %s sudah ditetapkan dalam Rapat Pleno; perubahan "
                        "ditetapkan dalam Rapat Pleno berikutnya (Pasal 37 ayat 2)."
                    )
                    % program.tahun,
                )
            )
        if not uraian.strip():
            found.append(Pelanggaran("P37-2", _("Isi uraian kegiatan."), "uraian"))
        if tugas not in TugasTkksd.values:
            found.append(Pelanggaran("P34-2", _("Pilih tugas TKKSD (Pasal 34 ayat 2)."), "tugas"))
        if int(triwulan) not in (1, 2, 3, 4):
            found.append(Pelanggaran("P37-2", _("Pilih triwulan 1 sampai 4."), "triwulan"))
        tolak_jika(found)
        return KegiatanProgramKerja.objects.create(
            program=program,
            uraian=uraian.strip(),
            tugas=tugas,
            triwulan=int(triwulan),
            penanggung_jawab=penanggung_jawab.strip(),
        )
