"""P7-1: a province as a partner of a Kerja Sama Wajib (Pasal 1 angka 3; PP 28/2018
Pasal 5): it borders the kabupaten/kota inside it and the regions touching one of its
kabupaten/kota, read from the region and border data (data/wilayah)."""

import pytest

from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ksdd_baru
from kersa.regions.models import Wilayah
from kersa.regions.selectors import pasangan_berbatasan


@pytest.mark.parametrize("kode", ["62", "63"])
def test_p7_1_wajib_with_province_kalteng_or_kalsel_is_accepted(pemeran, kode):
    """Kalimantan Tengah contains Barito Selatan (62.04); Kalimantan Selatan holds
    Tabalong, Barito Kuala… which Barito Selatan touches."""
    k = ksdd_baru(pemeran, mitra=[Wilayah.objects.get(kode=kode)])
    assert [m.kode for m in k.mitra.all()] == [kode]


def test_p7_1_wajib_with_province_jawa_barat_is_refused(pemeran):
    with pytest.raises(RuleViolation) as e:
        ksdd_baru(pemeran, mitra=[Wilayah.objects.get(kode="32")])
    p = e.value.pelanggaran[0]
    assert p.rule == "P7-1" and "Jawa Barat (32)" in p.detail and "Pasal 7 ayat 1" in p.detail


def test_p7_1_province_pairs_from_the_data(acuan):
    assert pasangan_berbatasan(["62.04", "62", "63", "32"]) == {
        frozenset(("62.04", "62")),
        frozenset(("62.04", "63")),
        frozenset(("62", "63")),  # provinces that border each other in the data
    }
    # A kabupaten of another province that touches none of Jawa Barat's: not bordering.
    assert pasangan_berbatasan(["62.13", "32"]) == set()
    # Two kabupaten/kota: the border data only.
    assert pasangan_berbatasan(["62.04", "62.13"]) == {frozenset(("62.04", "62.13"))}
