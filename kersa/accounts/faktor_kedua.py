"""The second factor at login (issue 19 item 5; ASVS 2.2): who must use one, checking a
code, and the recovery codes.

Required for administrators (staff, superusers), for every role holding a permission that
records a signature or an approval (``core.roles.IZIN_MENYETUJUI``: the Bupati, the Ketua
TKKSD, the DPRD, the TKKSD secretariat), for the roles that affix the paraf hierarki by TTE
(``KERSA_TTE_PARAF_PERAN``) and for a Kepala Perangkat Daerah named in a live Surat Kuasa
(P24-2). The factor is a TOTP authenticator (django-otp); static backup codes
(``otp_static``, each usable once) are the recovery path when the phone is lost.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kersa.agreements.models import SuratKuasa
from kersa.agreements.rules import _nama_sama
from kersa.core.roles import IZIN_MENYETUJUI, Peran

#: How many backup codes an enrolment gives (each usable once).
JUMLAH_KODE_CADANGAN = 10


def _kepala_pd_berkuasa(user) -> bool:
    """``user`` is the named holder of a live Surat Kuasa of his agency (P24-2)."""
    if not user.perangkat_daerah_id:
        return False
    from django.db.models import Q

    hari_ini = timezone.localdate()
    kuasa = SuratKuasa.objects.filter(
        perangkat_daerah_id=user.perangkat_daerah_id, dicabut=False
    ).filter(Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=hari_ini))
    for penerima_nama, penerima_nip in kuasa.values_list("penerima_nama", "penerima_nip"):
        if (user.nip and penerima_nip == user.nip) or _nama_sama(penerima_nama, user.nama_tampil):
            return True
    return False


def wajib_faktor_kedua(user) -> bool:
    """Whether ``user`` must log in with a second factor (issue 19 item 5)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    if any(user.has_perm(izin) for izin in IZIN_MENYETUJUI):
        return True
    paraf = [str(Peran(p).label) for p in settings.KERSA_TTE_PARAF_PERAN if p in Peran.values]
    if paraf and user.groups.filter(name__in=paraf).exists():
        return True
    return _kepala_pd_berkuasa(user)


def perangkat(user) -> list:
    """The user's confirmed devices: TOTP authenticators and backup-code sets."""
    from django_otp import devices_for_user

    return list(devices_for_user(user, confirmed=True))


def punya_totp(user) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def perangkat_cocok(user, kode: str):
    """The device that accepts ``kode`` (6 digits of the authenticator, or an 8-character
    backup code, used up by this check), or None. django-otp throttles wrong codes."""
    kode = (kode or "").strip().replace(" ", "").lower()
    if not kode or len(kode) > 16:
        return None
    for d in perangkat(user):
        if d.verify_token(kode):
            return d
    return None


@transaction.atomic
def kode_cadangan_buat(user) -> list[str]:
    """New backup codes for ``user`` (the old ones stop working). Shown once."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    dev, _dibuat = StaticDevice.objects.get_or_create(
        user=user, name="kode-cadangan", defaults={"confirmed": True}
    )
    dev.token_set.all().delete()
    kode = [StaticToken.random_token() for _i in range(JUMLAH_KODE_CADANGAN)]
    StaticToken.objects.bulk_create([StaticToken(device=dev, token=k) for k in kode])
    return kode


def sisa_kode_cadangan(user) -> int:
    from django_otp.plugins.otp_static.models import StaticToken

    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
