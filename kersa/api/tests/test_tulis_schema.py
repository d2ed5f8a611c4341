"""The write endpoints of the TKKSD and reporting rooms: each input serializer takes
exactly its service's keyword arguments, and the schema documents their refusals."""

import inspect

import pytest
from django.urls import reverse

from kersa.api.serializers import laporan as sl
from kersa.api.serializers import tkksd as st
from kersa.governance import services as governance
from kersa.reporting import services as reporting
from kersa.reporting.models import LaporanSemester

TULIS = [
    (governance.rapat_jadwalkan, st.RapatJadwalkanSerializer, {"user"}),
    (governance.agenda_tambah, st.AgendaTambahSerializer, {"rapat", "user"}),
    (reporting.laporan_semester_buat, sl.LaporanSemesterBuatSerializer, {"user"}),
]


@pytest.mark.parametrize(("layanan", "serializer", "dari_view"), TULIS)
def test_input_serializer_matches_service_keyword_arguments(layanan, serializer, dari_view):
    params = inspect.signature(layanan).parameters
    kwargs = {n for n, p in params.items() if p.kind is p.KEYWORD_ONLY} - dari_view
    fields = serializer().fields
    assert set(fields) == kwargs
    for n in kwargs:
        wajib = params[n].default is inspect.Parameter.empty
        assert fields[n].required is wajib, n


def test_p27_3_report_edit_takes_the_parts_a_to_i():
    assert list(sl.LaporanSemesterUbahSerializer().fields) == LaporanSemester.BAGIAN
    assert not any(f.required for f in sl.LaporanSemesterUbahSerializer().fields.values())


@pytest.mark.django_db
def test_schema_documents_the_new_rooms_and_their_refusals(pemeran, klien):
    schema = klien(pemeran.operator).get(reverse("api:schema"), {"format": "json"}).json()
    paths = schema["paths"]
    for path in (
        "/api/v1/rapat/",
        "/api/v1/rapat/{id}/",
        "/api/v1/tkksd/keputusan/",
        "/api/v1/tkksd/program-kerja/",
        "/api/v1/rencana/",
        "/api/v1/laporan-semester/",
        "/api/v1/monev/",
        "/api/v1/perselisihan/",
        "/api/v1/pembinaan/kegiatan/",
        "/api/v1/pembinaan/asosiasi/",
        "/api/v1/pembinaan/sekretariat/",
        "/api/v1/publik/ksdd/",
    ):
        assert "get" in paths[path], path
    for path in (
        "/api/v1/rapat/",
        "/api/v1/rapat/{id}/agenda/",
        "/api/v1/laporan-semester/",
        "/api/v1/laporan-semester/{id}/sampaikan/",
    ):
        assert {"400", "403", "404", "422"} <= set(paths[path]["post"]["responses"]), path
    assert "422" in paths["/api/v1/laporan-semester/{id}/"]["patch"]["responses"]
    # The public register needs no credentials (no global security in this schema).
    assert "security" not in schema
    assert paths["/api/v1/publik/ksdd/"]["get"].get("security", [{}]) == [{}]
    assert paths["/api/v1/rapat/"]["get"]["security"]
    assert {p["name"] for p in paths["/api/v1/publik/ksdd/"]["get"]["parameters"]} >= {
        "q",
        "tahun",
    }
