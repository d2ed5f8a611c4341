"""Query-count budgets: the register costs the same for 2 KSDD as for 8."""

import pytest

from kersa.core.testing import jumlah_kueri_api
from kersa.demo.skenario import ksdd_baru

from .bantuan import url_ksdd

pytestmark = pytest.mark.django_db


def _hitung(client, params=None) -> tuple[int, int]:
    return jumlah_kueri_api(client, url_ksdd(), params)


@pytest.mark.parametrize("params", [{}, {"q": "Barito"}, {"tahap": "a", "kategori": "wajib"}])
def test_register_query_count_does_not_grow_with_rows(pemeran, klien, params):
    client = klien(pemeran.sekretariat)
    for _ in range(2):
        ksdd_baru(pemeran)
    dua, n = _hitung(client, params)
    assert n == 2
    for _ in range(6):
        ksdd_baru(pemeran)
    delapan, n = _hitung(client, params)
    assert n == 8
    assert delapan == dua


def test_register_query_budget(pemeran, klien, django_assert_max_num_queries):
    for _ in range(3):
        ksdd_baru(pemeran)
    client = klien(pemeran.operator)
    client.get(url_ksdd())  # warm the session
    with django_assert_max_num_queries(8):
        assert client.get(url_ksdd()).status_code == 200


def test_detail_query_budget(ksdd, pemeran, klien, django_assert_max_num_queries):
    client = klien(pemeran.operator)
    client.get(url_ksdd(ksdd))
    with django_assert_max_num_queries(15):
        assert client.get(url_ksdd(ksdd)).status_code == 200
