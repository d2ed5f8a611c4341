"""History the database keeps (Pasal 13; P13): history rows are written once.

On every database a KSDD with history is refused deletion with the P13 message (it is
cancelled, ``batalkan``, never deleted). On PostgreSQL the database itself refuses an
UPDATE or a DELETE of a history row (``pgtrigger.Protect`` triggers installed by the
``*_riwayat_pgtrigger`` migrations); those tests are marked ``postgres``.
"""

import pgtrigger
import pytest
from django.db import DatabaseError, IntegrityError, connection, models, transaction
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from kersa.agreements.models import Ksdd, RiwayatTahap
from kersa.core.errors import RuleViolation
from kersa.core.riwayat import NAMA_PEMICU

pytestmark = pytest.mark.django_db

PESAN_P13 = "KSDD dibatalkan (langkah batalkan), bukan dihapus"


def test_p13_a_ksdd_with_history_is_not_deleted_but_cancelled(ksdd):
    assert ksdd.riwayat.exists()
    with pytest.raises(RuleViolation) as exc:
        ksdd.delete()
    assert exc.value.rule == "P13"
    assert PESAN_P13 in exc.value.detail
    assert "(Pasal 13)" in exc.value.detail
    with pytest.raises(RuleViolation) as exc:
        Ksdd.objects.filter(pk=ksdd.pk).delete()
    assert exc.value.rule == "P13"
    # Past the model's guard, the foreign key of the history is PROTECT.
    with pytest.raises(ProtectedError), transaction.atomic():
        models.Model.delete(ksdd)
    assert Ksdd.objects.filter(pk=ksdd.pk).exists()
    assert ksdd.riwayat.count() >= 1


def test_p13_the_admin_offers_no_delete_of_a_ksdd(client, ksdd, pemeran):
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root-riwayat", "r@example.go.id", "x" * 16)
    client.force_login(root)
    r = client.get(f"/admin/agreements/ksdd/{ksdd.pk}/delete/")
    assert r.status_code == 403
    r = client.post(
        "/admin/agreements/ksdd/",
        {"action": "delete_selected", "_selected_action": [ksdd.pk], "post": "yes"},
    )
    assert Ksdd.objects.filter(pk=ksdd.pk).exists()


def test_every_history_model_carries_the_trigger():
    """P13: the Riwayat* rooms, RiwayatTenggat and simple_history's Historical* models."""
    dilindungi = {
        model._meta.label
        for model, trigger in pgtrigger.registered()
        if trigger.name.startswith(NAMA_PEMICU)
    }
    for label in [
        "agreements.RiwayatTahap",
        "agreements.HistoricalKsdd",
        "agreements.HistoricalKak",
        "agreements.HistoricalNaskah",
        "agreements.HistoricalSuratKuasa",
        "deadlines.RiwayatTenggat",
        "governance.RiwayatRapat",
        "oversight.RiwayatMonev",
        "oversight.RiwayatPerselisihan",
        "oversight.RiwayatKeanggotaan",
        "planning.RiwayatIdentifikasi",
        "reporting.RiwayatLaporanSemester",
        "reporting.RiwayatLaporanTkksd",
        "regions.HistoricalPerangkatDaerah",
    ]:
        assert label in dilindungi, label


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pemicu hanya di PostgreSQL")
def test_pg_every_trigger_is_installed():
    for model, trigger in pgtrigger.registered():
        if trigger.name.startswith(NAMA_PEMICU):
            status, enabled = trigger.get_installation_status(model)
            assert (status, enabled) == ("INSTALLED", True), model._meta.label


def _ditolak(fn):
    with pytest.raises(DatabaseError) as exc, transaction.atomic():
        fn()
    assert "pgtrigger: Cannot" in str(exc.value)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pemicu hanya di PostgreSQL")
def test_pg_a_history_row_is_neither_updated_nor_deleted(ksdd):
    row = ksdd.riwayat.get(aksi="buat")
    _ditolak(lambda: RiwayatTahap.objects.filter(pk=row.pk).update(alasan="ditulis ulang"))
    _ditolak(lambda: RiwayatTahap.objects.filter(pk=row.pk).update(waktu=timezone.now()))
    with connection.cursor() as c:
        _ditolak(lambda: c.execute("DELETE FROM agreements_riwayattahap WHERE id = %s", [row.pk]))
    row.refresh_from_db()
    assert row.alasan == "KSDD dicatat."
    # The one change allowed: dikabarkan_pada, once, from empty (the notification task).
    RiwayatTahap.objects.filter(pk=row.pk, dikabarkan_pada__isnull=True).update(
        dikabarkan_pada=timezone.now()
    )
    _ditolak(lambda: RiwayatTahap.objects.filter(pk=row.pk).update(dikabarkan_pada=None))
    # A test tool, not a path of the application: the trigger switched off on purpose.
    with pgtrigger.ignore("agreements.RiwayatTahap:riwayat_tetap_ubah"):
        RiwayatTahap.objects.filter(pk=row.pk).update(alasan="uji")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pemicu hanya di PostgreSQL")
def test_pg_simple_history_and_clock_history_are_kept(ksdd):
    from kersa.deadlines.models import RiwayatTenggat
    from kersa.deadlines.services import tenggat_mulai

    tenggat = tenggat_mulai(
        rule="P16-4",
        kunci=f"uji:riwayat:{ksdd.pk}",
        tanggal_peristiwa=timezone.localdate(),
        peristiwa="Surat penawaran dikirim",
        ksdd=ksdd,
    )

    hist = ksdd.history.model.objects.filter(id=ksdd.pk)
    assert hist.exists()
    _ditolak(lambda: hist.update(judul="ditulis ulang"))
    _ditolak(lambda: hist.delete())
    assert tenggat.riwayat.exists()
    _ditolak(lambda: RiwayatTenggat.objects.filter(tenggat=tenggat).update(alasan="x"))
    _ditolak(lambda: RiwayatTenggat.objects.filter(tenggat=tenggat).delete())
    # The clock itself cannot be deleted from under its history (PROTECT).
    with pytest.raises(ProtectedError), transaction.atomic():
        tenggat.delete()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pemicu hanya di PostgreSQL")
def test_pg_the_database_refuses_deleting_a_ksdd_with_history(ksdd):
    """Past the ORM (raw SQL), the history's foreign key still holds the KSDD."""
    with (
        pytest.raises((IntegrityError, DatabaseError)),
        transaction.atomic(),
        connection.cursor() as c,
    ):
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
        c.execute("DELETE FROM agreements_ksdd WHERE id = %s", [ksdd.pk])
    assert Ksdd.objects.filter(pk=ksdd.pk).exists()
