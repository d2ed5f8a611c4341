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


@task()
def susun_ekspor_dasbor(ekspor_id: int) -> int:
    """Issue 18: build the dashboard's XLSX/PDF off the request; progress on ``EksporDasbor``."""
    from .services import ekspor_dasbor_jalankan

    ekspor_dasbor_jalankan(ekspor_id=ekspor_id)
    return ekspor_id
