"""The write endpoints of the TKKSD, planning, oversight and reporting rooms: each input
serializer takes exactly its service's keyword arguments (those the view does not fill
from the URL and the user), and the schema documents their refusals."""

import inspect

import pytest
from django.urls import reverse

from kersa.agreements import services as agreements
from kersa.api.serializers import laporan as sl
from kersa.api.serializers import pengawasan as sp
from kersa.api.serializers import rencana as sr
from kersa.api.serializers import tkksd as st
from kersa.governance import services as governance
from kersa.oversight import services as oversight
from kersa.planning import services as planning
from kersa.planning.services.butir import FIELD_BUTIR
from kersa.reporting import services as reporting
from kersa.reporting.forms import LaporanTkksdForm
from kersa.reporting.models import LaporanSemester

TULIS = [
    (governance.rapat_jadwalkan, st.RapatJadwalkanSerializer, {"user"}),
    (governance.agenda_tambah, st.AgendaTambahSerializer, {"rapat", "user"}),
    (governance.rapat_hasil_catat, st.RapatHasilCatatSerializer, {"rapat", "user"}),
    (governance.rapat_batalkan, st.RapatBatalkanSerializer, {"rapat", "user"}),
    (planning.identifikasi_mulai, sr.IdentifikasiMulaiSerializer, {"user"}),
    (planning.butir_tambah, sr.ButirTambahSerializer, {"identifikasi", "user"}),
    (planning.identifikasi_tetapkan, sr.IdentifikasiTetapkanSerializer, {"identifikasi", "user"}),
    (
        planning.identifikasi_buka_kembali,
        sr.IdentifikasiBukaKembaliSerializer,
        {"identifikasi", "user"},
    ),
    (oversight.monev_catat, sp.MonevCatatSerializer, {"user"}),
    (oversight.temuan_catat, sp.TemuanCatatSerializer, {"monev", "user"}),
    (oversight.temuan_tindak_lanjut, sp.TemuanTindakLanjutSerializer, {"user"}),
    (oversight.monev_selesaikan, sp.MonevSelesaikanSerializer, {"monev", "user"}),
    (oversight.perselisihan_catat, sp.PerselisihanCatatSerializer, {"user"}),
    (
        oversight.perselisihan_berkas_tambah,
        sp.PerselisihanBerkasSerializer,
        {"perselisihan", "user"},
    ),
    (
        oversight.perselisihan_musyawarah_catat,
        sp.MusyawarahCatatSerializer,
        {"perselisihan", "user"},
    ),
    (
        oversight.perselisihan_selesaikan,
        sp.PerselisihanSelesaikanSerializer,
        {"perselisihan", "user"},
    ),
    (oversight.perselisihan_ajukan_provinsi, sp.AjukanProvinsiSerializer, {"perselisihan", "user"}),
    (
        oversight.perselisihan_peraturan_lebih_tinggi,
        sp.PeraturanLebihTinggiSerializer,
        {"perselisihan", "user"},
    ),
    (oversight.perselisihan_laporkan, sp.PerselisihanLaporkanSerializer, {"perselisihan", "user"}),
    (reporting.laporan_semester_buat, sl.LaporanSemesterBuatSerializer, {"user"}),
    (reporting.laporan_tkksd_buat, sl.LaporanTkksdBuatSerializer, {"user"}),
    (reporting.proses_laporan_bupati_mulai, sl.ProsesLaporanMulaiSerializer, {"user"}),
    (oversight.kegiatan_pembinaan_tambah, sp.KegiatanPembinaanTambahSerializer, {"user"}),
    (oversight.keanggotaan_tambah, sp.KeanggotaanTambahSerializer, {"user"}),
    (oversight.keanggotaan_akhiri, sp.KeanggotaanAkhiriSerializer, {"keanggotaan", "user"}),
    (oversight.sekretariat_catat, sp.SekretariatCatatSerializer, {"user"}),
    (agreements.bantuan_pendanaan_tambah, sp.BantuanPendanaanTambahSerializer, {"ksdd", "user"}),
]

# Writes without a body: the view fills every keyword argument from the URL and the user.
TANPA_MASUKAN = [
    (planning.butir_hapus, {"butir", "user"}),
    (governance.agenda_hapus, {"agenda", "user"}),
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


@pytest.mark.parametrize(("layanan", "dari_view"), TANPA_MASUKAN)
def test_delete_endpoints_need_no_body(layanan, dari_view):
    params = inspect.signature(layanan).parameters
    assert {n for n, p in params.items() if p.kind is p.KEYWORD_ONLY} == dari_view


def test_p7_3_plan_item_edit_takes_the_fields_butir_ubah_accepts():
    """``butir_ubah(**changes)`` takes ``FIELD_BUTIR``; the view validates with
    ``partial=True``, so only what is sent changes."""
    fields = sr.ButirUbahSerializer().fields
    assert set(fields) == FIELD_BUTIR
    assert not fields["urutan"].allow_null  # the column is NOT NULL


def test_p27_3_report_edit_takes_the_parts_a_to_i():
    assert list(sl.LaporanSemesterUbahSerializer().fields) == LaporanSemester.BAGIAN
    assert not any(f.required for f in sl.LaporanSemesterUbahSerializer().fields.values())


def test_p34_2j_tkksd_report_edit_takes_the_web_forms_parts():
    """``laporan_tkksd_ubah`` sets any attribute it is given: the API offers only the
    narrative parts the web form offers."""
    fields = sl.LaporanTkksdUbahSerializer().fields
    assert list(fields) == LaporanTkksdForm.Meta.fields
    assert not any(f.required for f in fields.values())


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
        "/api/v1/laporan-tkksd/",
        "/api/v1/laporan-tkksd/{id}/",
        "/api/v1/laporan-bupati/",
        "/api/v1/laporan-bupati/{id}/",
    ):
        assert "get" in paths[path], path
    for path in (
        "/api/v1/rapat/",
        "/api/v1/rapat/{id}/agenda/",
        "/api/v1/rapat/{id}/hasil/",
        "/api/v1/rapat/{id}/dokumen/",
        "/api/v1/rapat/{id}/batalkan/",
        "/api/v1/rencana/",
        "/api/v1/rencana/{id}/butir/",
        "/api/v1/rencana/{id}/tetapkan/",
        "/api/v1/rencana/{id}/buka-kembali/",
        "/api/v1/monev/",
        "/api/v1/monev/{id}/temuan/",
        "/api/v1/monev/{id}/tindak-lanjut/",
        "/api/v1/monev/{id}/selesaikan/",
        "/api/v1/perselisihan/",
        "/api/v1/perselisihan/{id}/berkas/",
        "/api/v1/perselisihan/{id}/musyawarah/",
        "/api/v1/perselisihan/{id}/selesaikan/",
        "/api/v1/perselisihan/{id}/laporkan/",
        "/api/v1/perselisihan/{id}/provinsi/",
        "/api/v1/perselisihan/{id}/peraturan/",
        "/api/v1/pembinaan/kegiatan/",
        "/api/v1/pembinaan/asosiasi/",
        "/api/v1/pembinaan/asosiasi/{id}/akhiri/",
        "/api/v1/pembinaan/sekretariat/",
        "/api/v1/ksdd/{id}/pendanaan/",
        "/api/v1/laporan-semester/",
        "/api/v1/laporan-semester/{id}/sampaikan/",
        "/api/v1/laporan-tkksd/",
        "/api/v1/laporan-tkksd/{id}/sampaikan/",
        "/api/v1/laporan-bupati/",
    ):
        assert {"400", "403", "404", "422"} <= set(paths[path]["post"]["responses"]), path
    assert "202" in paths["/api/v1/laporan-bupati/"]["post"]["responses"]
    for path, method in (
        ("/api/v1/rencana/{id}/butir/{butir_pk}/", "patch"),
        ("/api/v1/rencana/{id}/butir/{butir_pk}/", "delete"),
        ("/api/v1/rapat/{id}/agenda/{agenda_pk}/", "delete"),
    ):
        assert {"403", "404", "422"} <= set(paths[path][method]["responses"]), (path, method)
    assert "get" in paths["/api/v1/pembinaan/sekretariat/syarat/"]
    assert "get" in paths["/api/v1/ksdd/{id}/pendanaan/"]
    assert (
        "multipart/form-data"
        in (paths["/api/v1/perselisihan/{id}/berkas/"]["post"]["requestBody"]["content"])
    )
    for path in ("/api/v1/laporan-semester/{id}/", "/api/v1/laporan-tkksd/{id}/"):
        assert "422" in paths[path]["patch"]["responses"], path
    # The public register needs no credentials (no global security in this schema).
    assert "security" not in schema
    assert paths["/api/v1/publik/ksdd/"]["get"].get("security", [{}]) == [{}]
    assert paths["/api/v1/rapat/"]["get"]["security"]
    assert {p["name"] for p in paths["/api/v1/publik/ksdd/"]["get"]["parameters"]} >= {
        "q",
        "tahun",
    }
