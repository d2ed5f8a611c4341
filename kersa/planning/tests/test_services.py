"""The plan list services (Pasal 7 ayat 2–5, Pasal 8 ayat 2–5) through their refusals."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from kersa.agreements.choices import Kategori
from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.pekerja import tenggat_periodik_mulai
from kersa.documents.tests.hasilkan_util import buka, teks
from kersa.planning import selectors, services
from kersa.planning.choices import ForumProvinsi, Prioritas, StatusIdentifikasi
from kersa.planning.models import RiwayatIdentifikasi

from .conftest import urusan, wilayah

pytestmark = pytest.mark.django_db


def _jalan_perbatasan(ident, pemeran, **ubah):
    data = {
        "identifikasi": ident,
        "user": pemeran.sekretariat,
        "urusan": urusan("a.3"),
        "program": "Program Penyelenggaraan Jalan",
        "kegiatan": "Peningkatan jalan poros Buntok–Tamiang Layang ruas perbatasan",
        "perangkat_daerah": pemeran.operator_lain.perangkat_daerah,
        "mitra": [wilayah("62.13")],
        "jangka_waktu_bulan": 36,
        "prioritas": Prioritas.TINGGI,
        "dokumen_rencana": "RKPD Kabupaten Barito Selatan 2026",
        "forum_provinsi": ForumProvinsi.MUSRENBANG,
        "tanggal_forum": dt.date(2025, 4, 15),
    }
    data.update(ubah)
    return services.butir_tambah(**data)


def _tetapkan(ident, pemeran, tanggal=dt.date(2025, 5, 20), nomor="000.1.5/12/Pem/2025"):
    return services.identifikasi_tetapkan(
        identifikasi=ident,
        user=pemeran.sekretariat,
        nomor_berita_acara=nomor,
        tanggal_berita_acara=tanggal,
    )


def test_p7_2_identification_needs_the_planning_agency(pemeran, penomoran):
    with pytest.raises(RuleViolation) as exc:
        services.identifikasi_mulai(
            user=pemeran.sekretariat,
            kategori=Kategori.WAJIB,
            tahun_rencana=2026,
            tanggal_mulai=dt.date(2025, 2, 3),
            perangkat_perencanaan=None,
        )
    assert exc.value.rule == "P7-2"
    assert "Pasal 7 ayat 2" in exc.value.detail


def test_p8_2_identification_started_with_history_row(pemeran, bappeda):
    ident = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.SUKARELA,
        tahun_rencana=2027,
        tanggal_mulai=dt.date(2026, 1, 12),
        perangkat_perencanaan=bappeda,
        perangkat_terlibat=[pemeran.operator.perangkat_daerah],
    )
    assert ident.status == StatusIdentifikasi.PENYUSUNAN
    r = ident.riwayat.get()
    assert (r.dari, r.ke, r.rule, r.oleh) == ("", "penyusunan", "P8-2", pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        services.identifikasi_mulai(
            user=pemeran.sekretariat,
            kategori=Kategori.SUKARELA,
            tahun_rencana=2027,
            tanggal_mulai=dt.date(2026, 1, 12),
            perangkat_perencanaan=bappeda,
        )
    assert exc.value.rule == "P8-3"


def test_operator_may_not_manage_plan(pemeran, bappeda):
    with pytest.raises(PermissionDenied):
        services.identifikasi_mulai(
            user=pemeran.operator,
            kategori=Kategori.WAJIB,
            tahun_rencana=2026,
            tanggal_mulai=dt.date(2025, 2, 3),
            perangkat_perencanaan=bappeda,
        )


def test_p7_3_item_needs_program_kegiatan_duration(pemeran, wajib_2026):
    with pytest.raises(RuleViolation) as exc:
        _jalan_perbatasan(wajib_2026, pemeran, program="  ", jangka_waktu_bulan=0)
    rules = {(p.rule, p.field) for p in exc.value.pelanggaran}
    assert ("P7-3", "program") in rules
    assert ("P7-3", "jangka_waktu_bulan") in rules
    assert not wajib_2026.butir.exists()


def test_p7_3_item_without_urusan_or_agency_is_refused_and_nothing_changes(pemeran, wajib_2026):
    """An API or script caller that clears the urusan or the agency gets the Pasal, not a
    database error; the item keeps what it had."""
    b = _jalan_perbatasan(wajib_2026, pemeran)
    for field in ("urusan", "perangkat_daerah"):
        with pytest.raises(RuleViolation) as exc:
            services.butir_ubah(butir=b, user=pemeran.sekretariat, **{field: None})
        assert exc.value.rule == "P7-3"
        assert [p.field for p in exc.value.pelanggaran] == [field]
        assert "Pasal 7 ayat 3" in exc.value.detail
    b.refresh_from_db()
    assert (b.urusan.kode, b.perangkat_daerah) == ("a.3", pemeran.operator_lain.perangkat_daerah)
    with pytest.raises(RuleViolation) as exc:
        _jalan_perbatasan(wajib_2026, pemeran, urusan=None, perangkat_daerah=None)
    assert {p.field for p in exc.value.pelanggaran} == {"urusan", "perangkat_daerah"}
    assert wajib_2026.butir.count() == 1


def test_item_edit_without_a_number_keeps_its_place(pemeran, wajib_2026):
    b = _jalan_perbatasan(wajib_2026, pemeran)
    _jalan_perbatasan(wajib_2026, pemeran, kegiatan="Pemeliharaan jembatan perbatasan")
    b = services.butir_ubah(butir=b, user=pemeran.sekretariat, urutan=None, jangka_waktu_bulan=24)
    b.refresh_from_db()
    assert (b.urutan, b.jangka_waktu_bulan) == (1, 24)


def test_p8_3_sukarela_item_may_be_with_non_bordering_region(pemeran, bappeda):
    ident = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.SUKARELA,
        tahun_rencana=2027,
        tanggal_mulai=dt.date(2026, 1, 12),
        perangkat_perencanaan=bappeda,
    )
    b = _jalan_perbatasan(
        ident,
        pemeran,
        urusan=urusan("c.2"),
        program="Program Pengembangan Destinasi Pariwisata",
        kegiatan="Promosi bersama wisata sungai Barito",
        mitra=[wilayah("62.71")],
        forum_provinsi="",
        tanggal_forum=None,
        prioritas=Prioritas.SEDANG,
        jangka_waktu_bulan=24,
    )
    assert b.identifikasi == ident and b.urutan == 1


def test_p7_1_wajib_item_partner_must_border(pemeran, wajib_2026):
    with pytest.raises(RuleViolation) as exc:
        _jalan_perbatasan(wajib_2026, pemeran, mitra=[wilayah("62.71")])
    assert exc.value.rule == "P7-1"
    assert "62.71" in exc.value.detail


def test_p7_4_provincial_forum_required_before_setting(pemeran, wajib_2026):
    b = _jalan_perbatasan(wajib_2026, pemeran, forum_provinsi="", tanggal_forum=None)
    with pytest.raises(RuleViolation) as exc:
        _tetapkan(wajib_2026, pemeran)
    assert exc.value.rule == "P7-4"
    assert "Pasal 7 ayat 4" in exc.value.detail
    wajib_2026.refresh_from_db()
    assert wajib_2026.status == StatusIdentifikasi.PENYUSUNAN
    services.butir_ubah(
        butir=b,
        user=pemeran.sekretariat,
        forum_provinsi=ForumProvinsi.RAKORTEK,
        tanggal_forum=dt.date(2025, 4, 22),
    )
    _tetapkan(wajib_2026, pemeran)
    wajib_2026.refresh_from_db()
    assert wajib_2026.status == StatusIdentifikasi.DITETAPKAN


def test_p7_4_forum_needs_its_date(pemeran, wajib_2026):
    with pytest.raises(RuleViolation) as exc:
        _jalan_perbatasan(wajib_2026, pemeran, tanggal_forum=None)
    assert (exc.value.rule, exc.value.pelanggaran[0].field) == ("P7-4", "tanggal_forum")


def test_p7_4_not_required_across_provinces(pemeran, wajib_2026):
    # Tabalong (63.09, Kalimantan Selatan) borders Barito Selatan: not one province.
    _jalan_perbatasan(
        wajib_2026, pemeran, mitra=[wilayah("63.09")], forum_provinsi="", tanggal_forum=None
    )
    _tetapkan(wajib_2026, pemeran)


def test_p7_5_set_with_berita_acara_read_back(pemeran, wajib_2026):
    _jalan_perbatasan(wajib_2026, pemeran)
    _jalan_perbatasan(
        wajib_2026,
        pemeran,
        urusan=urusan("a.2"),
        program="Program Pemenuhan Upaya Kesehatan Perorangan",
        kegiatan="Sistem rujukan bersama RSUD Jaraga Sasameh – RSUD Muara Teweh",
        perangkat_daerah=pemeran.operator.perangkat_daerah,
        mitra=[wilayah("62.05")],
        jangka_waktu_bulan=24,
        prioritas=Prioritas.SEDANG,
    )
    with pytest.raises(RuleViolation) as exc:
        _tetapkan(wajib_2026, pemeran, nomor="")
    assert exc.value.rule == "P7-5"
    ident = _tetapkan(wajib_2026, pemeran)
    assert ident.status == StatusIdentifikasi.DITETAPKAN
    assert ident.tanggal_selesai == dt.date(2025, 5, 20)
    r = ident.riwayat.order_by("pk").last()
    assert (r.dari, r.ke, r.rule) == ("penyusunan", "ditetapkan", "P7-5")
    dok = ident.berita_acara
    assert dok.nomor == "000.1.5/12/Pem/2025"
    versi = dok.versi.get()
    with versi.berkas.file.open("rb") as f:
        doc = buka(f.read())
    isi = teks(doc)
    assert "BERITA ACARA" in isi and "[[" not in isi
    assert "Kerja Sama Wajib" in isi or "Wajib" in isi
    assert "Pasal 7 ayat (2) sampai dengan ayat (5)" in isi
    [tabel] = [t for t in doc.tables if t.rows[0].cells[0].text == "No."]
    assert tabel.rows[0].cells[1].text == "Urusan"
    sel = [[c.text for c in row.cells] for row in tabel.rows[1:]]
    assert sel[0][1] == "Kesehatan"  # grouped by urusan in the order of Pasal 5 ayat 4
    assert "Barito Utara" in sel[0][4]
    assert "Barito Timur" in sel[1][4] and sel[1][5] == "36 bulan" and sel[1][6] == "Tinggi"
    assert "Musrenbang Provinsi" in sel[1][7] and "15 April 2025" in sel[1][7]


def test_p7_5_set_list_is_read_only_until_reopened(pemeran, wajib_2026):
    b = _jalan_perbatasan(wajib_2026, pemeran)
    _tetapkan(wajib_2026, pemeran)
    with pytest.raises(RuleViolation) as exc:
        services.butir_ubah(butir=b, user=pemeran.sekretariat, jangka_waktu_bulan=12)
    assert exc.value.rule == "P7-5"
    with pytest.raises(RuleViolation):
        services.butir_hapus(butir=b, user=pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        services.identifikasi_buka_kembali(
            identifikasi=wajib_2026, user=pemeran.sekretariat, alasan=""
        )
    assert exc.value.pelanggaran[0].field == "alasan"
    services.identifikasi_buka_kembali(
        identifikasi=wajib_2026,
        user=pemeran.sekretariat,
        alasan="Salah ketik jangka waktu ruas jalan perbatasan; dikoreksi atas surat Kepala Dinas PUPR.",
    )
    services.butir_ubah(butir=b, user=pemeran.sekretariat, jangka_waktu_bulan=24)
    ident = _tetapkan(wajib_2026, pemeran, tanggal=dt.date(2025, 6, 2), nomor="000.1.5/15/Pem/2025")
    assert ident.berita_acara.versi.count() == 2
    assert list(
        RiwayatIdentifikasi.objects.filter(identifikasi=ident).values_list("ke", flat=True)
    ) == [
        "penyusunan",
        "ditetapkan",
        "penyusunan",
        "ditetapkan",
    ]


def _sukarela_2027(pemeran, bappeda):
    ident = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.SUKARELA,
        tahun_rencana=2027,
        tanggal_mulai=dt.date(2026, 1, 12),
        perangkat_perencanaan=bappeda,
    )
    _jalan_perbatasan(
        ident,
        pemeran,
        urusan=urusan("c.2"),
        program="Program Pengembangan Destinasi Pariwisata",
        kegiatan="Promosi bersama wisata sungai Barito",
        mitra=[wilayah("62.71")],
        forum_provinsi="",
        tanggal_forum=None,
    )
    return ident


def test_p8_4_p8_5_signed_in_triwulan_i_meets_the_clock(pemeran, bappeda, penomoran):
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 1, 5))
    t = Tenggat.objects.get(kunci="P8-5:2027")
    ident = _sukarela_2027(pemeran, bappeda)
    ident = _tetapkan(ident, pemeran, tanggal=dt.date(2026, 3, 27), nomor="000.1.5/7/Pem/2026")
    assert ident.riwayat.order_by("pk").last().rule == "P8-4"
    t.refresh_from_db()
    assert t.status == StatusTenggat.TERPENUHI
    assert t.selesai_pada == dt.date(2026, 3, 27)
    assert selectors.peringatan_p8_5(ident) == []


def test_p8_5_signed_after_31_march_is_flagged_late(pemeran, bappeda, penomoran):
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 1, 5))
    ident = _sukarela_2027(pemeran, bappeda)
    ident = _tetapkan(ident, pemeran, tanggal=dt.date(2026, 4, 14), nomor="000.1.5/9/Pem/2026")
    t = Tenggat.objects.get(kunci="P8-5:2027")
    assert t.status == StatusTenggat.BERJALAN  # left for the worker: missed
    [p] = selectors.peringatan_p8_5(ident)
    assert p.rule == "P8-5" and "Pasal 8 ayat 5" in p.detail and "31 Maret 2026" in p.detail


def test_p8_5_wajib_list_is_not_flagged(wajib_2026):
    assert selectors.peringatan_p8_5(wajib_2026, hari_ini=dt.date(2026, 11, 1)) == []
