"""Bad input on the oversight pages (Pasal 28–31, 40–44): an empty form, a malformed value
and a rule refusal come back in Bahasa Indonesia on the field, naming what is wrong and —
for a rule — its Pasal and rule ID; what was typed stays; no row is saved."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.agreements.models import BantuanPendanaan
from kersa.demo.skenario import ke_status
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.oversight import services
from kersa.oversight.models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    MonitoringEvaluasi,
    Perselisihan,
    RapatMusyawarah,
    SekretariatKerjaSama,
    TemuanMonev,
)

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def waktu():
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


@pytest.fixture
def berjalan(ksdd, pemeran):
    """The Wajib KSDD of Dinas Kesehatan with Barito Timur (62.13), in pelaksanaan."""
    penomoran_muat_default()
    return ke_status(ksdd, Status.PELAKSANAAN, pemeran)


def _masuk(client, user):
    client.force_login(user)
    return client


MODEL = (
    MonitoringEvaluasi,
    TemuanMonev,
    Perselisihan,
    RapatMusyawarah,
    BantuanPendanaan,
    SekretariatKerjaSama,
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
)


def _jumlah():
    return tuple(m.objects.count() for m in MODEL)


def _galat(form, nama: str) -> str:
    return " ".join(str(e) for e in form.errors.get(nama, []))


# --- monitoring and evaluation (P28) -----------------------------------------------------


def test_p28_empty_monitoring_form_names_what_is_needed(client, pemeran, berjalan):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("pembinaan:monev_catat", args=[berjalan.perangkat_daerah_id]), {}
    )
    assert r.status_code == 200
    form = r.context["form"]
    assert "[P28]" in _galat(form, "ksdd") and "Pasal 28 ayat 1" in _galat(form, "ksdd")
    assert "[P28]" in _galat(form, "tanggal_pelaksanaan")
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"tanggal_pelaksanaan": "2026-06-31"}, "tanggal_pelaksanaan", "tanggal yang valid"),
        ({"tanggal_pelaksanaan": "2025-11-03"}, "tanggal_pelaksanaan", "[P28]"),  # other semester
        ({"ksdd": ["987654"]}, "ksdd", "[P28]"),  # the id of no KSDD of this agency
    ],
)
def test_p28_monitoring_refused_keeps_the_summary(client, pemeran, berjalan, ubah, field, pesan):
    data = {
        "tanggal_pelaksanaan": "2026-06-10",
        "ksdd": [berjalan.pk],
        "ringkasan": "Layanan rujukan berjalan; kuota terlampaui pada April 2026.",
    } | ubah
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("pembinaan:monev_catat", args=[berjalan.perangkat_daerah_id]), data
    )
    assert r.status_code == 200
    assert pesan in _galat(r.context["form"], field)
    assert "kuota terlampaui pada April 2026" in r.content.decode()
    assert _jumlah() == sebelum


def test_p28_empty_finding_is_refused_on_its_fields(client, pemeran, berjalan):
    m = services.monev_catat(
        perangkat_daerah=berjalan.perangkat_daerah,
        tahun=2026,
        semester=1,
        tanggal_pelaksanaan=dt.date(2026, 5, 19),
        ksdd=[berjalan],
        user=pemeran.sekretariat,
    )
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("pembinaan:monev_detail", args=[m.pk]),
        {"aksi": "temuan", "uraian": "Kuota rujukan terlampaui."},
    )
    assert r.status_code == 200
    form = r.context["forms"]["temuan"]
    assert "[P28]" in _galat(form, "ksdd") and "[P28]" in _galat(form, "rekomendasi")
    assert "Kuota rujukan terlampaui." in r.content.decode()
    assert _jumlah() == sebelum
    # a follow-up for a finding of another record, or no finding at all, is a 404
    r = client.post(
        reverse("pembinaan:monev_detail", args=[m.pk]), {"aksi": "tindak_lanjut", "temuan": "x"}
    )
    assert r.status_code == 404
    r = client.post(reverse("pembinaan:monev_detail", args=[m.pk]), {"aksi": "hapus_semua"})
    assert r.status_code == 404


# --- disputes (P29-1…3) ------------------------------------------------------------------


def test_p29_1_empty_dispute_form_names_each_field_and_its_pasal(client, pemeran, berjalan):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.operator).post(reverse("pembinaan:perselisihan_catat"), {})
    assert r.status_code == 200
    form = r.context["form"]
    for field in ("ksdd", "tanggal_timbul", "uraian", "pihak"):
        assert "[P29-1]" in _galat(form, field) and "Pasal 29 ayat 1" in _galat(form, field)
    assert _jumlah() == sebelum


def test_p29_1_dispute_on_another_agencys_ksdd_is_refused_keeping_the_text(
    client, pemeran, berjalan
):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.operator_lain).post(
        reverse("pembinaan:perselisihan_catat"),
        {
            "ksdd": berjalan.pk,
            "tanggal_timbul": "2026-05-04",
            "uraian": "Barito Timur menghentikan pembayaran kompensasi rujukan.",
            "pihak": ["62.13"],
        },
    )
    assert r.status_code == 200
    assert "[P29-1]" in _galat(r.context["form"], "ksdd")
    assert "menghentikan pembayaran kompensasi rujukan" in r.content.decode()
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("data", "field", "pesan"),
    [
        ({"aksi": "musyawarah"}, "hasil", "[P29-1]"),
        (
            {
                "aksi": "musyawarah",
                "tanggal": "2026-05-01",
                "tempat": "Aula Dinkes",
                "hasil": "Belum sepakat.",
            },
            "tanggal",
            "[P29-1]",
        ),  # before the dispute arose
        ({"aksi": "berkas", "keterangan": "PKS rujukan"}, "berkas", "[P29-2]"),
        ({"aksi": "selesaikan", "tanggal": "2026-05-20"}, "hasil", "[P29-3]"),
    ],
)
def test_p29_dispute_steps_refused_on_their_field(client, pemeran, berjalan, data, field, pesan):
    p = services.perselisihan_catat(
        ksdd=berjalan,
        tanggal_timbul=dt.date(2026, 5, 4),
        uraian="Barito Timur menghentikan pembayaran kompensasi rujukan.",
        pihak=list(berjalan.mitra.all()),
        user=pemeran.operator,
    )
    sebelum = _jumlah()
    r = _masuk(client, pemeran.operator).post(
        reverse("pembinaan:perselisihan_detail", args=[p.pk]), data
    )
    assert r.status_code == 200
    assert pesan in _galat(r.context["forms"][data["aksi"]], field)
    assert _jumlah() == sebelum
    p.refresh_from_db()
    assert p.status == "musyawarah"


# --- funding (P31-1), Sekretariat (P40-4), associations (P43), guidance (P44) ------------


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"jumlah": "-250000000"}, "jumlah", "tidak boleh negatif"),
        ({"jumlah": "dua ratus juta"}, "jumlah", "angka"),
        ({"mitra": "987654"}, "mitra", "[P31-1]"),
        ({"perangkat_daerah": ""}, "perangkat_daerah", "[P31-1]"),
    ],
)
def test_p31_1_funding_refused_keeps_the_note(client, pemeran, ksdd, ubah, field, pesan):
    data = {
        "mitra": ksdd.mitra.first().pk,
        "jumlah": "250000000",
        "tahun_anggaran": "2026",
        "perangkat_daerah": ksdd.perangkat_daerah_id,
        "keterangan": "Bantuan operasional ambulans rujukan Puskesmas Ampah.",
    } | ubah
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("pembinaan:pendanaan", args=[ksdd.pk]), data
    )
    assert r.status_code == 200
    assert pesan in _galat(r.context["form"], field)
    assert "Bantuan operasional ambulans rujukan Puskesmas Ampah." in r.content.decode()
    assert _jumlah() == sebelum


def test_p40_4_sekretariat_without_its_kesepakatan_is_refused(client, pemeran, berjalan):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("pembinaan:sekretariat_catat", args=[berjalan.pk]),
        {"nama": "Sekretariat Kerja Sama Barsel–Bartim", "hibah_tahunan": "-1"},
    )
    assert r.status_code == 200
    form = r.context["form"]
    assert "[P40-4]" in _galat(form, "nomor_kesepakatan")
    assert "[P40-4]" in _galat(form, "tanggal_kesepakatan")
    assert "tidak boleh negatif" in _galat(form, "hibah_tahunan")
    assert "Sekretariat Kerja Sama Barsel–Bartim" in r.content.decode()
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"jenis": "klub"}, "jenis", "[P43]"),
        ({"selesai": "2018-12-31"}, "selesai", "[P43]"),  # ends before it starts
        ({"iuran_tahunan": "-50000000"}, "iuran_tahunan", "tidak boleh negatif"),
    ],
)
def test_p43_membership_refused_keeps_the_name(client, pemeran, ubah, field, pesan):
    data = {
        "jenis": "apkasi",
        "nama": "Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)",
        "mulai": "2019-01-01",
    } | ubah
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("pembinaan:asosiasi"), data)
    assert r.status_code == 200
    assert pesan in _galat(r.context["form"], field)
    assert "Asosiasi Pemerintah Kabupaten Seluruh Indonesia" in r.content.decode()
    assert _jumlah() == sebelum


def test_p43_ending_without_a_reason_names_pasal_43(client, pemeran):
    k = services.keanggotaan_tambah(
        user=pemeran.sekretariat,
        jenis="apkasi",
        nama="Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)",
        mulai=dt.date(2019, 1, 1),
    )
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("pembinaan:asosiasi_akhiri", args=[k.pk]), {"selesai": "2026-05-20"}
    )
    assert r.status_code == 200
    assert "[P43]" in r.content.decode() and "Pasal 43" in r.content.decode()
    k.refresh_from_db()
    assert k.selesai is None
    assert (
        _masuk(client, pemeran.sekretariat)
        .post(reverse("pembinaan:asosiasi_akhiri", args=[987654]), {})
        .status_code
        == 404
    )


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"bentuk": "rekreasi"}, "bentuk", "[P44]"),
        ({"peserta": []}, None, "[P44]"),  # guidance is given to agencies
        ({"tanggal": "2026-02-30"}, "tanggal", "tanggal yang valid"),
    ],
)
def test_p44_guidance_refused_keeps_the_title(client, pemeran, ubah, field, pesan):
    data = {
        "bentuk": "sosialisasi",
        "judul": "Sosialisasi Perbup 23/2023 kepada Perangkat Daerah",
        "tanggal": "2026-05-12",
        "peserta": [pemeran.operator.perangkat_daerah_id],
    } | ubah
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(reverse("pembinaan:kegiatan"), data)
    assert r.status_code == 200
    form = r.context["form"]
    galat = _galat(form, field) if field else " ".join(str(e) for e in form.errors.values())
    assert pesan in galat
    assert "Sosialisasi Perbup 23/2023 kepada Perangkat Daerah" in r.content.decode()
    assert _jumlah() == sebelum
