"""Writing oversight through the API: monitoring and evaluation with its findings and
follow-up (Pasal 28), and a dispute along its steps (Pasal 29–30), through
oversight.services with the web pages' permissions, scope and refusals."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kersa.demo.skenario import ksdd_baru
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Dokumen
from kersa.oversight import services
from kersa.oversight.models import (
    BerkasPerselisihan,
    MonitoringEvaluasi,
    Perselisihan,
    RapatMusyawarah,
    RiwayatPerselisihan,
    StatusMonev,
    StatusPerselisihan,
    StatusTemuan,
    TemuanMonev,
)
from kersa.regions.models import Wilayah
from kersa.reporting.selectors import periode_dari

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate


def _url(nama, **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


# --- monitoring and evaluation (Pasal 28) ---------------------------------------------------


def _monev_data(ksdd, **ubah) -> dict:
    tahun, semester = periode_dari(None)
    return {
        "perangkat_daerah": ksdd.perangkat_daerah_id,
        "tahun": tahun,
        "semester": semester,
        "tanggal_pelaksanaan": HARI_INI().isoformat(),
        "ksdd": [ksdd.pk],
        **ubah,
    }


@pytest.fixture
def monev(ksdd_berjalan, pemeran):
    tahun, semester = periode_dari(None)
    return services.monev_catat(
        perangkat_daerah=ksdd_berjalan.perangkat_daerah,
        tahun=tahun,
        semester=semester,
        tanggal_pelaksanaan=HARI_INI(),
        ksdd=[ksdd_berjalan],
        user=pemeran.sekretariat,
    )


@pytest.fixture
def temuan(monev, ksdd_berjalan, pemeran):
    return services.temuan_catat(
        monev=monev,
        ksdd=ksdd_berjalan,
        uraian="Rujukan pasien dari desa perbatasan melebihi kuota bulanan.",
        rekomendasi="Tambah kuota rujukan melalui adendum PKS.",
        user=pemeran.sekretariat,
    )


def test_p28_secretariat_records_the_monitoring_of_an_agency(ksdd_berjalan, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("monev-list"), _monev_data(ksdd_berjalan), format="json"
    )
    assert r.status_code == 201, r.json()
    body = r.json()
    assert body["status"] == StatusMonev.DICATAT
    assert body["ksdd"] == [ksdd_berjalan.pk]
    assert body["perangkat_daerah"] == ksdd_berjalan.perangkat_daerah_id


def test_p28_monitoring_dated_outside_its_semester_is_refused_422_nothing_saved(
    ksdd_berjalan, pemeran, klien
):
    data = _monev_data(ksdd_berjalan, tanggal_pelaksanaan="2019-03-04")
    r = klien(pemeran.sekretariat).post(_url("monev-list"), data, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P28"
    assert r.json()["pelanggaran"][0]["field"] == "tanggal_pelaksanaan"
    assert not MonitoringEvaluasi.objects.exists()


def test_operator_may_not_record_a_monitoring_403(ksdd_berjalan, pemeran, klien):
    r = klien(pemeran.operator).post(_url("monev-list"), _monev_data(ksdd_berjalan), format="json")
    assert r.status_code == 403
    assert not MonitoringEvaluasi.objects.exists()


def test_p28_finding_on_a_reviewed_ksdd(monev, ksdd_berjalan, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("monev-temuan", pk=monev.pk),
        {
            "ksdd": ksdd_berjalan.pk,
            "uraian": "Laporan semester I belum memuat upaya penyelesaian.",
            "rekomendasi": "Lengkapi laporan sebelum akhir bulan.",
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    [t] = r.json()["temuan"]
    assert (t["ksdd"], t["status"]) == (ksdd_berjalan.pk, StatusTemuan.TERBUKA)


def test_p28_finding_on_a_ksdd_not_reviewed_is_refused_422_nothing_saved(monev, pemeran, klien):
    lain = ksdd_baru(pemeran, judul="Pengelolaan sampah regional Buntok–Tamiang Layang")
    r = klien(pemeran.sekretariat).post(
        _url("monev-temuan", pk=monev.pk),
        {"ksdd": lain.pk, "uraian": "Belum berjalan.", "rekomendasi": "Percepat."},
        format="json",
    )
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P28", "ksdd")
    assert not TemuanMonev.objects.exists()


def test_member_may_not_add_a_finding_403(monev, ksdd_berjalan, pemeran, klien):
    r = klien(pemeran.anggota).post(
        _url("monev-temuan", pk=monev.pk),
        {"ksdd": ksdd_berjalan.pk, "uraian": "x", "rekomendasi": "y"},
        format="json",
    )
    assert r.status_code == 403
    assert not TemuanMonev.objects.exists()


def test_p28_follow_up_of_a_finding(temuan, monev, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("monev-tindak-lanjut", pk=monev.pk),
        {
            "temuan": temuan.pk,
            "tindak_lanjut": "Kuota sementara dinaikkan menjadi 60 pasien per bulan.",
            "tanggal": HARI_INI().isoformat(),
        },
        format="json",
    )
    assert r.status_code == 200, r.json()
    [t] = r.json()["temuan"]
    assert t["status"] == StatusTemuan.DITINDAKLANJUTI
    assert t["tindak_lanjut"].startswith("Kuota sementara")


def test_p28_blank_follow_up_is_refused_422_and_foreign_finding_400(temuan, monev, pemeran, klien):
    client = klien(pemeran.sekretariat)
    url = _url("monev-tindak-lanjut", pk=monev.pk)
    r = client.post(
        url,
        {"temuan": temuan.pk, "tindak_lanjut": " ", "tanggal": HARI_INI().isoformat()},
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P28"
    temuan.refresh_from_db()
    assert temuan.status == StatusTemuan.TERBUKA and temuan.tindak_lanjut == ""
    r = client.post(
        url,
        {"temuan": 999999, "tindak_lanjut": "Ditindaklanjuti.", "tanggal": HARI_INI().isoformat()},
        format="json",
    )
    assert r.status_code == 400
    assert "temuan" in r.json()


def test_operator_may_not_record_a_follow_up_403(temuan, monev, pemeran, klien):
    r = klien(pemeran.operator).post(
        _url("monev-tindak-lanjut", pk=monev.pk),
        {"temuan": temuan.pk, "tindak_lanjut": "Sudah.", "tanggal": HARI_INI().isoformat()},
        format="json",
    )
    assert r.status_code == 403
    temuan.refresh_from_db()
    assert temuan.status == StatusTemuan.TERBUKA


def test_p28_finishing_generates_the_report(monev, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("monev-selesaikan", pk=monev.pk),
        {
            "tanggal": HARI_INI().isoformat(),
            "ringkasan": "KSDD berjalan sesuai PKS; satu temuan pada kuota rujukan.",
        },
        format="json",
    )
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == StatusMonev.SELESAI
    assert body["dokumen"] is not None
    assert [h["ke"] for h in body["riwayat"]][-1] == StatusMonev.SELESAI


def test_p28_finishing_without_a_summary_is_refused_422_nothing_saved(monev, pemeran, klien):
    dokumen = Dokumen.objects.count()
    r = klien(pemeran.sekretariat).post(
        _url("monev-selesaikan", pk=monev.pk), {"tanggal": HARI_INI().isoformat()}, format="json"
    )
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P28", "ringkasan")
    monev.refresh_from_db()
    assert monev.status == StatusMonev.DICATAT and monev.dokumen_id is None
    assert Dokumen.objects.count() == dokumen


def test_member_may_not_finish_the_monitoring_403(monev, pemeran, klien):
    r = klien(pemeran.anggota).post(
        _url("monev-selesaikan", pk=monev.pk),
        {"tanggal": HARI_INI().isoformat(), "ringkasan": "Selesai."},
        format="json",
    )
    assert r.status_code == 403
    monev.refresh_from_db()
    assert monev.status == StatusMonev.DICATAT


# --- disputes (Pasal 29–30) -----------------------------------------------------------------


def _kemarin(n=1) -> str:
    return (HARI_INI() - dt.timedelta(days=n)).isoformat()


@pytest.fixture
def perselisihan(ksdd_berjalan, pemeran):
    return services.perselisihan_catat(
        ksdd=ksdd_berjalan,
        tanggal_timbul=HARI_INI() - dt.timedelta(days=10),
        uraian="Barito Timur menghentikan rujukan pasien tanpa pemberitahuan.",
        pihak=[Wilayah.objects.get(kode="62.13")],
        user=pemeran.operator,
    )


def _musyawarah(p, pemeran, mufakat: bool):
    return services.perselisihan_musyawarah_catat(
        perselisihan=p,
        tanggal=HARI_INI() - dt.timedelta(days=5),
        tempat="Ruang Rapat Dinas Kesehatan, Buntok",
        hasil="Kedua pihak sepakat melanjutkan rujukan." if mufakat else "Belum sepakat.",
        mufakat=mufakat,
        user=pemeran.operator,
    )


def _langkah(client, p, nama, data, **kw):
    return client.post(_url(f"perselisihan-{nama}", pk=p.pk), data, **kw)


def test_p29_1_operator_records_a_dispute_with_its_partner(ksdd_berjalan, pemeran, klien):
    r = klien(pemeran.operator).post(
        _url("perselisihan-list"),
        {
            "ksdd": ksdd_berjalan.pk,
            "tanggal_timbul": _kemarin(10),
            "uraian": "Barito Timur menghentikan rujukan pasien tanpa pemberitahuan.",
            "pihak": ["62.13"],
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    body = r.json()
    assert (body["status"], body["pihak"]) == (StatusPerselisihan.MUSYAWARAH, ["62.13"])
    assert [(h["ke"], h["rule"]) for h in body["riwayat"]] == [("musyawarah", "P29-1")]


def test_p29_1_party_not_a_partner_is_refused_422_nothing_saved(ksdd_berjalan, pemeran, klien):
    r = klien(pemeran.operator).post(
        _url("perselisihan-list"),
        {
            "ksdd": ksdd_berjalan.pk,
            "tanggal_timbul": _kemarin(10),
            "uraian": "Perselisihan tentang kuota rujukan.",
            "pihak": ["62.71"],
        },
        format="json",
    )
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P29-1", "pihak")
    assert not Perselisihan.objects.exists()
    assert not RiwayatPerselisihan.objects.exists()


def test_member_may_not_record_a_dispute_and_other_agency_sees_no_ksdd(
    ksdd_berjalan, pemeran, klien
):
    data = {
        "ksdd": ksdd_berjalan.pk,
        "tanggal_timbul": _kemarin(10),
        "uraian": "Perselisihan tentang kuota rujukan.",
        "pihak": ["62.13"],
    }
    assert (
        klien(pemeran.anggota).post(_url("perselisihan-list"), data, format="json").status_code
        == 403
    )
    # Another agency's operator may record disputes, but not on a KSDD it cannot see.
    r = klien(pemeran.operator_lain).post(_url("perselisihan-list"), data, format="json")
    assert r.status_code == 400 and "ksdd" in r.json()
    assert not Perselisihan.objects.exists()


def test_p29_1_musyawarah_recorded_and_refused_before_the_dispute(perselisihan, pemeran, klien):
    client = klien(pemeran.operator)
    data = {
        "tanggal": _kemarin(5),
        "tempat": "Ruang Rapat Dinas Kesehatan, Buntok",
        "hasil": "Kedua pihak sepakat melanjutkan rujukan.",
        "mufakat": True,
    }
    r = _langkah(
        client, perselisihan, "musyawarah", {**data, "tanggal": _kemarin(30)}, format="json"
    )
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P29-1", "tanggal")
    assert not RapatMusyawarah.objects.exists()
    assert (
        _langkah(
            klien(pemeran.anggota), perselisihan, "musyawarah", data, format="json"
        ).status_code
        == 403
    )
    assert not RapatMusyawarah.objects.exists()
    r = _langkah(client, perselisihan, "musyawarah", data, format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["musyawarah"][0]["mufakat"] is True


def test_p29_2_document_gathered_as_multipart(perselisihan, pemeran, klien):
    client = klien(pemeran.operator)
    r = _langkah(
        client,
        perselisihan,
        "berkas",
        {"keterangan": "PKS rujukan pasien 2026", "upload": unggahan_pdf("pks.pdf")},
        format="multipart",
    )
    assert r.status_code == 201, r.json()
    assert r.json()["berkas"][0]["keterangan"] == "PKS rujukan pasien 2026"


def test_p29_2_document_without_its_description_is_refused_nothing_stored(
    perselisihan, pemeran, klien
):
    r = _langkah(
        klien(pemeran.operator),
        perselisihan,
        "berkas",
        {"keterangan": " ", "upload": unggahan_pdf("pks.pdf")},
        format="multipart",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P29-2"
    assert not BerkasPerselisihan.objects.exists()
    r = _langkah(
        klien(pemeran.anggota),
        perselisihan,
        "berkas",
        {"keterangan": "PKS", "upload": unggahan_pdf("pks.pdf")},
        format="multipart",
    )
    assert r.status_code == 403
    assert not BerkasPerselisihan.objects.exists()


def test_p29_3_settled_then_p29_4_reported_to_the_bupati(perselisihan, pemeran, klien):
    client = klien(pemeran.operator)
    hasil = {"tanggal": _kemarin(2), "hasil": "Rujukan dilanjutkan dengan kuota 60 pasien."}
    # P29-1: from musyawarah, settling needs a meeting that reached mufakat.
    r = _langkah(client, perselisihan, "selesaikan", hasil, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P29-1"
    perselisihan.refresh_from_db()
    assert perselisihan.status == StatusPerselisihan.MUSYAWARAH
    assert perselisihan.berita_acara_id is None
    # P29-4: nothing to report before it is settled.
    r = _langkah(client, perselisihan, "laporkan", {"tanggal": _kemarin(1)}, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P29-4"

    _musyawarah(perselisihan, pemeran, mufakat=True)
    services.perselisihan_berkas_tambah(
        perselisihan=perselisihan,
        upload=unggahan_pdf("pks.pdf"),
        keterangan="PKS rujukan pasien 2026",
        user=pemeran.operator,
    )
    assert (
        _langkah(
            klien(pemeran.anggota), perselisihan, "selesaikan", hasil, format="json"
        ).status_code
        == 403
    )
    r = _langkah(client, perselisihan, "selesaikan", hasil, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == StatusPerselisihan.SELESAI
    assert r.json()["dokumen_berita_acara"]["versi"]

    assert (
        _langkah(
            klien(pemeran.anggota),
            perselisihan,
            "laporkan",
            {"tanggal": _kemarin(1)},
            format="json",
        ).status_code
        == 403
    )
    r = _langkah(client, perselisihan, "laporkan", {"tanggal": _kemarin(1)}, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["tanggal_dilaporkan"] == _kemarin(1)
    assert r.json()["dokumen_laporan"]["versi"]


def test_p30_submitted_to_the_province_then_the_higher_regulation(perselisihan, pemeran, klien):
    """Barito Selatan and Barito Timur are both in Kalimantan Tengah (62)."""
    client = klien(pemeran.sekretariat)
    ajukan = {"tanggal": _kemarin(3), "alasan": "Musyawarah tidak mencapai mufakat."}
    # P30 ayat 1: only after a musyawarah that did not reach mufakat.
    r = _langkah(client, perselisihan, "provinsi", ajukan, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P30"
    _musyawarah(perselisihan, pemeran, mufakat=False)
    # The agency records disputes but does not submit them to the province.
    assert (
        _langkah(
            klien(pemeran.operator), perselisihan, "provinsi", ajukan, format="json"
        ).status_code
        == 403
    )
    perselisihan.refresh_from_db()
    assert perselisihan.status == StatusPerselisihan.MUSYAWARAH
    # P30 ayat 2 is for after the provincial TKKSD when the parties share a province.
    alasan = {"alasan": "TKKSD Provinsi tidak mencapai kesepakatan."}
    r = _langkah(client, perselisihan, "peraturan", alasan, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P30"

    r = _langkah(client, perselisihan, "provinsi", ajukan, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == StatusPerselisihan.DIAJUKAN_PROVINSI
    assert (
        _langkah(
            klien(pemeran.operator), perselisihan, "peraturan", alasan, format="json"
        ).status_code
        == 403
    )
    r = _langkah(client, perselisihan, "peraturan", alasan, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == StatusPerselisihan.PERATURAN_LEBIH_TINGGI
    assert [h["rule"] for h in r.json()["riwayat"]] == ["P29-1", "P30", "P30"]
