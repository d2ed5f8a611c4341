"""Background work of the agreements app (django-tasks; the worker is ``jalankan_pekerja``)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from kersa.notifications.services import langkah_kabarkan

from .choices import Status
from .models import RiwayatTahap
from .selectors import boleh, ksdd_dapat_dilihat, transisi_tersedia


def _penerima(ksdd):
    """Active users who may take one of the KSDD's next steps (role and agency), with or
    without an e-mail address (the in-app notification needs none)."""
    langkah = [t for t in transisi_tersedia(ksdd) if t.nama != "batalkan"]
    if not langkah:
        return []
    codenames = {t.izin for t in langkah}
    User = get_user_model()
    kandidat = (
        User.objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__codename__in=codenames)
            | Q(user_permissions__codename__in=codenames)
        )
        .distinct()
    )
    return [
        u
        for u in kandidat
        if ksdd_dapat_dilihat(u, ksdd) and any(boleh(u, t, ksdd) for t in langkah)
    ]


@task()
def kabari_tahap_baru(riwayat_id: int) -> int:
    """E-mail the people who must act next after a KSDD changed status. Returns how
    many were told. Idempotent per history row: a row is announced once."""
    with transaction.atomic():
        return _kabari(riwayat_id)


@task()
def kabari_tahap_baru_banyak(riwayat_ids: list[int]) -> int:
    """``kabari_tahap_baru`` for many history rows queued at once (the worker's deemed
    DPRD approvals, ``services.dprd_himpunan``): one queued task instead of one per row,
    each row announced in its own transaction and once (the same claim), so a retry after
    a failed send announces only the rows not yet announced."""
    n = 0
    for riwayat_id in riwayat_ids:
        with transaction.atomic():
            n += _kabari(riwayat_id)
    return n


def _kabari(riwayat_id: int) -> int:
    # Claim the row with a conditional UPDATE so two workers never announce twice;
    # a failed send rolls the claim back, so the retry can announce it.
    claimed = RiwayatTahap.objects.filter(pk=riwayat_id, dikabarkan_pada__isnull=True).update(
        dikabarkan_pada=timezone.now()
    )
    if not claimed:
        return 0
    riwayat = RiwayatTahap.objects.select_related("ksdd").get(pk=riwayat_id)
    ksdd = riwayat.ksdd
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("[KERSA] %(nomor)s: %(status)s") % {
            "nomor": ksdd.nomor_register,
            "status": Status(riwayat.ke).label,
        }
        body = _(
            "KSDD “%(judul)s” kini berstatus “%(status)s”.\n%(alasan)s\n\n"
            "Langkah berikutnya menunggu tindakan Anda: %(url)s"
        ) % {
            "judul": ksdd.judul,
            "status": Status(riwayat.ke).label,
            "alasan": riwayat.alasan,
            "url": settings.KERSA_BASE_URL.rstrip("/")
            + reverse("agreements:detail", args=[ksdd.pk]),
        }
        # In KERSA too, to each person who must act, with the steps that are theirs
        # (issue 13: the person who acts is told); each as the person chose.

        langkah = [t for t in transisi_tersedia(ksdd) if t.nama != "batalkan"]
        orang = [(u, [str(t.label) for t in langkah if boleh(u, t, ksdd)]) for u in _penerima(ksdd)]
        disurelkan = langkah_kabarkan(
            ksdd=ksdd, status=Status(riwayat.ke).label, alasan=riwayat.alasan, orang=orang
        )
    pesan = [(subject, body, None, [u.email]) for u in disurelkan]
    send_mass_mail(pesan, fail_silently=False)
    return len(pesan)
