"""Background work of the reporting room (django-tasks; the worker is ``jalankan_pekerja``)."""

from django_tasks import task

from .services import proses_laporan_bupati_jalankan


@task()
def susun_laporan_bupati(proses_id: int) -> int:
    """P27-2: build the Bupati's consolidated report; progress on ``ProsesLaporan``."""
    proses_laporan_bupati_jalankan(proses_id=proses_id)
    return proses_id
