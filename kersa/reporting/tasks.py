"""Background work of the reporting room (django-tasks; the worker is ``jalankan_pekerja``)."""

from django_tasks import task


@task()
def susun_laporan_bupati(proses_id: int) -> int:
    """P27-2: build the Bupati's consolidated report; progress on ``ProsesLaporan``.
    HackSoft's rule: the task imports its service inside the function, the service
    imports the task at module level (no cycle between the two modules)."""
    from .services import proses_laporan_bupati_jalankan

    proses_laporan_bupati_jalankan(proses_id=proses_id)
    return proses_id
