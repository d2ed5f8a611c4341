"""Loading regions, borders and agencies (P1-2, P1-3, P1-6) and the muat_data_acuan command."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.test import override_settings

from kersa.agreements.models import Bentuk, Tujuan, Urusan
from kersa.regions.choices import JenisWilayah
from kersa.regions.models import PerangkatDaerah, Perbatasan, Wilayah
from kersa.regions.selectors import pasangan_berbatasan, wilayah_daerah, wilayah_tetangga
from kersa.regions.services import PERANGKAT_DAERAH_DEMO, perangkat_daerah_muat, wilayah_muat

pytestmark = pytest.mark.usefixtures("data_acuan_kosong")

DATA = settings.BASE_DIR / "data" / "wilayah"
BARITO_SELATAN_BERBATASAN = {"62.03", "62.05", "62.13", "63.04", "63.08", "63.09"}


def muat_wilayah() -> dict[str, int]:
    return wilayah_muat(
        wilayah_csv=DATA / "wilayah-2025.csv", perbatasan_csv=DATA / "berbatasan-2025.csv"
    )


@pytest.mark.django_db
def test_p1_3_all_regions_and_borders_loaded():
    hasil = muat_wilayah()

    assert hasil == {
        "wilayah": 552,
        "wilayah_baru": 552,
        "perbatasan": 1028,
        "perbatasan_baru": 1028,
        "perbatasan_dihapus": 0,
    }
    assert Wilayah.objects.count() == 552
    assert Wilayah.objects.filter(jenis=JenisWilayah.PROVINSI).count() == 38
    assert Wilayah.objects.filter(jenis=JenisWilayah.KABUPATEN).count() == 416
    assert Wilayah.objects.filter(jenis=JenisWilayah.KOTA).count() == 98
    assert Perbatasan.objects.count() == 1028

    # Provinces have no parent; every kabupaten/kota points at its province.
    assert not Wilayah.objects.filter(jenis=JenisWilayah.PROVINSI, provinsi__isnull=False).exists()
    assert not Wilayah.objects.exclude(jenis=JenisWilayah.PROVINSI).filter(provinsi=None).exists()
    barsel = Wilayah.objects.get(kode="62.04")
    assert (barsel.nama, barsel.jenis, barsel.provinsi_id) == (
        "Barito Selatan",
        JenisWilayah.KABUPATEN,
        "62",
    )
    assert barsel.provinsi.nama == "Kalimantan Tengah"
    assert Wilayah.objects.get(kode="62.71").nama_lengkap == "Kota Palangka Raya"
    assert Wilayah.objects.filter(provinsi_id="62").count() == 14

    # Barito Selatan borders exactly these six regions (three of them in Kalimantan Selatan).
    assert set(wilayah_tetangga(kode="62.04").values_list("kode", flat=True)) == (
        BARITO_SELATAN_BERBATASAN
    )
    assert Perbatasan.objects.get(wilayah_a_id="62.03", wilayah_b_id="62.04").panjang_km == (
        Decimal("169.63")
    )
    # Stored once per pair, smaller code first.
    assert not Perbatasan.objects.filter(wilayah_a__gte=F("wilayah_b")).exists()


@pytest.mark.django_db
def test_p1_3_loading_regions_twice_is_idempotent():
    muat_wilayah()
    hasil = muat_wilayah()

    assert hasil["wilayah_baru"] == 0
    assert hasil["perbatasan_baru"] == 0
    assert hasil["perbatasan_dihapus"] == 0
    assert Wilayah.objects.count() == 552
    assert Perbatasan.objects.count() == 1028


@pytest.mark.django_db
def test_p1_3_reload_repairs_changed_rows_and_drops_stale_borders():
    muat_wilayah()
    Wilayah.objects.filter(kode="62.04").update(nama="Salah")
    Perbatasan.objects.filter(wilayah_a_id="62.03", wilayah_b_id="62.04").update(panjang_km=1)
    Perbatasan.objects.create(wilayah_a_id="62.04", wilayah_b_id="62.71", panjang_km=5)

    hasil = muat_wilayah()

    assert hasil["perbatasan_dihapus"] == 1
    assert hasil["perbatasan_baru"] == 0
    assert Wilayah.objects.get(kode="62.04").nama == "Barito Selatan"
    assert Perbatasan.objects.get(wilayah_a_id="62.03", wilayah_b_id="62.04").panjang_km == (
        Decimal("169.63")
    )
    assert not Perbatasan.objects.filter(wilayah_a_id="62.04", wilayah_b_id="62.71").exists()
    assert Perbatasan.objects.count() == 1028


@pytest.mark.django_db
def test_p1_3_border_pair_is_stored_in_code_order(tmp_path):
    wilayah_csv = tmp_path / "wilayah.csv"
    wilayah_csv.write_text(
        "kode,nama,jenis,kode_provinsi\n"
        "62,Kalimantan Tengah,provinsi,62\n"
        "62.03,Kapuas,kabupaten,62\n"
        "62.04,Barito Selatan,kabupaten,62\n",
        encoding="utf-8",
    )
    perbatasan_csv = tmp_path / "perbatasan.csv"
    perbatasan_csv.write_text("kode_a,kode_b,panjang_km\n62.04,62.03,169.63\n", encoding="utf-8")

    wilayah_muat(wilayah_csv=wilayah_csv, perbatasan_csv=perbatasan_csv)

    pair = Perbatasan.objects.get()
    assert (pair.wilayah_a_id, pair.wilayah_b_id) == ("62.03", "62.04")


@pytest.mark.django_db
def test_p1_3_pasangan_berbatasan():
    muat_wilayah()

    # Barito Selatan, Kapuas, Barito Utara, Barito Timur, Kota Palangka Raya.
    pairs = pasangan_berbatasan(["62.04", "62.03", "62.05", "62.13", "62.71"])

    # Kapuas and Barito Timur do not touch (Barito Selatan lies between them);
    # Kota Palangka Raya borders none of the others.
    assert pairs == {
        frozenset({"62.03", "62.04"}),
        frozenset({"62.03", "62.05"}),
        frozenset({"62.04", "62.05"}),
        frozenset({"62.04", "62.13"}),
    }
    assert pasangan_berbatasan(["62.04", "62.71"]) == set()
    assert pasangan_berbatasan(["62.04", "62.04"]) == set()
    assert pasangan_berbatasan(["62.04", "63.09"]) == {frozenset({"62.04", "63.09"})}
    # Tapin is close to Barito Selatan but does not share a land boundary in the data.
    assert pasangan_berbatasan(["62.04", "63.05"]) == set()


@pytest.mark.django_db
def test_p1_2_home_region_is_configuration():
    muat_wilayah()

    with override_settings(KERSA_HOME_REGION="62.04"):
        assert wilayah_daerah().nama == "Barito Selatan"
    with override_settings(KERSA_HOME_REGION="62.03"):
        daerah = wilayah_daerah()
        assert (daerah.kode, daerah.nama) == ("62.03", "Kapuas")
        assert daerah.adalah_daerah
        assert not Wilayah.objects.get(kode="62.04").adalah_daerah


@pytest.mark.django_db
def test_p1_6_perangkat_daerah_with_heads():
    jumlah = perangkat_daerah_muat(path=PERANGKAT_DAERAH_DEMO)

    rows = json.loads(PERANGKAT_DAERAH_DEMO.read_text(encoding="utf-8"))["perangkat_daerah"]
    assert jumlah == len(rows) == PerangkatDaerah.objects.count()
    assert 20 <= jumlah <= 25
    for pd in PerangkatDaerah.objects.all():
        assert pd.kepala_nama and pd.kepala_jabatan and pd.singkatan, pd.nama
        assert len(pd.kepala_nip) == 18 and pd.kepala_nip.isdigit(), pd.nama
        assert "Buntok" in pd.alamat, pd.nama
    assert len({pd.kepala_nip for pd in PerangkatDaerah.objects.all()}) == jumlah

    # Exactly one agency handles cooperation: the Bagian Pemerintahan (Pasal 21 ayat 2).
    kerja_sama = PerangkatDaerah.objects.get(membidangi_kerja_sama=True)
    assert kerja_sama.nama == "Bagian Pemerintahan Sekretariat Daerah"
    assert kerja_sama.kepala_jabatan == "Kepala Bagian Pemerintahan"
    # The TKKSD members of Pasal 35 have an agency: planning, finance, oversight, law.
    singkatan = set(PerangkatDaerah.objects.values_list("singkatan", flat=True))
    assert {"Bappedalitbang", "BPKAD", "Inspektorat", "Bag. Hukum"} <= singkatan


@pytest.mark.django_db
def test_p1_6_perangkat_daerah_load_is_idempotent():
    perangkat_daerah_muat(path=PERANGKAT_DAERAH_DEMO)
    dinkes = PerangkatDaerah.objects.get(singkatan="Dinkes")
    dinkes.kepala_nama = "Nama Lama"
    dinkes.save()
    riwayat = PerangkatDaerah.history.count()

    perangkat_daerah_muat(path=PERANGKAT_DAERAH_DEMO)
    perangkat_daerah_muat(path=PERANGKAT_DAERAH_DEMO)

    assert PerangkatDaerah.objects.count() == 23
    assert PerangkatDaerah.objects.get(singkatan="Dinkes").kepala_nama == "Martina Luwi"
    # Only the repaired row was written; the unchanged rows left no history.
    assert PerangkatDaerah.history.count() == riwayat + 1


@pytest.mark.django_db
def test_perangkat_daerah_muat_refuses_bad_nip(tmp_path):
    path = tmp_path / "pd.json"
    path.write_text(
        json.dumps({"perangkat_daerah": [{"nama": "Dinas Uji", "kepala_nip": "123"}]}),
        encoding="utf-8",
    )

    with pytest.raises(ValueError, match="NIP"):
        perangkat_daerah_muat(path=path)
    assert not PerangkatDaerah.objects.exists()


@pytest.mark.django_db
def test_muat_data_acuan_command_is_idempotent():
    for _ in range(2):
        out = StringIO()
        call_command("muat_data_acuan", "--dengan-perangkat-daerah", stdout=out)

    assert "Wilayah: 552 (baru 0)" in out.getvalue()
    assert "Kabupaten Barito Selatan (62.04)" in out.getvalue()
    assert Wilayah.objects.count() == 552
    assert Perbatasan.objects.count() == 1028
    assert (Urusan.objects.count(), Bentuk.objects.count(), Tujuan.objects.count()) == (31, 9, 5)
    assert PerangkatDaerah.objects.count() == 23


@pytest.mark.django_db
def test_muat_data_acuan_without_flag_loads_no_agencies():
    call_command("muat_data_acuan", stdout=StringIO())

    assert not PerangkatDaerah.objects.exists()
    assert Urusan.objects.count() == 31


@pytest.mark.django_db
@override_settings(KERSA_HOME_REGION="99.99")
def test_p1_2_muat_data_acuan_refuses_unknown_home_region():
    with pytest.raises(CommandError, match="99.99.*KERSA_HOME_REGION"):
        call_command("muat_data_acuan", stdout=StringIO())
