"""In-app notifications, the record of every reminder sent, and each user's choices.

Reminders carry the statutory clocks of the regulation (``deadlines.Tenggat``:
Pasal 16, 17, 18, 19 ayat (3), 22, 27) to the people who must act.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import JenisPengingat

__all__ = [
    "Notifikasi",
    "Pengingat",
    "PengingatKsdd",
    "PreferensiPengingat",
    "RingkasanHarian",
    "token_baru",
]


def token_baru() -> str:
    """A secret for the personal calendar feed URL (unguessable, URL-safe)."""
    return secrets.token_urlsafe(32)


class Notifikasi(models.Model):
    """A message shown in KERSA to one user, e.g. that a clock of the regulation
    (Pasal 16–22, 27) falls due; read or unread."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi"
    )
    judul = models.CharField(_("judul"), max_length=250)
    isi = models.TextField(_("isi"), blank=True)
    tautan = models.CharField(_("tautan"), max_length=300, blank=True)
    tenggat = models.ForeignKey(
        "deadlines.Tenggat",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifikasi",
    )
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        ordering = ["-dibuat_pada", "-id"]
        indexes = [models.Index(fields=["user", "dibaca_pada"], name="notifikasi_user_baca")]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")

    def __str__(self) -> str:
        return self.judul


class Pengingat(models.Model):
    """The record that one reminder of a statutory clock (Pasal 16–22, 19 ayat (3),
    27) was given to one user for one due date. The row is inserted before anything is
    sent: the unique constraint makes each reminder happen once per due date, even with
    two workers."""

    tenggat = models.ForeignKey(
        "deadlines.Tenggat", on_delete=models.CASCADE, related_name="pengingat"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pengingat"
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisPengingat.choices)
    # The due date the reminder was given for: a clock moved to a new date (a KB
    # extended, P19-3) has its reminders again, counted from that date.
    jatuh_tempo = models.DateField(_("untuk jatuh tempo"), null=True, blank=True)
    tanggal = models.DateField(_("tanggal"))
    disurelkan_pada = models.DateTimeField(
        _("dikirim lewat surel pada"),
        null=True,
        blank=True,
        help_text=_(
            "Kosong: belum dikirim lewat surel (menunggu ringkasan harian, atau surel mati)."
        ),
    )

    class Meta:
        ordering = ["-tanggal", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenggat", "user", "jenis", "jatuh_tempo"],
                name="pengingat_sekali_per_jenis_jatuh_tempo",
            )
        ]
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")

    def __str__(self) -> str:
        return f"{self.tenggat_id} {self.jenis} → {self.user_id}"


class PengingatKsdd(models.Model):
    """A reminder about a KSDD that is not a statutory clock (no due date, no
    consequence), given once: the row is inserted before the notifications, and the
    unique constraint makes it happen once even with two workers. A KB signed 90 days
    ago still without a signed PKS (Pasal 11 ayat 4: a KB is followed by a PKS; P10)."""

    class Jenis(models.TextChoices):
        KB_TANPA_PKS = "kb_tanpa_pks", _("Kesepakatan Bersama 90 hari tanpa PKS")

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="pengingat_lain"
    )
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    tanggal = models.DateField(_("tanggal"))
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["ksdd", "jenis"], name="pengingat_ksdd_sekali")
        ]
        verbose_name = _("pengingat KSDD")
        verbose_name_plural = _("pengingat KSDD")

    def __str__(self) -> str:
        return f"{self.ksdd_id} {self.jenis}"


class PreferensiPengingat(models.Model):
    """What one user chooses to receive of the clocks of the regulation: per kind of
    message (a KSDD step waiting for them, before a due date, a missed one) and per channel (in KERSA, e-mail), all on by
    default; one daily digest e-mail (their own work and the day's reminders) instead
    of one e-mail per reminder; and the secret of the personal calendar (.ics) feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferensi_pengingat"
    )
    aplikasi_langkah = models.BooleanField(
        _("di KERSA: langkah KSDD yang menunggu Anda"), default=True
    )
    surel_langkah = models.BooleanField(
        _("lewat surel: langkah KSDD yang menunggu Anda"), default=True
    )
    aplikasi_menjelang = models.BooleanField(
        _("di KERSA: pengingat menjelang jatuh tempo"), default=True
    )
    aplikasi_terlewat = models.BooleanField(_("di KERSA: tenggat terlewat"), default=True)
    surel_menjelang = models.BooleanField(
        _("lewat surel: pengingat menjelang jatuh tempo"), default=True
    )
    surel_terlewat = models.BooleanField(_("lewat surel: tenggat terlewat"), default=True)
    ringkasan_harian = models.BooleanField(
        _("ringkasan harian"),
        default=False,
        help_text=_(
            "Satu surel sehari berisi pekerjaan Anda dan semua pengingat hari itu, bukan "
            "satu surel per pengingat."
        ),
    )
    token_kalender = models.CharField(
        _("token kalender"), max_length=64, unique=True, default=token_baru, editable=False
    )

    class Meta:
        verbose_name = _("preferensi pengingat")
        verbose_name_plural = _("preferensi pengingat")

    def __str__(self) -> str:
        return str(self.user)

    def aplikasi(self, jenis: str) -> bool:
        """Whether a reminder of ``jenis`` is shown in KERSA."""
        return (
            self.aplikasi_terlewat if jenis == JenisPengingat.TERLEWAT else self.aplikasi_menjelang
        )

    def surel(self, jenis: str) -> bool:
        """Whether a reminder of ``jenis`` goes by e-mail (alone, or in the digest)."""
        return self.surel_terlewat if jenis == JenisPengingat.TERLEWAT else self.surel_menjelang


class RingkasanHarian(models.Model):
    """The record that one user's daily digest was sent on one day: inserted before the
    e-mail goes, unique per user and date, so the digest goes once a day even with two
    workers or a scan run twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ringkasan_harian"
    )
    tanggal = models.DateField(_("tanggal"))
    jumlah_pekerjaan = models.PositiveIntegerField(_("jumlah pekerjaan"), default=0)
    jumlah_pengingat = models.PositiveIntegerField(_("jumlah pengingat"), default=0)
    dikirim_pada = models.DateTimeField(_("dikirim pada"), auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "tanggal"], name="ringkasan_sekali_sehari")
        ]
        verbose_name = _("ringkasan harian terkirim")
        verbose_name_plural = _("ringkasan harian terkirim")

    def __str__(self) -> str:
        return f"{self.user_id} {self.tanggal}"
