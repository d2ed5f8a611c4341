"""Account receivers (issue 19): a changed password ends every API token of its user
(ASVS 3.3.3); a login starts the idle clock."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save
from django.dispatch import receiver

from kersa.accounts.models import TokenApi
from kersa.core.middleware import BatasDiamMiddleware


@receiver(pre_save, sender=get_user_model())
def cabut_token_saat_sandi_berubah(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    lama = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if lama is not None and lama != instance.password:
        TokenApi.objects.filter(user_id=instance.pk).delete()


@receiver(user_logged_in)
def catat_aktif_saat_masuk(sender, request, user, **kwargs):
    """The idle clock of ``BatasDiamMiddleware`` starts at login, so the first page
    after it does not write the session again."""
    if request is not None and hasattr(request, "session"):
        request.session[BatasDiamMiddleware.KUNCI] = int(time.time())
