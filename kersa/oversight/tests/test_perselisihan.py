"""Disputes in running a KSDD and their settlement (Pasal 29–30; P29-1…4, P30)."""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kersa.agreements.choices import Kategori, Status
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.documents.tests.hasilkan_util import buka, teks
from kersa.oversight import services
from kersa.oversight.models import BerkasPerselisihan, Perselisihan, StatusPerselisihan
from kersa.regions.models import Wilayah

WIB = ZoneInfo("Asia/Jakarta")
S = StatusPerselisihan


def _catat(k, pemeran, pihak=None):
    return services.perselisihan_catat(
        ksdd=k,
        tanggal_timbul=dt.date(2026, 7, 6),
        uraian="Barito Timur menghentikan pembayaran kompensasi rujukan semester I.",
        pihak=pihak or list(k.mitra.all()),
        user=pemeran.operator,
    )


def _musyawarah(p, pemeran, mufakat: bool, tanggal=dt.date(2026, 7, 14)):
    return services.perselisihan_musyawarah_catat(
        perselisihan=p,
        tanggal=tanggal,
        tempat="Aula Dinas Kesehatan Kabupaten Barito Selatan, Buntok",
        hasil="Pembayaran dilunasi paling lambat 31 Juli 2026." if mufakat else "Belum sepakat.",
        mufakat=mufakat,
        user=pemeran.operator,
    )


def _berkas(p, pemeran, upload=None):
    return services.perselisihan_berkas_tambah(
        perselisihan=p,
        upload=upload or unggahan_pdf("pks.pdf", "Salinan PKS"),
        keterangan="Salinan Perjanjian Kerja Sama",
        user=pemeran.operator,
    )


def test_p29_1_dispute_recorded_on_running_ksdd_in_musyawarah(berjalan, pemeran):
    p = _catat(berjalan, pemeran)
    assert p.status == S.MUSYAWARAH
    assert p.riwayat.get().rule == "P29-1"


def test_p29_1_dispute_with_a_region_not_its_partner_is_refused(berjalan, pemeran):
    # (Any stage a–j is "dalam penyelenggaraan": test_p29_1_tahap.py.)
    with pytest.raises(RuleViolation) as e:
        _catat(berjalan, pemeran, pihak=[Wilayah.objects.get(kode="62.03")])
    assert e.value.pelanggaran[0].field == "pihak"
    assert not Perselisihan.objects.exists()


def test_p29_2_documents_gathered_and_required_before_berita_acara(berjalan, pemeran):
    p = _catat(berjalan, pemeran)
    _musyawarah(p, pemeran, mufakat=True)
    with pytest.raises(RuleViolation) as e:
        services.perselisihan_selesaikan(
            perselisihan=p, tanggal=dt.date(2026, 7, 15), hasil="Lunas", user=pemeran.operator
        )
    assert "P29-2" in [x.rule for x in e.value.pelanggaran]
    b = _berkas(p, pemeran)
    assert b.berkas.ksdd == berjalan and b.berkas.jenis == "lainnya"


def test_p29_2_refused_upload_leaves_nothing(berjalan, pemeran, settings):
    p = _catat(berjalan, pemeran)
    sebelum = Berkas.objects.count()
    palsu = SimpleUploadedFile("pks.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    with pytest.raises(RuleViolation):
        _berkas(p, pemeran, upload=palsu)
    assert Berkas.objects.count() == sebelum and not BerkasPerselisihan.objects.exists()


def test_p29_2_failure_after_the_file_was_written_removes_it(berjalan, pemeran, monkeypatch):
    p = _catat(berjalan, pemeran)
    media = Path(__import__("django.conf").conf.settings.MEDIA_ROOT)
    sebelum = {f for f in media.rglob("*") if f.is_file()}

    def gagal(**kw):
        raise RuntimeError("putus")

    monkeypatch.setattr(BerkasPerselisihan.objects, "create", gagal)
    with pytest.raises(RuntimeError):
        _berkas(p, pemeran)
    assert {f for f in media.rglob("*") if f.is_file()} == sebelum
    assert not BerkasPerselisihan.objects.exists()


def test_p29_3_berita_acara_signed_by_kepala_perangkat_daerah(berjalan, pemeran):
    p = _catat(berjalan, pemeran)
    _musyawarah(p, pemeran, mufakat=False)
    with pytest.raises(RuleViolation) as e:  # no mufakat yet
        services.perselisihan_selesaikan(
            perselisihan=p, tanggal=dt.date(2026, 7, 15), hasil="Lunas", user=pemeran.operator
        )
    assert "P29-1" in [x.rule for x in e.value.pelanggaran]
    _musyawarah(p, pemeran, mufakat=True, tanggal=dt.date(2026, 7, 20))
    _berkas(p, pemeran)
    p = services.perselisihan_selesaikan(
        perselisihan=p,
        tanggal=dt.date(2026, 7, 21),
        hasil="Barito Timur melunasi kompensasi semester I paling lambat 31 Juli 2026.",
        user=pemeran.operator,
    )
    assert p.status == S.SELESAI and p.tanggal_selesai == dt.date(2026, 7, 21)
    isi = teks(buka(p.berita_acara.versi.get().berkas.file.read()))
    assert "BERITA ACARA HASIL MUSYAWARAH DAN MUFAKAT" in isi
    pd = berjalan.perangkat_daerah
    assert pd.kepala_nama and pd.kepala_nama.upper() in isi and pd.kepala_jabatan.upper() in isi
    assert "Salinan Perjanjian Kerja Sama" in isi and "31 Juli 2026" in isi
    assert "BA-Sel-KS/2026" in p.berita_acara.nomor
    assert [r.ke for r in p.riwayat.all()] == [S.MUSYAWARAH, S.SELESAI]


def test_p29_3_without_kepala_recorded_is_refused(berjalan, pemeran):
    pd = berjalan.perangkat_daerah
    pd.kepala_nama = ""
    pd.save()
    p = _catat(berjalan, pemeran)
    _musyawarah(p, pemeran, mufakat=True)
    _berkas(p, pemeran)
    with pytest.raises(RuleViolation) as e:
        services.perselisihan_selesaikan(
            perselisihan=p, tanggal=dt.date(2026, 7, 15), hasil="Lunas", user=pemeran.operator
        )
    assert "Pasal 29 ayat 3" in e.value.detail
    p.refresh_from_db()
    assert p.status == S.MUSYAWARAH and p.berita_acara is None


def _selesai(berjalan, pemeran):
    p = _catat(berjalan, pemeran)
    _musyawarah(p, pemeran, mufakat=True)
    _berkas(p, pemeran)
    return services.perselisihan_selesaikan(
        perselisihan=p, tanggal=dt.date(2026, 7, 15), hasil="Lunas.", user=pemeran.operator
    )


def test_p29_4_report_to_the_bupati_with_date(berjalan, pemeran):
    p = _catat(berjalan, pemeran)
    with pytest.raises(RuleViolation) as e:  # nothing settled yet
        services.perselisihan_laporkan(
            perselisihan=p, tanggal=dt.date(2026, 7, 16), user=pemeran.operator
        )
    assert e.value.rule == "P29-4" and "Pasal 29 ayat 3 dan 4" in e.value.detail
    p = _selesai(berjalan, pemeran)
    p = services.perselisihan_laporkan(
        perselisihan=p, tanggal=dt.date(2026, 7, 16), user=pemeran.operator
    )
    assert p.tanggal_dilaporkan == dt.date(2026, 7, 16)
    isi = teks(buka(p.laporan.versi.get().berkas.file.read()))
    # a letter of the Tata Naskah Dinas on the agency's letterhead, the BA as its lampiran
    assert "Laporan Hasil Penyelesaian Perselisihan Kerja Sama Daerah" in isi  # Hal
    assert "Yth. Bupati Barito Selatan" in isi and "Kepada Yth" not in isi
    assert "1 (satu) berkas" in isi and p.berita_acara.nomor in isi
    assert berjalan.perangkat_daerah.nama.upper() in isi
    with pytest.raises(RuleViolation) as e:
        services.perselisihan_laporkan(
            perselisihan=p, tanggal=dt.date(2026, 7, 17), user=pemeran.operator
        )
    assert "sudah dilaporkan" in e.value.detail


def test_p30_same_province_goes_to_provincial_tkksd_then_higher_regulation(berjalan, pemeran):
    p = _catat(berjalan, pemeran)  # Barito Timur 62.13: same province as Barito Selatan 62.04
    with pytest.raises(RuleViolation) as e:  # no musyawarah tried yet
        services.perselisihan_ajukan_provinsi(
            perselisihan=p, tanggal=dt.date(2026, 8, 3), alasan="", user=pemeran.sekretariat
        )
    assert "Pasal 30 ayat 1" in e.value.detail
    _musyawarah(p, pemeran, mufakat=False)
    with pytest.raises(RuleViolation) as e:  # must go to the province first
        services.perselisihan_peraturan_lebih_tinggi(
            perselisihan=p, alasan="", user=pemeran.sekretariat
        )
    assert e.value.rule == "P30"
    p = services.perselisihan_ajukan_provinsi(
        perselisihan=p, tanggal=dt.date(2026, 8, 3), alasan="", user=pemeran.sekretariat
    )
    assert p.status == S.DIAJUKAN_PROVINSI and p.tanggal_diajukan_provinsi == dt.date(2026, 8, 3)
    p = services.perselisihan_peraturan_lebih_tinggi(
        perselisihan=p, alasan="", user=pemeran.sekretariat
    )
    assert p.status == S.PERATURAN_LEBIH_TINGGI
    assert [r.rule for r in p.riwayat.all()] == ["P29-1", "P30", "P30"]


def test_p30_parties_outside_the_province_are_refused_per_higher_regulation(waktu, pemeran):
    penomoran_muat_default()
    luar = Wilayah.objects.get(kode="63.71")  # Kota Banjarmasin, Kalimantan Selatan
    k = ksdd_baru(pemeran, mitra=[luar], kategori=Kategori.SUKARELA, eksternalitas="")
    k = ke_status(k, Status.PELAKSANAAN, pemeran)
    p = _catat(k, pemeran)
    _musyawarah(p, pemeran, mufakat=False)
    with pytest.raises(RuleViolation) as e:
        services.perselisihan_ajukan_provinsi(
            perselisihan=p, tanggal=dt.date(2026, 8, 3), alasan="", user=pemeran.sekretariat
        )
    assert "peraturan perundang-undangan" in e.value.detail and "Pasal 30" in e.value.detail
    p = services.perselisihan_peraturan_lebih_tinggi(
        perselisihan=p, alasan="", user=pemeran.sekretariat
    )
    assert p.status == S.PERATURAN_LEBIH_TINGGI


def test_p30_settled_at_the_provincial_tkksd(berjalan, pemeran):
    p = _catat(berjalan, pemeran)
    _musyawarah(p, pemeran, mufakat=False)
    services.perselisihan_ajukan_provinsi(
        perselisihan=p, tanggal=dt.date(2026, 8, 3), alasan="", user=pemeran.sekretariat
    )
    p = services.perselisihan_selesaikan(
        perselisihan=p,
        tanggal=dt.date(2026, 9, 1),
        hasil="Difasilitasi TKKSD Provinsi.",
        user=pemeran.operator,
    )
    assert p.status == S.SELESAI


# --- pages -------------------------------------------------------------------------------


def test_p29_1_operator_records_a_dispute_through_the_page(berjalan, pemeran, client):
    client.force_login(pemeran.operator)
    url = reverse("pembinaan:perselisihan_catat")
    assert client.get(url).status_code == 200
    r = client.post(
        url,
        {
            "ksdd": berjalan.pk,
            "tanggal_timbul": "2026-07-06",
            "uraian": "Pembayaran kompensasi terhenti.",
            "pihak": [w.pk for w in berjalan.mitra.all()],
        },
    )
    p = Perselisihan.objects.get()
    assert r.status_code == 302 and r.url == reverse("pembinaan:perselisihan_detail", args=[p.pk])
    detail = reverse("pembinaan:perselisihan_detail", args=[p.pk])
    r = client.post(
        detail, {"aksi": "berkas", "keterangan": "PKS", "berkas": unggahan_pdf("pks.pdf")}
    )
    assert r.status_code == 302 and p.berkas.count() == 1
    r = client.post(
        detail,
        {"aksi": "selesaikan", "tanggal": "2026-07-15", "hasil": "Lunas."},
    )
    assert r.status_code == 200 and "[P29-1]" in r.content.decode()
    r = client.post(detail, {"aksi": "provinsi", "tanggal": "2026-08-03", "alasan": ""})
    assert r.status_code == 403  # P30 submission is TKKSD's (secretariat)
    assert client.get(reverse("pembinaan:perselisihan")).status_code == 200


def test_p29_1_pages_permissions(berjalan, pemeran, client):
    p = _catat(berjalan, pemeran)
    detail = reverse("pembinaan:perselisihan_detail", args=[p.pk])
    client.force_login(pemeran.operator_lain)
    assert client.get(detail).status_code == 404
    assert "Pembayaran" not in client.get(reverse("pembinaan:perselisihan")).content.decode()
    client.force_login(pemeran.bupati)  # reads, does not write
    assert client.get(detail).status_code == 200
    r = client.post(
        detail, {"aksi": "musyawarah", "tanggal": "2026-07-14", "tempat": "x", "hasil": "y"}
    )
    assert r.status_code == 403
    client.force_login(pemeran.publik)
    assert client.get(reverse("pembinaan:perselisihan")).status_code == 403


def test_p29_3_p29_4_detail_page_shows_documents_and_steps(berjalan, pemeran, client):
    p = _selesai(berjalan, pemeran)
    client.force_login(pemeran.operator)
    detail = reverse("pembinaan:perselisihan_detail", args=[p.pk])
    r = client.post(detail, {"aksi": "laporkan", "tanggal": "2026-07-16"})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.tanggal_dilaporkan == dt.date(2026, 7, 16)
    html = client.get(detail).content.decode()
    assert p.berita_acara.nomor in html and p.laporan.nomor in html
    assert "Salinan Perjanjian Kerja Sama" in html


def test_p30_secretariat_submits_through_the_page(berjalan, pemeran, client):
    p = _catat(berjalan, pemeran)
    client.force_login(pemeran.sekretariat)
    detail = reverse("pembinaan:perselisihan_detail", args=[p.pk])
    r = client.post(detail, {"aksi": "provinsi", "tanggal": "2026-08-03", "alasan": ""})
    assert r.status_code == 200 and "[P30]" in r.content.decode()  # no musyawarah yet
    _musyawarah(p, pemeran, mufakat=False)
    r = client.post(detail, {"aksi": "provinsi", "tanggal": "2026-08-03", "alasan": ""})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == S.DIAJUKAN_PROVINSI


def test_dispute_list_is_paged_50_newest_first_with_the_same_queries(berjalan, pemeran, client):
    """Issue 18 item 3: the list does not grow with the register."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    asal = _catat(berjalan, pemeran)
    salinan = []
    for _i in range(54):
        p = Perselisihan.objects.get(pk=asal.pk)
        p.pk = None
        salinan.append(p)
    Perselisihan.objects.bulk_create(salinan)
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:perselisihan")
    kueri, baris = [], []
    for halaman in ("1", "2"):
        with CaptureQueriesContext(connection) as q:
            html = client.get(url, {"halaman": halaman}).content.decode()
        kueri.append(len(q))
        baris.append(len(re.findall(rf'<tr><td><a href="{url}\d+/"', html)))
    assert baris == [50, 5]
    assert kueri[0] == kueri[1]
    assert "Halaman 1 dari 2" in client.get(url).content.decode()
    newest = Perselisihan.objects.order_by("-pk").first()
    assert (
        reverse("pembinaan:perselisihan_detail", args=[newest.pk])
        in client.get(url).content.decode()
    )
