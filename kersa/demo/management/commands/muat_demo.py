"""``manage.py muat_demo``: demo users of every role and KSDD in different stages.

Every KSDD is driven through the real services (``demo.skenario``), with
real neighbours of Barito Selatan as partners. Idempotent: a KSDD whose title
already exists is left alone.
"""

import base64

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.accounts.faktor_kedua import wajib_faktor_kedua
from kersa.agreements.choices import Kategori, Keputusan, Pemrakarsa, Status
from kersa.agreements.models import Bentuk, Ksdd, RiwayatTahap, Tujuan, Urusan
from kersa.demo import laporan as reporting_demo
from kersa.demo import monev as monev_demo
from kersa.demo import pembinaan as pembinaan_demo
from kersa.demo import rencana as planning_demo
from kersa.demo import skenario
from kersa.demo import tkksd as governance_demo
from kersa.demo import wilayah as regions_demo
from kersa.regions.models import PerangkatDaerah, Wilayah


def _w(*kodes):
    return list(Wilayah.objects.filter(kode__in=kodes))


def _pd(nama):
    return PerangkatDaerah.objects.get(nama=nama)


DEMO = [
    # (status to reach, fields)
    (
        Status.PELAKSANAAN,
        lambda: {
            "judul": "Pelayanan Kesehatan Rujukan bagi Masyarakat Perbatasan Barito Selatan – Barito Timur",
            "mitra": _w("62.13"),
        },
    ),
    (
        Status.MENUNGGU_DPRD,
        lambda: {
            "judul": "Pemeliharaan Bersama Jalan Poros Buntok – Kapuas",
            "perangkat_daerah": _pd("Dinas Pekerjaan Umum dan Penataan Ruang"),
            "user": "sekretariat",
            "mitra": _w("62.03"),
            "bentuk": Bentuk.objects.get(kode="e"),
            "urusan": [Urusan.objects.get(kode="a.3")],
            "eksternalitas": "Jalan poros dipakai angkutan hasil kebun dan penumpang kedua kabupaten.",
            "lokasi": "Ruas jalan Buntok – Kapuas, Kecamatan Dusun Selatan",
            "nilai_anggaran": 2_750_000_000,
            "membebani_masyarakat": True,
            "nomor_dpa": "DPA/1.03.0.00.0.00.01.0000/2026",
        },
    ),
    (
        Status.DITOLAK,
        lambda: {
            "judul": "Promosi Bersama Wisata Sungai Barito dengan Kabupaten Tabalong",
            "perangkat_daerah": _pd("Dinas Kebudayaan, Pariwisata, Kepemudaan dan Olahraga"),
            "user": "sekretariat",
            "pemrakarsa": Pemrakarsa.MITRA,
            "pemrakarsa_mitra": Wilayah.objects.get(kode="63.09"),
            "mitra": _w("63.09"),
            "kategori": Kategori.SUKARELA,
            "eksternalitas": "",
            "urusan": [Urusan.objects.get(kode="c.2")],
            "tujuan": list(Tujuan.objects.filter(kode="e")),
            "lokasi": "Kawasan wisata Sungai Barito",
            "nilai_anggaran": 300_000_000,
            "dianggarkan_apbd": False,
            "nomor_dpa": "",
        },
    ),
    (
        Status.MENUNGGU_TANGGAPAN,
        lambda: {
            "judul": "Pengelolaan Sampah Regional Barito Selatan, Barito Timur dan Kapuas",
            "perangkat_daerah": _pd("Dinas Lingkungan Hidup"),
            "user": "sekretariat",
            "mitra": _w("62.13", "62.03"),
            "urusan": [Urusan.objects.get(kode="b.5")],
            "eksternalitas": "Sampah dari kawasan hulu terbawa arus Sungai Barito ke hilir.",
            "lokasi": "TPA regional Kecamatan Dusun Selatan",
        },
    ),
    (
        Status.KAK_DIAJUKAN,
        lambda: {
            "judul": "Angkutan Sungai Terpadu Buntok – Marabahan",
            "perangkat_daerah": _pd("Dinas Perhubungan"),
            "user": "sekretariat",
            "mitra": _w("63.04"),
            "urusan": [Urusan.objects.get(kode="b.9")],
            "eksternalitas": "Penumpang dan barang menyeberang batas provinsi lewat sungai.",
            "lokasi": "Dermaga Buntok dan Dermaga Marabahan",
        },
    ),
    (
        Status.PENYUSUNAN_KAK,
        lambda: {
            "judul": "Pelatihan Guru Bersama dengan Kabupaten Barito Utara",
            "perangkat_daerah": _pd("Dinas Pendidikan"),
            "user": "sekretariat",
            "mitra": _w("62.05"),
            "kategori": Kategori.SUKARELA,
            "eksternalitas": "",
            "bentuk": Bentuk.objects.get(kode="c"),
            "pembayar": Wilayah.objects.get(kode="62.04"),
            "penerima_pembayaran": Wilayah.objects.get(kode="62.05"),
            "dasar_pembayaran": "Biaya pelatihan per peserta sesuai standar biaya daerah.",
            "urusan": [Urusan.objects.get(kode="a.1")],
            "lokasi": "Muara Teweh dan Buntok",
        },
    ),
]


class Command(BaseCommand):
    help = _("Memuat data demo: pengguna setiap peran dan KSDD pada berbagai tahap.")

    def handle(self, *args, **options):
        call_command("muat_data_acuan", "--dengan-perangkat-daerah", verbosity=0)
        regions_demo.demo_muat()
        pemeran = skenario.pemeran_buat()
        dibuat = 0
        for status, fields in DEMO:
            data = fields()
            if Ksdd.objects.filter(judul=data["judul"]).exists():
                continue
            if isinstance(data.get("user"), str):
                data["user"] = getattr(pemeran, data["user"])
            ksdd = skenario.ksdd_baru(pemeran, **data)
            if status == Status.DITOLAK:
                skenario.ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
                skenario.tanggapi(ksdd, pemeran, Keputusan.DITOLAK)
            else:
                skenario.ke_status(ksdd, status, pemeran)
            dibuat += 1
        # The other rooms' demo records, each idempotent (``<app>/demo*.py``).
        planning_demo.demo_muat(pemeran)
        governance_demo.demo_muat(pemeran)
        reporting_demo.demo_muat(pemeran)
        monev_demo.demo_muat(pemeran)
        pembinaan_demo.demo_muat(pemeran)
        # The demo's history is the past: nobody needs an e-mail about it.
        RiwayatTahap.objects.filter(dikabarkan_pada__isnull=True).update(
            dikabarkan_pada=timezone.now()
        )
        self.stdout.write(_("KSDD demo dibuat: %d.") % dibuat)
        self.stdout.write(_("Pengguna demo (kata sandi: %s):") % skenario.PASSWORD_DEMO)
        for attr, label in [
            ("operator", _("Operator Perangkat Daerah (Dinas Kesehatan)")),
            ("operator_lain", _("Operator Perangkat Daerah (Dinas PUPR)")),
            ("sekretariat", _("Sekretariat TKKSD")),
            ("anggota", _("Anggota TKKSD")),
            ("ketua", _("Ketua TKKSD (Sekretaris Daerah)")),
            ("bupati", _("Bupati")),
            ("dprd", _("DPRD")),
            ("admin", _("Administrator")),
        ]:
            self.stdout.write(f"  {getattr(pemeran, attr).username:20} {label}")
        self._faktor_kedua(pemeran)

    def _faktor_kedua(self, pemeran):
        """The demo users who must log in with a second factor (issue 19 item 5) get an
        authenticator enrolled with a random key made here, on this database: never a key
        written in the repository, which would open the demo Bupati's account on every
        server the demo was loaded on. The keys are printed for an authenticator app;
        ``manage.py kode_otp_demo`` prints the current codes (DEBUG only)."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        baris = []
        for user in pemeran.__dict__.values():
            if not wajib_faktor_kedua(user):
                continue
            d = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if d is None:
                d = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
            baris.append((user.username, base64.b32encode(d.bin_key).decode()))
        self.stdout.write(
            _(
                "Faktor kedua demo (wajib bagi penanda tangan, penyetuju dan administrator): "
                "masukkan kunci ke aplikasi autentikator, atau jalankan "
                "'manage.py kode_otp_demo' untuk kode saat ini."
            )
        )
        for username, kunci in sorted(baris):
            self.stdout.write(f"  {username:20} {kunci}")
