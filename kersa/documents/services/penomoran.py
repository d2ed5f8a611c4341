"""Document numbers: one running number per kind and year, never given twice (P26).

The scheme of each kind (``PenomoranSurat.pola``) is configuration, e.g.
``000.3/{urut}/Pem/{tahun}``; ``penomoran_muat_default`` writes the defaults
without touching a scheme an administrator has changed.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation

from ..choices import JenisDokumen
from ..models import Dokumen, NomorSurat, PenomoranSurat

__all__ = ["POLA_DEFAULT", "nomor_berikan", "penomoran_muat_default"]

_RULE = "P26"  # the TKKSD secretariat administers the KSDD documents (Pasal 26)

# Each kind its own pattern: two kinds sharing one would give the same number twice.
POLA_DEFAULT: dict[str, str] = {
    JenisDokumen.KAK: "000.3/{urut}/KAK-KS/{tahun}",
    JenisDokumen.SURAT_PENAWARAN: "000.3/{urut}/Pem-KS/{tahun}",
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: "000.3/{urut}/Pem-KS.2/{tahun}",
    JenisDokumen.LAPORAN_GUBERNUR: "000.3/{urut}/Pem-KS.3/{tahun}",
    JenisDokumen.SURAT_TANGGAPAN: "000.3/{urut}/Pem-KS.4/{tahun}",
    JenisDokumen.KB: "000.3/{urut}/Pem/{tahun}",
    JenisDokumen.PKS: "000.3/{urut}/PKS-Pem/{tahun}",
    JenisDokumen.PERMOHONAN_DPRD: "000.3/{urut}/Pem-DPRD/{tahun}",
    JenisDokumen.SURAT_KUASA: "000.3/{urut}/SK-Pem/{tahun}",
    JenisDokumen.ADDENDUM: "000.3/{urut}/Add-PKS/{tahun}",
    JenisDokumen.UNDANGAN_RAPAT: "000.3/{urut}/Und-TKKSD/{tahun}",
    JenisDokumen.BERITA_ACARA_RAPAT: "000.3/{urut}/BA-TKKSD/{tahun}",
    JenisDokumen.NOTULEN_RAPAT: "000.3/{urut}/Not-TKKSD/{tahun}",
    JenisDokumen.BERITA_ACARA_RENCANA: "000.3/{urut}/BA-Ren-KS/{tahun}",
    JenisDokumen.LAPORAN_SEMESTER: "000.3/{urut}/Lap-KS/{tahun}",
    JenisDokumen.LAPORAN_BUPATI: "000.3/{urut}/Lap-Bup-KS/{tahun}",
    JenisDokumen.LAPORAN_MONEV: "000.3/{urut}/Monev-KS/{tahun}",
    JenisDokumen.LAPORAN_TKKSD: "000.3/{urut}/Lap-TKKSD/{tahun}",
    JenisDokumen.BERITA_ACARA_PERSELISIHAN: "000.3/{urut}/BA-Sel-KS/{tahun}",
    JenisDokumen.LAPORAN_PERSELISIHAN: "000.3/{urut}/Lap-Sel-KS/{tahun}",
}


def penomoran_muat_default() -> int:
    """Create the default scheme of every kind that has none. Idempotent; returns the
    number of schemes created."""
    dibuat = 0
    for jenis, pola in POLA_DEFAULT.items():
        _, baru = PenomoranSurat.objects.get_or_create(jenis=jenis, defaults={"pola": pola})
        dibuat += baru
    return dibuat


def _tolak(detail) -> RuleViolation:
    return RuleViolation(Pelanggaran(_RULE, detail, field="nomor"))


def nomor_berikan(*, jenis: str, tahun: int, user, dokumen: Dokumen | None = None) -> NomorSurat:
    """Give the next number of ``jenis`` in ``tahun``: running number max + 1 (restarting
    each year), formatted with the kind's scheme. The scheme row is locked while the
    number is taken, and the unique constraints refuse a number given before."""
    label = JenisDokumen(jenis).label
    with transaction.atomic():
        skema = PenomoranSurat.objects.select_for_update().filter(jenis=jenis).first()
        if skema is None:
            raise _tolak(
                _(
                    "Belum ada pola penomoran untuk %(jenis)s. Sekretariat TKKSD menetapkan "
                    "pola nomornya terlebih dahulu (penatausahaan dokumen KSDD, Pasal 26)."
                )
                % {"jenis": label}
            )
        if "{urut}" not in skema.pola:
            raise _tolak(
                _("Pola penomoran %(pola)s tidak memuat {urut}; nomor akan berulang (Pasal 26).")
                % {"pola": skema.pola}
            )
        terakhir = NomorSurat.objects.filter(jenis=jenis, tahun=tahun).aggregate(m=Max("urut"))
        urut = (terakhir["m"] or 0) + 1
        teks = skema.pola.replace("{urut}", str(urut)).replace("{tahun}", str(tahun))
        if NomorSurat.objects.filter(nomor=teks).exists():
            raise _tolak(
                _(
                    "Nomor %(nomor)s sudah pernah diberikan; pola penomoran %(jenis)s sama "
                    "dengan pola jenis dokumen lain. Ubah polanya (Pasal 26)."
                )
                % {"nomor": teks, "jenis": label}
            )
        try:
            with transaction.atomic():
                return NomorSurat.objects.create(
                    jenis=jenis,
                    tahun=tahun,
                    urut=urut,
                    nomor=teks,
                    dokumen=dokumen,
                    diberikan_oleh=user,
                )
        except IntegrityError as exc:  # a concurrent writer on a database without row locks
            raise _tolak(
                _("Nomor %(nomor)s baru saja diberikan kepada dokumen lain; ulangi.")
                % {"nomor": teks}
            ) from exc
