from django.db import models
from django.utils.translation import gettext_lazy as _

from kersa.core.status import Alur


class StatusIdentifikasi(models.TextChoices):
    PENYUSUNAN = "penyusunan", _("Penyusunan")
    DITETAPKAN = "ditetapkan", _("Ditetapkan dalam Berita Acara (Pasal 7 ayat 5, Pasal 8 ayat 4)")


# The moves of an identification (core.status.pindah): drawn up, set down in a Berita
# Acara, reopened for a documented correction. Sukarela lists cite Pasal 8 (P8-2, P8-4):
# the services pass that rule.
ALUR_IDENTIFIKASI = Alur(
    gerak={
        ("", StatusIdentifikasi.PENYUSUNAN): "P7-2",
        (StatusIdentifikasi.PENYUSUNAN, StatusIdentifikasi.DITETAPKAN): "P7-5",
        (StatusIdentifikasi.DITETAPKAN, StatusIdentifikasi.PENYUSUNAN): "P7-5",
    },
    tolak={
        StatusIdentifikasi.PENYUSUNAN: _(
            "Daftar rencana yang masih dalam %(dari)s tidak dapat dibuka kembali "
            "(Pasal 7 ayat 5, Pasal 8 ayat 4)."
        ),
        StatusIdentifikasi.DITETAPKAN: _(
            "Daftar rencana yang sudah %(dari)s tidak dapat ditetapkan lagi; buka kembali "
            "lebih dahulu (Pasal 7 ayat 5, Pasal 8 ayat 4)."
        ),
    },
)


class Prioritas(models.IntegerChoices):
    """The priority of a plan item (Pasal 7 ayat 3, Pasal 8 ayat 3)."""

    TINGGI = 1, _("Tinggi")
    SEDANG = 2, _("Sedang")
    RENDAH = 3, _("Rendah")


class ForumProvinsi(models.TextChoices):
    """Where the province discussed a Kerja Sama Wajib list (Pasal 7 ayat 4; P7-4)."""

    MUSRENBANG = "musrenbang", _("Musyawarah Perencanaan Pembangunan Provinsi")
    RAKORTEK = "rakortek", _("Rapat Koordinasi Teknis Perencanaan Pembangunan")
