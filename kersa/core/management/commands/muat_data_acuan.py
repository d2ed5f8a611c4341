"""``manage.py muat_data_acuan``: load or refresh all reference data (idempotent).

Loads the regions and their borders (``data/wilayah``), the regulation's lists
(urusan, bentuk, tujuan), the role groups, and, with ``--dengan-perangkat-daerah``,
the demo list of Perangkat Daerah. Safe to run after every deployment.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kersa.accounts.services import peran_sync
from kersa.agreements.reference_data import acuan_muat
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.regions.models import Wilayah
from kersa.regions.services import (
    PERANGKAT_DAERAH_DEMO,
    ibu_kota_muat,
    perangkat_daerah_muat,
    wilayah_muat,
)


class Command(BaseCommand):
    help = _("Memuat data acuan: wilayah, perbatasan, urusan, bentuk, tujuan dan peran.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--dengan-perangkat-daerah",
            action="store_true",
            help=_("Muat juga daftar Perangkat Daerah contoh (data demo)."),
        )

    def _tulis(self, teks: str) -> None:
        if self.verbosity:
            self.stdout.write(teks)

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        folder = settings.BASE_DIR / "data" / "wilayah"
        wilayah = wilayah_muat(
            wilayah_csv=folder / "wilayah-2025.csv",
            perbatasan_csv=folder / "berbatasan-2025.csv",
        )
        ibu_kota_muat()
        kode = settings.KERSA_HOME_REGION
        daerah = Wilayah.objects.filter(kode=kode).first()
        if daerah is None:
            raise CommandError(
                _(
                    "Wilayah Daerah dengan kode %(kode)s (setelan KERSA_HOME_REGION) "
                    "tidak ditemukan dalam data wilayah."
                )
                % {"kode": kode}
            )
        acuan = acuan_muat()
        peran = peran_sync()
        penomoran = penomoran_muat_default()

        self._tulis(
            _(
                "Wilayah: %(wilayah)d (baru %(wilayah_baru)d); "
                "perbatasan: %(perbatasan)d (baru %(perbatasan_baru)d, "
                "dihapus %(perbatasan_dihapus)d)."
            )
            % wilayah
        )
        self._tulis(
            _(
                "Urusan: %(urusan)d; bentuk: %(bentuk)d; tujuan: %(tujuan)d "
                "(%(ditulis)d baris baru/diubah)."
            )
            % acuan
        )
        self._tulis(_("Peran: %(jumlah)d grup.") % {"jumlah": len(peran)})
        self._tulis(_("Pola penomoran surat baru: %(jumlah)d.") % {"jumlah": penomoran})
        if options["dengan_perangkat_daerah"]:
            jumlah = perangkat_daerah_muat(path=PERANGKAT_DAERAH_DEMO)
            self._tulis(_("Perangkat Daerah (data demo): %(jumlah)d.") % {"jumlah": jumlah})
        self._tulis(
            self.style.SUCCESS(_("Data acuan siap. Daerah: %(daerah)s.") % {"daerah": daerah})
        )
