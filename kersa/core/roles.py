"""The roles of ARCHITECTURE.md as Django groups with permissions.

``peran_sync()`` creates or updates the groups; it is idempotent and runs from
the ``muat_data_acuan`` command and after migrations in tests.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Peran(models.TextChoices):
    OPERATOR_PD = "operator_pd", _("Operator Perangkat Daerah")
    SEKRETARIAT_TKKSD = "sekretariat_tkksd", _("Sekretariat TKKSD")
    ANGGOTA_TKKSD = "anggota_tkksd", _("Anggota TKKSD")
    KETUA_TKKSD = "ketua_tkksd", _("Ketua TKKSD")
    BUPATI = "bupati", _("Bupati")
    DPRD = "dprd", _("DPRD")
    ADMIN = "admin", _("Administrator")


# Permission codenames of agreements.Ksdd (see agreements.models.Ksdd.Meta).
_LIHAT_SEMUA = ["view_ksdd", "lihat_semua_ksdd"]
_TRANSISI_SEKRETARIAT = [
    "ajukan_kak",
    "catat_petunjuk_tertulis",
    "catat_telaah",
    "catat_penawaran",
    "catat_rekomendasi_pleno",
    "catat_tanggapan",
    "kelola_kb",
    "tandatangani_kb",
    "kelola_dprd",
    "catat_persetujuan_dprd",
    "kelola_pks",
    "tandatangani_pks",
    "akhiri_ksdd",
    "batalkan_ksdd",
]

# The editable working-day calendar (deadlines.HariLibur): other apps' permissions
# are written "app_label.codename" (accounts.services.peran_sync).
_KALENDER_KERJA = ["deadlines.add_harilibur", "deadlines.delete_harilibur"]

IZIN_PERAN: dict[str, list[str]] = {
    Peran.OPERATOR_PD: [
        "view_ksdd",
        "add_ksdd",
        "change_ksdd",
        "ajukan_kak",
        "kelola_kb",
        "kelola_pks",
        "batalkan_ksdd",
    ],
    Peran.SEKRETARIAT_TKKSD: [
        *_LIHAT_SEMUA,
        "add_ksdd",
        "change_ksdd",
        *_TRANSISI_SEKRETARIAT,
        "add_suratkuasa",
        "change_suratkuasa",
        "view_suratkuasa",
        *_KALENDER_KERJA,
    ],
    Peran.ANGGOTA_TKKSD: [*_LIHAT_SEMUA, "view_suratkuasa"],
    Peran.KETUA_TKKSD: [
        *_LIHAT_SEMUA,
        "catat_petunjuk_tertulis",
        "catat_rekomendasi_pleno",
        "view_suratkuasa",
    ],
    Peran.BUPATI: [
        *_LIHAT_SEMUA,
        "catat_penawaran",
        "catat_tanggapan",
        "tandatangani_kb",
        "tandatangani_pks",
        "view_suratkuasa",
        "add_suratkuasa",
    ],
    # DPRD sees only the KSDD brought to it (selectors.ksdd_visible_to).
    Peran.DPRD: ["view_ksdd", "lihat_ksdd_dprd", "catat_persetujuan_dprd"],
    Peran.ADMIN: [*_KALENDER_KERJA],  # administrators are superusers anyway
}
