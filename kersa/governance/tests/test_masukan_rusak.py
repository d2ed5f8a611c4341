"""Bad input on the TKKSD pages (Pasal 34–39): an empty form, a malformed value and a rule
refusal each come back in Bahasa Indonesia next to the field, naming what is wrong and —
for a rule — its Pasal and rule ID; what was typed stays; nothing is half-saved."""

import pytest
from django.urls import reverse

from kersa.governance.choices import JenisAgenda, Kedudukan, StatusRapat
from kersa.governance.models import (
    AgendaRapat,
    Jabatan,
    KegiatanProgramKerja,
    KeputusanBupati,
    PemangkuJabatan,
    ProgramKerja,
    Rapat,
)
from kersa.governance.services import agenda_tambah, program_kerja_buat

from .conftest import jabatan

pytestmark = pytest.mark.django_db


def _masuk(client, user):
    client.force_login(user)
    return client


def _jumlah():
    return tuple(
        m.objects.count()
        for m in (
            Rapat,
            AgendaRapat,
            KeputusanBupati,
            Jabatan,
            PemangkuJabatan,
            ProgramKerja,
            KegiatanProgramKerja,
        )
    )


def _galat(r, nama: str, form: str = "form") -> str:
    return " ".join(str(e) for e in r.context[form].errors.get(nama, []))


def _pesan(r) -> list[str]:
    return [str(m) for m in r.context["messages"]]


# --- scheduling a meeting (P34-1, P36) ---------------------------------------------------


def test_p34_1_p36_empty_schedule_form_names_each_field_and_its_pasal(client, pemeran, tkksd):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:rapat_buat"), {})
    assert r.status_code == 200
    assert "[P36]" in _galat(r, "jenis") and "Pasal 36" in _galat(r, "jenis")
    assert "[P34-1]" in _galat(r, "tanggal")
    assert "[P36]" in _galat(r, "tempat") and "tempat rapat" in _galat(r, "tempat")
    assert "Belum dapat disimpan" in r.content.decode()
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"jenis": "paripurna"}, "jenis", "[P36]"),
        ({"tanggal": "2026-02-30"}, "tanggal", "tanggal yang valid"),
        ({"waktu_mulai": "25:70"}, "waktu_mulai", "waktu yang valid"),
        ({"tanggal": "2024-03-12"}, "tanggal", "[P34-1]"),  # no decree in force then
    ],
)
def test_p34_1_malformed_schedule_keeps_the_place_typed(client, pemeran, tkksd, ubah, field, pesan):
    data = {
        "jenis": "pleno",
        "tanggal": "2026-03-10",
        "waktu_mulai": "09:00",
        "tempat": "Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
    } | ubah
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:rapat_buat"), data)
    assert r.status_code == 200
    assert pesan in _galat(r, field)
    assert "Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok" in r.content.decode()
    assert _jumlah() == sebelum


# --- agenda (P39, P37-2, P18-3) ----------------------------------------------------------


def test_p39_empty_agenda_item_is_refused_on_its_field(client, pemeran, pleno):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("tkksd:agenda_tambah", args=[pleno.pk]), {}
    )
    assert r.status_code == 422
    assert "[P39]" in _galat(r, "judul", "form_agenda")
    assert _galat(r, "jenis", "form_agenda")
    assert _jumlah() == sebelum


def test_p18_3_agenda_on_a_ksdd_that_is_no_offer_is_refused(client, pemeran, pleno, ksdd):
    """The id of a KSDD that is not a partner's offer waiting for a reply (another record)."""
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("tkksd:agenda_tambah", args=[pleno.pk]),
        {
            "judul": "Rekomendasi atas penawaran Barito Timur",
            "jenis": JenisAgenda.REKOMENDASI_PENAWARAN,
            "ksdd": ksdd.pk,
        },
    )
    assert r.status_code == 422
    galat = _galat(r, "ksdd", "form_agenda")
    assert "[P18-3]" in galat and "Pasal 18 ayat 3" in galat
    assert "Rekomendasi atas penawaran Barito Timur" in r.content.decode()
    assert _jumlah() == sebelum


def test_p18_3_offer_agenda_without_ksdd_is_refused(client, pemeran, pleno):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("tkksd:agenda_tambah", args=[pleno.pk]),
        {"judul": "Penawaran dari Barito Timur", "jenis": JenisAgenda.REKOMENDASI_PENAWARAN},
    )
    assert r.status_code == 422
    assert "[P18-3]" in _galat(r, "ksdd", "form_agenda")
    assert _jumlah() == sebelum


def test_agenda_of_another_meeting_is_404(client, pemeran, pleno, teknis):
    a = agenda_tambah(rapat=teknis, judul="Rancangan PKS rujukan", user=pemeran.sekretariat)
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("tkksd:agenda_hapus", args=[pleno.pk, a.pk])
    )
    assert r.status_code == 404
    assert AgendaRapat.objects.filter(pk=a.pk).exists()


@pytest.mark.parametrize(
    "nama", ["tkksd:agenda_tambah", "tkksd:rapat_hasil", "tkksd:rapat_batal", "tkksd:rapat_dokumen"]
)
def test_unknown_meeting_is_404_not_500(client, pemeran, tkksd, nama):
    assert _masuk(client, pemeran.sekretariat).post(reverse(nama, args=[987654])).status_code == 404


# --- result, cancelling, documents (P37-3, P36, P39) -------------------------------------


def test_p37_3_chair_from_another_decree_is_refused_and_nothing_recorded(
    client, pemeran, pleno, tkksd
):
    """A ``pimpinan`` id of an office not invited to this meeting (the Tim Teknis)."""
    a = agenda_tambah(rapat=pleno, judul="Evaluasi KSDD", user=pemeran.sekretariat)
    tim = KeputusanBupati.objects.exclude(pk=tkksd.pk).get()
    koordinator = tim.jabatan.get(kedudukan=Kedudukan.KOORDINATOR_TIM_TEKNIS)
    data = {f"hadir_{k.pk}": "on" for k in pleno.kehadiran.all()}
    data |= {
        "pimpinan": koordinator.pk,
        "ringkasan": "Rapat dibuka pukul 09.00 WIB oleh Sekretaris Daerah.",
        f"uraian_{a.pk}": "Evaluasi dilanjutkan pada rapat berikutnya.",
        "notulis": "Nur Aisyah",
    }
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("tkksd:rapat_hasil", args=[pleno.pk]), data
    )
    assert r.status_code == 422
    html = r.content.decode()
    assert "[P37-3]" in html
    assert "Rapat dibuka pukul 09.00 WIB oleh Sekretaris Daerah." in html
    assert "Evaluasi dilanjutkan pada rapat berikutnya." in html
    pleno.refresh_from_db()
    assert pleno.status == StatusRapat.TERJADWAL and pleno.pimpinan_id is None


def test_p36_cancelling_without_a_reason_is_refused_on_its_field(client, pemeran, pleno):
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:rapat_batal", args=[pleno.pk]), {})
    assert r.status_code == 422
    assert "[P36]" in _galat(r, "alasan", "form_batal")
    pleno.refresh_from_db()
    assert pleno.status == StatusRapat.TERJADWAL
    r = client.post(reverse("tkksd:rapat_batal", args=[pleno.pk]), {"alasan": "   "})
    assert r.status_code == 422 and "[P36]" in _galat(r, "alasan", "form_batal")


def test_p39_documents_before_the_result_are_refused_with_a_message(client, pemeran, pleno):
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("tkksd:rapat_dokumen", args=[pleno.pk]), follow=True
    )
    assert r.status_code == 200
    assert any("[P39]" in m and "Pasal 39" in m for m in _pesan(r))
    pleno.refresh_from_db()
    assert pleno.berita_acara_id is None


# --- decrees, offices, holders (P34-1, P35-1) --------------------------------------------


def test_p34_1_empty_decree_form_cites_pasal_34(client, pemeran, tkksd):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:keputusan_buat"), {})
    assert r.status_code == 200
    for field in ("jenis", "nomor", "tentang", "berlaku_mulai"):
        assert "[P34-1]" in _galat(r, field), field
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        (
            {"berlaku_sampai": "2026-12-31", "berlaku_mulai": "2027-01-04"},
            "berlaku_sampai",
            "[P34-1]",
        ),
        ({"nomor": "188.45/112/2025"}, "nomor", "[P34-1]"),  # the decree in force already
        ({"berlaku_mulai": "2027-02-29"}, "berlaku_mulai", "tanggal yang valid"),
        ({"jenis": "dprd"}, "jenis", "[P34-1]"),
    ],
)
def test_p34_1_decree_refused_keeps_what_was_typed(client, pemeran, tkksd, ubah, field, pesan):
    data = {
        "jenis": "tkksd",
        "nomor": "188.45/020/2027",
        "tanggal": "2026-12-28",
        "tentang": "Pembentukan Tim Koordinasi Kerja Sama Daerah Kabupaten Barito Selatan",
        "berlaku_mulai": "2027-01-04",
        "jabatan_default": "on",
    } | ubah
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:keputusan_buat"), data)
    assert r.status_code == 200
    assert pesan in _galat(r, field)
    assert "Pembentukan Tim Koordinasi Kerja Sama Daerah" in r.content.decode()
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "nama_jabatan"),
        ({"kedudukan": "ketua", "nama_jabatan": "Bupati Barito Selatan"}, "kedudukan"),
        ({"kedudukan": "koordinator_tt", "nama_jabatan": "Kepala Bappedalitbang"}, "kedudukan"),
    ],
)
def test_p35_1_office_refused_on_its_field(client, pemeran, tkksd, data, field):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:keputusan", args=[tkksd.pk]), data)
    assert r.status_code == 422
    assert "[P35-1]" in _galat(r, field)
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "nama"),
        (
            {
                "nama": "Drs. Hendra Saputra, M.Si.",
                "status": "plt",
                "mulai": "2026-07-01",
                "nip": "19700101 199003 1 00X",
            },
            "nip",
        ),
        ({"nama": "Drs. Hendra Saputra, M.Si.", "status": "plt", "mulai": "2024-01-01"}, "mulai"),
    ],
)
def test_p35_1_holder_refused_keeps_the_name(client, pemeran, tkksd, data, field):
    ketua = jabatan(tkksd, Kedudukan.KETUA)
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:jabatan", args=[ketua.pk]), data)
    assert r.status_code == 422
    assert "[P35-1]" in _galat(r, field)
    if data:
        assert "Drs. Hendra Saputra, M.Si." in r.content.decode()
    assert _jumlah() == sebelum


# --- work programme (P37-2, P34-2) -------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "field", "pesan"),
    [({}, "tahun", "[P37-2]"), ({"tahun": "tahun depan"}, "tahun", "[P37-2]")],
)
def test_p37_2_programme_year_missing_or_malformed(client, pemeran, tkksd, data, field, pesan):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:program_buat"), data)
    assert r.status_code == 200
    assert pesan in _galat(r, field)
    assert _jumlah() == sebelum


def test_p37_2_second_programme_of_a_year_is_refused(client, pemeran, tkksd):
    program_kerja_buat(tahun=2027, user=pemeran.sekretariat)
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("tkksd:program_buat"), {"tahun": "2027", "catatan": "Rancangan kedua"}
    )
    assert r.status_code == 200
    assert "[P37-2]" in _galat(r, "tahun")
    assert "Rancangan kedua" in r.content.decode()
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"uraian": ""}, "uraian", "[P37-2]"),
        ({"tugas": "memungut_pajak"}, "tugas", "[P34-2]"),
        ({"triwulan": "5"}, "triwulan", "[P37-2]"),
    ],
)
def test_p37_2_activity_refused_keeps_what_was_typed(client, pemeran, tkksd, ubah, field, pesan):
    from kersa.governance.choices import TugasTkksd

    program = program_kerja_buat(tahun=2027, user=pemeran.sekretariat)
    data = {
        "uraian": "Inventarisasi potensi kerja sama dengan Barito Timur",
        "tugas": TugasTkksd.values[0],
        "triwulan": "1",
        "penanggung_jawab": "Bagian Pemerintahan Setda",
    } | ubah
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("tkksd:program", args=[program.pk]), data)
    assert r.status_code == 422
    assert pesan in _galat(r, field)
    assert "Bagian Pemerintahan Setda" in r.content.decode()
    assert _jumlah() == sebelum


def test_p37_2_saved_programme_and_activity_say_so(client, pemeran, tkksd):
    from kersa.governance.choices import TugasTkksd

    _masuk(client, pemeran.sekretariat)
    r = client.post(reverse("tkksd:program_buat"), {"tahun": "2027"}, follow=True)
    assert any("2027" in m for m in _pesan(r))
    program = ProgramKerja.objects.get(tahun=2027)
    r = client.post(
        reverse("tkksd:program", args=[program.pk]),
        {"uraian": "Rapat koordinasi", "tugas": TugasTkksd.values[0], "triwulan": "2"},
        follow=True,
    )
    assert _pesan(r) and program.kegiatan.count() == 1
