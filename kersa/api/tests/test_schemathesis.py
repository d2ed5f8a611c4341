"""Issue 19, Done means: schemathesis against the schema KERSA serves (drf-spectacular,
``/api/schema/``), through the WSGI app, as the demo secretariat with an API token, every
check schemathesis has (``--checks all``) on a bounded, derandomised number of examples per
operation: no 5xx and no schema violation.

One test walks the operations itself (schemathesis' pytest plugin, ``from_fixture``, does not
run under pytest 9), so the demo data is built once and every failure is reported together."""

import contextlib

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.test import APIClient
from schemathesis.checks import CHECKS, load_all_checks

from kersa.tte.tests.conftest import kode_otp_uji

CONTOH = 5  # examples per operation: bounded so CI stays under ~2 minutes on 2 cores

# Operations left out, each with the defect it shows (none may be left out without a reason).
DIKECUALIKAN: dict[tuple[str, str], str] = {}

# Writes whose schema-valid bodies are refused for what no schema can say, so that
# ``positive_data_acceptance`` (a schema-valid request must not get 400/422) cannot hold:
# every other check still runs on them (no 5xx, statuses, content types, bodies, headers,
# negative data refused, authentication).
_ACUAN = "names a row by id or region code; an id that does not exist is refused with 400"
_ATURAN = (
    "the Perbup refuses it with 422 (a date, a stage or a duplicate the schema cannot express)"
)
_ISI = "its ``JsonDalam`` parts are checked by the service against the KSDD's own data (400)"
_NUL = (
    "the schema leaves extra keys open and schemathesis puts a NUL byte in one; the core "
    "NUL guard refuses any NUL in a body with 400 (issue 19), as it should"
)
TANPA_PENERIMAAN_POSITIF: dict[tuple[str, str], str] = {
    ("POST", "/api/v1/ksdd/{id}/pendanaan/"): _NUL,
    ("PATCH", "/api/v1/rencana/{id}/butir/{butir_pk}/"): _NUL,
    ("POST", "/api/v1/ksdd/"): _ACUAN,
    ("POST", "/api/v1/ksdd/{id}/catat_telaah/"): _ISI,
    ("POST", "/api/v1/ksdd/{id}/catat_telaah_kak_mitra/"): _ISI,
    ("POST", "/api/v1/ksdd/{id}/tandatangani_kb/"): _ACUAN,
    ("POST", "/api/v1/ksdd/{id}/tandatangani_pks/"): _ACUAN,
    ("POST", "/api/v1/laporan-bupati/"): _ATURAN,
    ("POST", "/api/v1/laporan-semester/"): _ACUAN,
    ("POST", "/api/v1/laporan-tkksd/"): _ATURAN,
    ("POST", "/api/v1/monev/"): _ACUAN,
    ("POST", "/api/v1/pembinaan/asosiasi/"): _ATURAN,
    ("POST", "/api/v1/pembinaan/kegiatan/"): _ATURAN,
    ("POST", "/api/v1/pembinaan/sekretariat/"): _ACUAN,
    ("POST", "/api/v1/perselisihan/"): _ACUAN,
    ("POST", "/api/v1/rapat/"): _ATURAN,
    ("POST", "/api/v1/rapat/{id}/hasil/"): _ACUAN,
    ("POST", "/api/v1/rencana/"): _ACUAN,
    ("POST", "/api/v1/token/"): "a username and password that match no account are refused (400)",
}


def _ringkas(e: BaseException) -> str:
    """The failure's codes, statuses and the reproducing curl, without the bodies."""
    baris = str(e).splitlines()
    simpan = [
        b.strip()
        for b in baris
        if b.strip().startswith(
            ("- ST", "Received", "Documented", "Expected", "curl", "[", "Value", "Schema")
        )
    ]
    return " | ".join(simpan)[:1200]


def _cek_untuk(op, cek):
    if (op.method.upper(), op.path) in TANPA_PENERIMAAN_POSITIF:
        return [c for c in cek if c.__name__ != "positive_data_acceptance"]
    return cek


def _semua_cek():
    load_all_checks()
    return list(CHECKS.get_all())


@pytest.fixture
def token_sekretariat(pemeran):
    r = APIClient().post(
        "/api/v1/token/",
        {
            "username": pemeran.sekretariat.username,
            "password": "rahasia-uji-123",
            "kode_otp": kode_otp_uji(pemeran.sekretariat),  # issue 19: a signer's token
        },
        format="json",
    )
    assert r.status_code == 200, r.content[:200]
    return r.json()["token"]


@contextlib.contextmanager
def _koneksi_tetap():
    """Keep the test's database connection across the WSGI requests, as Django's test
    client does: the WSGI handler closes connections at each request's start and end
    (``close_old_connections``), which on PostgreSQL closes the connection holding the
    test's transaction (SQLite's shared in-memory database hid it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _jalankan(token, metode):
    with _koneksi_tetap():
        return _jalankan_semua(token, metode)


def _jalankan_semua(token, metode):
    from config.wsgi import application

    # identity: the WSGI transport does not undo GZipMiddleware's encoding, a real client does
    header = {"Authorization": f"Token {token}", "Accept-Encoding": "identity"}
    skema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, headers=header)
    cek = _semua_cek()
    gagal = []
    jumlah = 0
    for hasil in skema.get_all_operations():
        op = hasil.ok()
        if op.method.upper() not in metode:
            continue
        if (op.method.upper(), op.path) in DIKECUALIKAN:
            continue
        jumlah += 1
        cek_op = _cek_untuk(op, cek)  # uji() runs at once, in this iteration

        @given(case=op.as_strategy())
        @settings(
            max_examples=CONTOH,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def uji(case):
            case.call_and_validate(headers=header, checks=cek_op)  # noqa: B023

        try:
            uji()
        except (Exception, BaseExceptionGroup) as e:  # noqa: BLE001 - collect every failure
            gagal.append(f"{op.method.upper()} {op.path}: {_ringkas(e)}")
    return jumlah, gagal


@pytest.mark.django_db
def test_api_get_operations_conform_to_the_schema(token_sekretariat):
    jumlah, gagal = _jalankan(token_sekretariat, {"GET"})
    assert jumlah > 20
    assert not gagal, f"{len(gagal)} of {jumlah} operations fail:\n" + "\n\n".join(gagal)


@pytest.mark.django_db
def test_api_unsafe_operations_conform_to_the_schema(token_sekretariat):
    jumlah, gagal = _jalankan(token_sekretariat, {"POST", "PUT", "PATCH", "DELETE"})
    assert jumlah > 20
    assert not gagal, f"{len(gagal)} of {jumlah} operations fail:\n" + "\n\n".join(gagal)
