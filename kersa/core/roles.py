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

# Reporting (Pasal 27, Pasal 34 ayat 2 huruf j): operators write their agency's semester
# reports; the secretariat everything; the Bupati, Ketua and members read.
_LAPORAN_LIHAT = [
    "reporting.view_laporansemester",
    "reporting.view_proseslaporan",
    "reporting.view_laporantkksd",
]
_LAPORAN_SEMESTER = [
    "reporting.view_laporansemester",
    "reporting.add_laporansemester",
    "reporting.change_laporansemester",
    "reporting.sampaikan_laporansemester",
]
_LAPORAN_SEKRETARIAT = [
    *_LAPORAN_LIHAT,
    *_LAPORAN_SEMESTER[1:],
    "reporting.susun_laporan_bupati",
    "reporting.add_laporantkksd",
    "reporting.change_laporantkksd",
    "reporting.sampaikan_laporantkksd",
]

# Planning (Pasal 7–8): the secretariat keeps the plan lists; everyone else reads them.
_RENCANA_LIHAT = ["planning.view_identifikasi", "planning.view_butirrencana"]
_RENCANA_KELOLA = [*_RENCANA_LIHAT, "planning.kelola_rencana"]

# Monitoring and evaluation (Pasal 28) and disputes (Pasal 29–30): the secretariat keeps
# the monitoring and submits disputes to the provincial TKKSD; operators record their own
# agency's disputes (scoped by ksdd_visible_to); TKKSD and the Bupati read.
_PENGAWASAN_LIHAT = ["oversight.view_monitoringevaluasi", "oversight.view_perselisihan"]
_PENGAWASAN_KELOLA = [
    *_PENGAWASAN_LIHAT,
    "oversight.kelola_monev",
    "oversight.kelola_perselisihan",
    "oversight.ajukan_perselisihan_provinsi",
]
_PERSELISIHAN_OPERATOR = [*_PENGAWASAN_LIHAT, "oversight.kelola_perselisihan"]

# Pembinaan (Pasal 40–44): the secretariat records guidance, memberships and the
# Sekretariat Kerja Sama; TKKSD and the Bupati read them; operators see the guidance.
_PEMBINAAN_LIHAT = [
    "oversight.view_kegiatanpembinaan",
    "oversight.view_keanggotaanasosiasi",
    "oversight.view_sekretariatkerjasama",
]
_PEMBINAAN_KELOLA = [*_PEMBINAAN_LIHAT, "oversight.kelola_pembinaan"]

# TKKSD (Pasal 33–39): the secretariat keeps the decrees, offices and meetings; TKKSD
# members, its Ketua and the Bupati read them.
_TKKSD_LIHAT = [
    "governance.view_keputusanbupati",
    "governance.view_rapat",
    "governance.view_programkerja",
]
_TKKSD_KELOLA = [*_TKKSD_LIHAT, "governance.kelola_tkksd", "governance.kelola_rapat"]

IZIN_PERAN: dict[str, list[str]] = {
    Peran.OPERATOR_PD: [
        "view_ksdd",
        "add_ksdd",
        "change_ksdd",
        "ajukan_kak",
        "kelola_kb",
        "kelola_pks",
        "batalkan_ksdd",
        *_LAPORAN_SEMESTER,
        *_RENCANA_LIHAT,
        *_PERSELISIHAN_OPERATOR,
        "oversight.view_kegiatanpembinaan",
    ],
    Peran.SEKRETARIAT_TKKSD: [
        *_LIHAT_SEMUA,
        "documents.kelola_lambang",  # the Garuda and the region emblems (P11-2, P12-3)
        "add_ksdd",
        "change_ksdd",
        *_TRANSISI_SEKRETARIAT,
        "add_suratkuasa",
        "change_suratkuasa",
        "view_suratkuasa",
        *_KALENDER_KERJA,
        *_LAPORAN_SEKRETARIAT,
        *_RENCANA_KELOLA,
        *_PENGAWASAN_KELOLA,
        *_PEMBINAAN_KELOLA,
        *_TKKSD_KELOLA,
    ],
    Peran.ANGGOTA_TKKSD: [
        *_LIHAT_SEMUA,
        "view_suratkuasa",
        *_LAPORAN_LIHAT,
        *_RENCANA_LIHAT,
        *_PENGAWASAN_LIHAT,
        *_PEMBINAAN_LIHAT,
        *_TKKSD_LIHAT,
    ],
    Peran.KETUA_TKKSD: [
        *_LIHAT_SEMUA,
        "catat_petunjuk_tertulis",
        "catat_rekomendasi_pleno",
        "view_suratkuasa",
        *_LAPORAN_LIHAT,
        *_RENCANA_LIHAT,
        *_PENGAWASAN_LIHAT,
        *_PEMBINAAN_LIHAT,
        *_TKKSD_LIHAT,
    ],
    Peran.BUPATI: [
        *_LIHAT_SEMUA,
        "catat_penawaran",
        "catat_tanggapan",
        "tandatangani_kb",
        "tandatangani_pks",
        "view_suratkuasa",
        "add_suratkuasa",
        *_LAPORAN_LIHAT,
        "reporting.susun_laporan_bupati",
        *_RENCANA_LIHAT,
        *_PENGAWASAN_LIHAT,
        *_PEMBINAAN_LIHAT,
        *_TKKSD_LIHAT,
    ],
    # DPRD sees only the KSDD brought to it (selectors.ksdd_visible_to).
    Peran.DPRD: ["view_ksdd", "lihat_ksdd_dprd", "catat_persetujuan_dprd"],
    # administrators are superusers anyway; they keep the documents' Word templates
    Peran.ADMIN: [*_KALENDER_KERJA, "documents.kelola_templat", "documents.kelola_lambang"],
}


# Issue 19 item 5 (ASVS 2.2): who signs or approves must log in with a second factor.
# These are the permissions that record a signature, an approval or a decision of the
# Bupati, the Ketua TKKSD (Sekda), the DPRD or the secretariat that records them
# (``accounts.faktor_kedua.wajib_faktor_kedua``); administrators need it too, and so does
# a Kepala Perangkat Daerah holding a Surat Kuasa (P24-2).
IZIN_MENYETUJUI = [
    "agreements.tandatangani_kb",
    "agreements.tandatangani_pks",
    "agreements.catat_persetujuan_dprd",
    "agreements.catat_tanggapan",
    "agreements.catat_penawaran",
    "agreements.catat_petunjuk_tertulis",
    "agreements.catat_rekomendasi_pleno",
    "reporting.susun_laporan_bupati",
]


def pastikan_izin(user, izin: str, pesan) -> None:
    """Refuse a write the user's role does not hold. Called by the services themselves,
    so the web, the API and scripts are held to the same roles (the views check too,
    to hide what a role may not do)."""
    from django.core.exceptions import PermissionDenied

    if not user.has_perm(izin):
        raise PermissionDenied(pesan)
