"""Writes for regions: idempotent loading of the region list, borders and agencies.

``wilayah_muat`` reads the two CSV files of ``data/wilayah`` (MIT-licensed, see the
README and LICENSE there); ``perangkat_daerah_muat`` reads a JSON list of agencies
such as ``kersa/regions/data/perangkat_daerah_demo.json`` (demo data: the heads'
names, NIPs and addresses in that file are fictional).
"""

import csv
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from kersa.core.errors import Pelanggaran, RuleViolation

from .choices import JenisWilayah
from .models import KepalaDaerah, PerangkatDaerah, Perbatasan, Wilayah

__all__ = ["ibu_kota_muat", "kepala_daerah_catat", "perangkat_daerah_muat", "wilayah_muat"]

PERANGKAT_DAERAH_DEMO = Path(__file__).resolve().parent / "data" / "perangkat_daerah_demo.json"
# The seats of government of Kalimantan Tengah (the home province), from the laws that
# formed each region; other provinces' seats are entered by an administrator.
IBU_KOTA = Path(__file__).resolve().parent / "data" / "ibu_kota.csv"

_PD_FIELDS = (
    "singkatan",
    "kepala_nama",
    "kepala_nip",
    "kepala_jabatan",
    "alamat",
    "membidangi_kerja_sama",
    "aktif",
)


def _baca_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(f)]


def _wilayah_dari_csv(rows: list[dict[str, str]]) -> list[Wilayah]:
    objs: list[Wilayah] = []
    for row in rows:
        kode, jenis, kode_provinsi = row["kode"], row["jenis"], row["kode_provinsi"]
        if jenis not in JenisWilayah.values:
            raise ValueError(f"Wilayah {kode}: jenis tidak dikenal {jenis!r}")
        if jenis == JenisWilayah.PROVINSI:
            if kode != kode_provinsi:
                raise ValueError(f"Provinsi {kode}: kode_provinsi harus sama dengan kode")
            provinsi_id = None
        else:
            if kode == kode_provinsi:
                raise ValueError(f"Wilayah {kode}: kabupaten/kota tanpa provinsi")
            provinsi_id = kode_provinsi
        objs.append(Wilayah(kode=kode, nama=row["nama"], jenis=jenis, provinsi_id=provinsi_id))
    return objs


@transaction.atomic
def wilayah_muat(*, wilayah_csv: Path, perbatasan_csv: Path) -> dict[str, int]:
    """Upsert every provinsi/kabupaten/kota and every bordering pair (P1-3, P7-1).

    Idempotent: rows are keyed by ``kode`` and by the pair ``(wilayah_a, wilayah_b)``
    (stored with ``wilayah_a < wilayah_b``), so a second run changes nothing. Border
    pairs that are no longer in the file are deleted, so the table mirrors the file.
    Regions are never deleted (agreements refer to them).
    """
    wilayah = _wilayah_dari_csv(_baca_csv(wilayah_csv))
    kodes = {w.kode for w in wilayah}
    if len(kodes) != len(wilayah):
        raise ValueError("Kode wilayah ganda dalam berkas wilayah")

    pasangan: dict[tuple[str, str], Decimal] = {}
    for row in _baca_csv(perbatasan_csv):
        a, b = sorted((row["kode_a"], row["kode_b"]))
        if a == b or a not in kodes or b not in kodes:
            raise ValueError(f"Pasangan perbatasan tidak sah: {row['kode_a']}-{row['kode_b']}")
        pasangan[(a, b)] = Decimal(row["panjang_km"])

    wilayah_sebelum = Wilayah.objects.count()
    perbatasan_sebelum = Perbatasan.objects.count()

    # Provinces first, so the kabupaten/kota rows can point at them.
    wilayah.sort(key=lambda w: (w.provinsi_id is not None, w.kode))
    Wilayah.objects.bulk_create(
        wilayah,
        update_conflicts=True,
        unique_fields=["kode"],
        update_fields=["nama", "jenis", "provinsi"],
    )

    lama = set(Perbatasan.objects.values_list("wilayah_a_id", "wilayah_b_id"))
    usang = lama - pasangan.keys()
    dihapus = 0
    for a, b in usang:
        dihapus += Perbatasan.objects.filter(wilayah_a_id=a, wilayah_b_id=b).delete()[0]
    Perbatasan.objects.bulk_create(
        [
            Perbatasan(wilayah_a_id=a, wilayah_b_id=b, panjang_km=km)
            for (a, b), km in sorted(pasangan.items())
        ],
        update_conflicts=True,
        unique_fields=["wilayah_a", "wilayah_b"],
        update_fields=["panjang_km"],
    )

    return {
        "wilayah": len(wilayah),
        "wilayah_baru": Wilayah.objects.count() - wilayah_sebelum,
        "perbatasan": len(pasangan),
        "perbatasan_baru": Perbatasan.objects.count() - perbatasan_sebelum + dihapus,
        "perbatasan_dihapus": dihapus,
    }


@transaction.atomic
def perangkat_daerah_muat(*, path: Path) -> int:
    """Upsert the agencies (P1-6) listed in a JSON file, keyed by ``nama``.

    The file holds ``{"perangkat_daerah": [{"nama": ..., "kepala_nama": ...}, ...]}``;
    keys starting with ``_`` (notes) are ignored. A row is saved only when a value
    changed, so a second run writes nothing and adds no history records.
    Agencies missing from the file are left as they are. Returns the number of rows
    in the file.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data["perangkat_daerah"] if isinstance(data, dict) else data
    ada = {pd.nama: pd for pd in PerangkatDaerah.objects.filter(nama__in=[r["nama"] for r in rows])}
    for row in rows:
        nip = row.get("kepala_nip", "")
        if nip and not (len(nip) == 18 and nip.isdigit()):
            raise ValueError(f"{row['nama']}: NIP kepala harus 18 angka")
        values = {f: row[f] for f in _PD_FIELDS if f in row}
        pd = ada.get(row["nama"])
        if pd is None:
            pd = PerangkatDaerah(nama=row["nama"], **values)
            pd.full_clean()
            pd.save()
            continue
        berubah = [f for f, v in values.items() if getattr(pd, f) != v]
        if berubah:
            for f in berubah:
                setattr(pd, f, values[f])
            pd.full_clean()
            pd.save(update_fields=berubah)
    return len(rows)


def ibu_kota_muat(*, path: Path = IBU_KOTA) -> int:
    """Fill ``Wilayah.ibu_kota`` from ``path`` where it is still empty (an administrator's
    entry is kept). Returns the number of regions filled."""
    n = 0
    for row in _baca_csv(path):
        n += Wilayah.objects.filter(kode=row["kode"], ibu_kota="").update(ibu_kota=row["ibu_kota"])
    return n


def kepala_daerah_catat(
    *,
    wilayah: Wilayah,
    nama: str,
    nomor_keputusan: str,
    tanggal_keputusan,
    mulai,
    status: str = "definitif",
):
    """Record who heads ``wilayah`` from ``mulai``: the previous head's period ends the day
    before. A period that starts on or before the previous head's start is refused."""
    import datetime as dt

    from django.utils.translation import gettext as _

    with transaction.atomic():
        sebelum = (
            KepalaDaerah.objects.select_for_update()
            .filter(wilayah=wilayah, selesai__isnull=True)
            .order_by("-mulai")
            .first()
        )
        if sebelum and sebelum.mulai >= mulai:
            raise RuleViolation(
                Pelanggaran(
                    "P11-3",
                    _(
                        "%(nama)s sudah tercatat menjabat sejak %(t)s; tanggal mulai harus sesudahnya."
                    )
                    % {"nama": sebelum.nama, "t": sebelum.mulai.strftime("%d-%m-%Y")},
                    field="mulai",
                )
            )
        if sebelum:
            sebelum.selesai = mulai - dt.timedelta(days=1)
            sebelum.save(update_fields=["selesai"])
        return KepalaDaerah.objects.create(
            wilayah=wilayah,
            nama=nama,
            status=status,
            nomor_keputusan=nomor_keputusan,
            tanggal_keputusan=tanggal_keputusan,
            mulai=mulai,
        )
