"""A changed password ends every API token of its user (ASVS 3.3.3, issue 19): whoever
held a token taken with the old password loses it with the password."""

from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token


@receiver(pre_save, sender=get_user_model())
def cabut_token_saat_sandi_berubah(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    lama = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if lama is not None and lama != instance.password:
        Token.objects.filter(user_id=instance.pk).delete()
