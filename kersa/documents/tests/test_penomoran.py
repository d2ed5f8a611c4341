"""Document numbers: sequential per kind and year, restart each year, never twice (P26)."""

import pytest
from django.db import IntegrityError, transaction

from kersa.core.errors import RuleViolation
from kersa.documents.choices import JenisDokumen
from kersa.documents.models import NomorSurat, PenomoranSurat
from kersa.documents.services.penomoran import (
    POLA_DEFAULT,
    nomor_berikan,
    penomoran_muat_default,
)

pytestmark = pytest.mark.django_db


def test_default_schemes_loaded_with_reference_data(acuan):
    assert PenomoranSurat.objects.get(jenis=JenisDokumen.KB).pola == "000.3/{urut}/Pem/{tahun}"
    assert set(PenomoranSurat.objects.values_list("jenis", flat=True)) == set(JenisDokumen.values)
    assert len(set(POLA_DEFAULT.values())) == len(POLA_DEFAULT)  # no two kinds share one


def test_muat_default_keeps_a_changed_scheme(acuan):
    PenomoranSurat.objects.filter(jenis=JenisDokumen.KB).update(pola="180/{urut}/KB/{tahun}")
    assert penomoran_muat_default() == 0
    assert PenomoranSurat.objects.get(jenis=JenisDokumen.KB).pola == "180/{urut}/KB/{tahun}"


def test_p26_numbers_are_sequential_per_kind_and_year(pemeran):
    user = pemeran.sekretariat
    a = nomor_berikan(jenis=JenisDokumen.KB, tahun=2026, user=user)
    b = nomor_berikan(jenis=JenisDokumen.KB, tahun=2026, user=user)
    lain = nomor_berikan(jenis=JenisDokumen.PKS, tahun=2026, user=user)
    assert (a.urut, b.urut, lain.urut) == (1, 2, 1)
    assert a.nomor == "000.3/1/Pem/2026"
    assert b.nomor == "000.3/2/Pem/2026"
    assert lain.nomor == "000.3/1/PKS-Pem/2026"


def test_p26_numbers_restart_next_year(pemeran):
    user = pemeran.sekretariat
    nomor_berikan(jenis=JenisDokumen.KB, tahun=2026, user=user)
    nomor_berikan(jenis=JenisDokumen.KB, tahun=2026, user=user)
    baru = nomor_berikan(jenis=JenisDokumen.KB, tahun=2027, user=user)
    assert (baru.urut, baru.nomor) == (1, "000.3/1/Pem/2027")


def test_p26_a_number_is_never_given_twice(pemeran):
    user = pemeran.sekretariat
    a = nomor_berikan(jenis=JenisDokumen.KB, tahun=2026, user=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        NomorSurat.objects.create(jenis=a.jenis, tahun=2026, urut=a.urut, nomor="lain")
    with pytest.raises(IntegrityError), transaction.atomic():
        NomorSurat.objects.create(jenis=JenisDokumen.PKS, tahun=2026, urut=9, nomor=a.nomor)


def test_p26_two_kinds_with_the_same_scheme_are_refused_clearly(pemeran):
    PenomoranSurat.objects.filter(jenis=JenisDokumen.PKS).update(pola="000.3/{urut}/Pem/{tahun}")
    nomor_berikan(jenis=JenisDokumen.KB, tahun=2026, user=pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        nomor_berikan(jenis=JenisDokumen.PKS, tahun=2026, user=pemeran.sekretariat)
    assert exc.value.rule == "P26"
    assert "sudah pernah diberikan" in exc.value.detail


def test_p26_scheme_missing_is_a_clear_error(pemeran):
    PenomoranSurat.objects.filter(jenis=JenisDokumen.SURAT_KUASA).delete()
    with pytest.raises(RuleViolation) as exc:
        nomor_berikan(jenis=JenisDokumen.SURAT_KUASA, tahun=2026, user=pemeran.sekretariat)
    assert exc.value.rule == "P26"
    assert "Belum ada pola penomoran" in exc.value.detail
    assert "Pasal 26" in exc.value.detail


def test_p26_scheme_without_running_number_is_refused(pemeran):
    PenomoranSurat.objects.filter(jenis=JenisDokumen.KAK).update(pola="000.3/KAK/{tahun}")
    with pytest.raises(RuleViolation, match="urut"):
        nomor_berikan(jenis=JenisDokumen.KAK, tahun=2026, user=pemeran.sekretariat)
