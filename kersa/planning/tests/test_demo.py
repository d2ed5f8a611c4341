import pytest

from kersa.demo.rencana import demo_muat
from kersa.demo.skenario import ksdd_baru
from kersa.planning.choices import StatusIdentifikasi
from kersa.planning.models import Identifikasi

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_links_a_ksdd(pemeran):
    ksdd = ksdd_baru(pemeran)
    hasil = demo_muat(pemeran)
    assert hasil["ksdd_dikaitkan"] == 1
    assert demo_muat(pemeran)["identifikasi"] == 2
    wajib = Identifikasi.objects.get(pk=hasil["wajib_2026"])
    assert wajib.status == StatusIdentifikasi.DITETAPKAN and wajib.butir.count() == 3
    assert wajib.berita_acara.versi.count() == 1
    sukarela = Identifikasi.objects.get(pk=hasil["sukarela_2027"])
    assert sukarela.status == StatusIdentifikasi.PENYUSUNAN
    ksdd.refresh_from_db()
    assert ksdd.butir_rencana.identifikasi == wajib
