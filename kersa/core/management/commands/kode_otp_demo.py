"""``manage.py kode_otp_demo``: the current second-factor codes of the demo users (those
``muat_demo`` enrolled with a device named "demo"), to log in to the demo without an
authenticator app. Refused unless DEBUG is on: a production server never prints codes."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Mencetak kode faktor kedua saat ini bagi pengguna demo (hanya bila DEBUG).")

    def handle(self, *args, **options):
        from django_otp.oath import TOTP
        from django_otp.plugins.otp_totp.models import TOTPDevice

        if not settings.DEBUG:
            raise CommandError(_("kode_otp_demo hanya berjalan dengan DEBUG menyala (demo)."))
        perangkat = TOTPDevice.objects.filter(name="demo", confirmed=True).select_related("user")
        for d in perangkat.order_by("user__username"):
            kode = TOTP(d.bin_key, d.step, d.t0, d.digits, d.drift).token()
            self.stdout.write(f"  {d.user.username:20} {kode:0{d.digits}d}")
