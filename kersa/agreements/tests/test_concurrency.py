"""Two people act on the same KSDD at the same moment: the row lock and the version
make exactly one of them win (CONVENTIONS.md: concurrency tests need PostgreSQL).

Run with ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/kersa``.
"""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd, PetunjukTertulis, RiwayatTahap
from kersa.core.errors import ConflictError
from kersa.demo.skenario import ke_status, ksdd_baru

pytestmark = [
    pytest.mark.postgres,
    # Decided before any fixture runs, so a skipped test never flushes the SQLite database.
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrency tests need PostgreSQL row locks (SELECT ... FOR UPDATE); "
        "SQLite serialises whole-database writes. Run with DATABASE_URL=postgres://...",
    ),
    pytest.mark.django_db(transaction=True),
]


def _serentak(n: int, kerja):
    """Run ``kerja(i)`` in ``n`` threads released together; return what each returned or raised."""
    barrier = threading.Barrier(n, timeout=30)
    hasil: list = [None] * n

    def jalan(i):
        try:
            hasil[i] = kerja(i, barrier)
        except Exception as exc:  # noqa: BLE001 - collected and asserted by the test
            hasil[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=jalan, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    return hasil


def test_two_users_record_the_same_instruction_at_once_exactly_one_wins(acuan, pemeran):
    ksdd = ke_status(ksdd_baru(pemeran), Status.KAK_DIAJUKAN, pemeran)
    users = [pemeran.sekretariat, pemeran.ketua]

    def kerja(i, barrier):
        loaded = Ksdd.objects.get(pk=ksdd.pk)  # both load the same versi
        barrier.wait()
        services.ksdd_catat_petunjuk_tertulis(
            ksdd=loaded,
            user=users[i],
            nomor=f"000.3/04{i}/Pem/2026",
            tanggal=timezone.localdate() - dt.timedelta(days=1),
            pemberi="Sekretaris Daerah selaku Ketua TKKSD",
            isi="Lanjutkan telaah.",
        )
        return "menang"

    hasil = _serentak(2, kerja)
    assert sorted(type(h).__name__ if isinstance(h, Exception) else h for h in hasil) == [
        "ConflictError",
        "menang",
    ]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.TELAAH_TKKSD
    rows = RiwayatTahap.objects.filter(ksdd=ksdd, aksi="catat_petunjuk_tertulis")
    assert rows.count() == 1
    assert PetunjukTertulis.objects.filter(ksdd=ksdd).count() == 1
    pemenang = hasil.index("menang")
    assert rows.get().oleh == users[pemenang]


def test_two_edits_from_the_same_version_exactly_one_wins(acuan, pemeran):
    ksdd = ksdd_baru(pemeran)
    versi = ksdd.versi
    judul = ["Judul dari tab pertama", "Judul dari tab kedua"]

    def kerja(i, barrier):
        loaded = Ksdd.objects.get(pk=ksdd.pk)
        barrier.wait()
        services.ksdd_update(ksdd=loaded, user=pemeran.operator, versi=versi, judul=judul[i])
        return "menang"

    hasil = _serentak(2, kerja)
    assert hasil.count("menang") == 1
    assert [type(h) for h in hasil if h != "menang"] == [ConflictError]
    ksdd.refresh_from_db()
    assert ksdd.judul == judul[hasil.index("menang")]
    assert ksdd.versi == versi + 1
    assert RiwayatTahap.objects.filter(ksdd=ksdd, aksi="ubah").count() == 1


def test_simultaneous_registrations_get_distinct_register_numbers(acuan, pemeran):
    def kerja(i, barrier):
        barrier.wait()
        return ksdd_baru(pemeran, judul=f"KSDD serentak {i}").nomor_register

    hasil = _serentak(3, kerja)
    assert all(isinstance(h, str) for h in hasil), hasil
    assert len(set(hasil)) == 3
    assert Ksdd.objects.count() == 3


def test_twenty_parallel_registrations_each_get_their_own_number(acuan, pemeran):
    """Issue 19: 4 of 50 parallel creates gave 500 on the register number. The year's
    counter row (``NomorRegisterTahun``) is locked while a number is taken: every
    create wins, the numbers run 0001…0020 without a gap or a repeat."""
    from kersa.agreements.models import NomorRegisterTahun

    n = 20

    def kerja(i, barrier):
        barrier.wait()
        return ksdd_baru(pemeran, judul=f"KSDD serentak {i}").nomor_register

    hasil = _serentak(n, kerja)
    assert all(isinstance(h, str) for h in hasil), hasil
    tahun = timezone.localdate().year
    assert sorted(hasil) == [f"KSDD/{tahun}/{i:04d}" for i in range(1, n + 1)]
    assert Ksdd.objects.count() == n
    assert NomorRegisterTahun.objects.get(tahun=tahun).terakhir == n
