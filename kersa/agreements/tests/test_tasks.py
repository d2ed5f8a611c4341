"""The background worker: notifications after a step, through the real database queue
and the real worker command (django-tasks-db's ``db_worker --batch``)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from kersa.agreements import services
from kersa.agreements.models import RiwayatTahap
from kersa.agreements.tasks import kabari_tahap_baru
from kersa.documents.contoh import unggahan_pdf

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _ajukan(ksdd, user):
    return services.ksdd_ajukan_kak(
        ksdd=ksdd,
        user=user,
        nomor="000.3/112/Dinkes/2026",
        tanggal_surat=ksdd.dibuat_pada.date(),
        surat_permohonan=unggahan_pdf(),
        salinan_dpa=unggahan_pdf("dpa.pdf"),
    )


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_p13_step_queues_notification_that_the_worker_sends(acuan, pemeran, ksdd):
    """A status change queues a task on commit; the worker e-mails those who act next
    (for a submitted KAK: the secretariat and the Ketua TKKSD, P32-2)."""
    _ajukan(ksdd, pemeran.operator)
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    penerima = sorted(addr for m in mail.outbox for addr in m.to)
    assert penerima == [pemeran.ketua.email, pemeran.sekretariat.email]
    assert ksdd.nomor_register in mail.outbox[0].subject
    assert f"/ksdd/{ksdd.pk}/" in mail.outbox[0].body
    riwayat = RiwayatTahap.objects.get(ksdd=ksdd, aksi="ajukan_kak")
    assert riwayat.dikabarkan_pada is not None


@pytest.mark.django_db
def test_notification_is_sent_once_even_if_the_task_runs_twice(pemeran, ksdd):
    _ajukan(ksdd, pemeran.operator)  # inside the test's transaction: nothing sent yet
    riwayat = RiwayatTahap.objects.get(ksdd=ksdd, aksi="ajukan_kak")
    assert kabari_tahap_baru.call(riwayat.pk) == 2
    assert kabari_tahap_baru.call(riwayat.pk) == 0
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_refused_step_queues_nothing(pemeran, ksdd):
    from kersa.core.errors import RuleViolation

    with pytest.raises(RuleViolation):
        services.ksdd_ajukan_kak(
            ksdd=ksdd,
            user=pemeran.operator,
            nomor="x",
            tanggal_surat=ksdd.dibuat_pada.date(),
            surat_permohonan=None,
        )
    assert mail.outbox == []
    assert not RiwayatTahap.objects.filter(ksdd=ksdd, aksi="ajukan_kak").exists()
