"""``manage.py jalankan_pekerja``: KERSA's background worker.

django-tasks-db's ``db_worker`` (same options) with a heartbeat, recovery of tasks
left RUNNING by a worker that died, and the daily clock scan's schedule
(kersa/core/pekerja.py; docs/deployment.md, "Background worker").
"""

from django.core.management.base import CommandError
from django_tasks_db.management.commands import db_worker

from kersa.core.pekerja import PekerjaTahanGagal


class Command(db_worker.Command):
    help = (
        "Menjalankan pekerja latar belakang KERSA: antrean django-tasks-db dengan denyut, "
        "pemulihan tugas yang ditinggal pekerja yang mati, dan jadwal pemindaian tenggat."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        # --reload is ignored: a reloaded worker would abandon its task mid-run.
        worker = PekerjaTahanGagal(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
