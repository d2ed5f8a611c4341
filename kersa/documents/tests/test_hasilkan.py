"""Generating the KSDD documents as DOCX (issue 4): every kind, its number, its version,
the emblems of P11-2 / P12-3 / P12-4, the letters' layout, refusals and the views."""

import datetime as dt
import hashlib

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.urls import reverse
from docx.enum.text import WD_ALIGN_PARAGRAPH

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.agreements.models import Kak
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru, permintaan_kedua
from kersa.documents.choices import JENIS_REKAMAN, AsalVersi, JenisDokumen
from kersa.documents.konteks import jenis_berlaku, lambang_garuda, lambang_placeholder
from kersa.documents.models import Dokumen, VersiDokumen
from kersa.documents.naskah import BAGIAN_KB, BAGIAN_PKS
from kersa.documents.services.hasilkan import dokumen_hasilkan
from kersa.documents.views.hasilkan import pilihan_hasilkan
from kersa.regions.models import Wilayah

from .hasilkan_util import buka, gambar, png, sha, teks

pytestmark = pytest.mark.django_db

HARI_INI = dt.datetime(2026, 4, 10, 9, 0)


@pytest.fixture(autouse=True)
def _waktu():
    with time_machine.travel(HARI_INI, tick=False):
        yield


def _baca(versi: VersiDokumen) -> bytes:
    with versi.berkas.file.open("rb") as f:
        return f.read()


def _buat(ksdd, jenis, user, **kw):
    versi = dokumen_hasilkan(ksdd=ksdd, jenis=jenis, user=user, **kw)
    data = _baca(versi)
    assert versi.berkas.sha256 == hashlib.sha256(data).hexdigest()
    return versi, buka(data)


def _wilayah(*kode):
    return list(Wilayah.objects.filter(kode__in=kode).order_by("kode"))


def test_every_kind_generates_along_the_workflow(pemeran):
    sek = pemeran.sekretariat
    bartim = Wilayah.objects.get(kode="62.13")
    k = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")  # needs DPRD (P21-1)
    dibuat = {}
    tahap = [
        (Status.PENYUSUNAN_KAK, [JenisDokumen.KAK]),
        (
            Status.MENUNGGU_TANGGAPAN,
            [
                JenisDokumen.SURAT_PENAWARAN,
                JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA,
                JenisDokumen.LAPORAN_GUBERNUR,
            ],
        ),
        (Status.PENYUSUNAN_KB, [JenisDokumen.KB]),
        (Status.PERMOHONAN_DPRD, [JenisDokumen.PERMOHONAN_DPRD, JenisDokumen.PKS]),
        (Status.PENYUSUNAN_PKS, [JenisDokumen.SURAT_KUASA]),
        (Status.PELAKSANAAN, [JenisDokumen.ADDENDUM]),
    ]
    for status, kinds in tahap:
        k = ke_status(k, status, pemeran)
        for jenis in kinds:
            mitra = bartim if jenis in pilihan_hasilkan(k)["jenis_per_mitra"] else None
            if jenis == JenisDokumen.LAPORAN_GUBERNUR:
                permintaan_kedua(k, pemeran)  # P16-6: reported only after the second request
            versi, doc = _buat(k, jenis, sek, mitra=mitra)
            assert versi.asal == AsalVersi.DIHASILKAN and versi.nomor == 1
            assert versi.dokumen.nomor and versi.dokumen.nomor in teks(doc)
            dibuat[jenis] = versi
    m = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=bartim)
    m = ke_status(m, Status.MENUNGGU_TANGGAPAN, pemeran)
    versi, doc = _buat(m, JenisDokumen.SURAT_TANGGAPAN, sek, mitra=bartim)
    assert "Tanggapan atas Penawaran Kerja Sama Daerah" in teks(doc)
    dibuat[JenisDokumen.SURAT_TANGGAPAN] = versi
    assert set(dibuat) == set(JenisDokumen.values) - JENIS_REKAMAN
    nomor = [v.dokumen.nomor for v in dibuat.values()]
    assert len(set(nomor)) == len(nomor)


def test_regenerating_unchanged_gives_the_same_version(pemeran, ksdd):
    pertama, _ = _buat(ksdd, JenisDokumen.KAK, pemeran.operator)
    lagi, _ = _buat(ksdd, JenisDokumen.KAK, pemeran.operator)
    assert lagi.pk == pertama.pk
    assert VersiDokumen.objects.filter(dokumen=pertama.dokumen).count() == 1


def test_regenerating_adds_a_version_with_the_same_number(pemeran, ksdd):
    pertama, _ = _buat(ksdd, JenisDokumen.KAK, pemeran.operator)
    Kak.objects.filter(ksdd=ksdd).update(latar_belakang="Latar belakang yang diperbarui.")
    kedua, doc = _buat(ksdd, JenisDokumen.KAK, pemeran.operator)
    assert kedua.dokumen_id == pertama.dokumen_id
    assert (pertama.nomor, kedua.nomor) == (1, 2)
    assert kedua.dokumen.nomor == pertama.dokumen.nomor == "000.3/1/KAK-KS/2026"
    assert kedua.berkas_id != pertama.berkas_id
    assert Dokumen.objects.filter(ksdd=ksdd, jenis=JenisDokumen.KAK).count() == 1


def test_p14_2_kak_holds_every_part_and_the_agency_kop(pemeran, ksdd):
    _, doc = _buat(ksdd, JenisDokumen.KAK, pemeran.operator)
    isi = teks(doc)
    assert "PEMERINTAH KABUPATEN BARITO SELATAN" in isi
    assert "DINAS KESEHATAN" in isi
    assert "KERANGKA ACUAN KERJA" in isi
    for judul in [
        "A. LATAR BELAKANG",
        "B. MAKSUD DAN TUJUAN",
        "G. ANALISIS DAMPAK",
        "H. PEMBIAYAAN",
    ]:
        assert judul in isi
    assert "Buntok, 10 April 2026" in isi
    assert ksdd.perangkat_daerah.kepala_nama.upper() in isi  # the head of the agency signs


def test_p16_1_letter_has_kop_number_date_recipient_signature(pemeran, ksdd):
    k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    bartim = Wilayah.objects.get(kode="62.13")
    versi, doc = _buat(k, JenisDokumen.SURAT_PENAWARAN, pemeran.sekretariat, mitra=bartim)
    isi = teks(doc)
    kop = doc.tables[0]
    # Signed by the Bupati: the head of region's letterhead (Permendagri 1/2023)
    assert teks_sel(kop.cell(0, 1)).startswith("BUPATI BARITO SELATAN")
    assert "PEMERINTAH KABUPATEN" not in teks_sel(kop.cell(0, 1))
    assert gambar(kop.cell(0, 0)._tc, doc.part)  # the region's emblem (placeholder) at left
    assert "Nomor" in isi and "000.3/1/Pem-KS/2026" in isi
    assert "Buntok, 10 April 2026" in isi
    assert "Yth. Bupati Barito Timur" in isi
    assert "di Tamiang Layang" in isi and "Tempat" not in isi  # the partner's seat
    assert "Penawaran Kerja Sama Daerah" in isi
    assert "30 (tiga puluh) hari kalender" in isi
    assert "BUPATI BARITO SELATAN," in isi
    assert versi.dokumen.mitra_id == "62.13"


def teks_sel(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def test_p16_5_and_p16_6_letters_cite_the_offer(pemeran, ksdd):
    k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    bartim = Wilayah.objects.get(kode="62.13")
    penawaran = k.penawaran.get()
    _, doc = _buat(k, JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA, pemeran.sekretariat, mitra=bartim)
    isi = teks(doc)
    assert penawaran.nomor in isi
    assert "15 (lima belas) hari kalender" in isi and "Pasal 16 ayat (5)" in isi
    permintaan_kedua(k, pemeran)
    _, doc = _buat(k, JenisDokumen.LAPORAN_GUBERNUR, pemeran.sekretariat, mitra=bartim)
    isi = teks(doc)
    assert "Yth. Gubernur Kalimantan Tengah" in isi
    assert "Wakil Pemerintah Pusat" in isi and "Pasal 16 ayat (6)" in isi


def test_p16_6_report_letter_refused_until_its_step_may_be_taken(pemeran, ksdd):
    """P16-6: the report to the Gubernur is generated only when the step "Catat laporan
    kepada Gubernur" has no blocker (the same check its service runs): not before the
    second request is recorded, not within its 15 calendar days."""
    k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    bartim = Wilayah.objects.get(kode="62.13")

    def buat():
        return dokumen_hasilkan(
            ksdd=k, jenis=JenisDokumen.LAPORAN_GUBERNUR, user=pemeran.sekretariat, mitra=bartim
        )

    with pytest.raises(RuleViolation) as e:
        buat()
    assert e.value.rule == "P16-6"
    assert "permintaan tanggapan kedua kepada Kabupaten Barito Timur belum dicatat" in str(e.value)
    # Received 5 days ago (5 April 2026): the 15 days run to 20 April 2026.
    permintaan_kedua(k, pemeran, hari_diterima=5)
    with pytest.raises(RuleViolation) as e:
        buat()
    assert e.value.rule == "P16-6"
    assert "(05-04-2026)" in str(e.value) and "setelah 20-04-2026" in str(e.value)
    assert not Dokumen.objects.filter(ksdd=k, jenis=JenisDokumen.LAPORAN_GUBERNUR).exists()
    with time_machine.travel(dt.datetime(2026, 4, 21, 9, 0), tick=False):
        versi = buat()
    assert versi.dokumen.jenis == JenisDokumen.LAPORAN_GUBERNUR


def test_p11_2_kb_carries_garuda_centred_at_top(pemeran, ksdd):
    k = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    _, doc = _buat(k, JenisDokumen.KB, pemeran.sekretariat)
    pertama = doc.paragraphs[0]
    assert pertama.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert gambar(pertama._p, doc.part) == [lambang_garuda()]
    body = doc.element.body
    assert body.index(pertama._p) == 0  # nothing above it
    assert not doc.tables[0]._tbl.xpath(".//a:blip")  # the only image is the Garuda
    assert len(doc.part.package.image_parts) == 1


def test_p11_2_garuda_image_can_be_configured(pemeran, ksdd, settings, tmp_path):
    garuda = tmp_path / "garuda.png"
    garuda.write_bytes(png("gold"))
    settings.KERSA_LAMBANG_GARUDA = str(garuda)
    k = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    _, doc = _buat(k, JenisDokumen.KB, pemeran.sekretariat)
    assert gambar(doc.paragraphs[0]._p, doc.part) == [garuda.read_bytes()]


def test_p11_1_kb_holds_every_required_part(pemeran, ksdd):
    k = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    _, doc = _buat(k, JenisDokumen.KB, pemeran.sekretariat)
    isi = teks(doc)
    for nomor, (_kode, judul) in enumerate(BAGIAN_KB, start=1):
        assert f"Pasal {nomor}\n{judul.upper()}" in isi
    assert "dalam Kesepakatan Bersama ini disebut" in isi
    assert "Pada hari ini, ..........," in isi  # not signed yet: the date is left blank


def _lambang(kode: str, warna: str) -> bytes:
    w = Wilayah.objects.get(kode=kode)
    data = png(warna)
    w.lambang.save(f"{kode}.png", ContentFile(data))
    return data


def test_p12_3_pks_emblems_initiator_right_partner_left(pemeran, ksdd):
    home = _lambang("62.04", "green")
    mitra = _lambang("62.13", "blue")
    k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    _, doc = _buat(k, JenisDokumen.PKS, pemeran.sekretariat)
    atas = doc.tables[0]
    assert doc.element.body.index(atas._tbl) == 0
    assert gambar(atas.cell(0, 2)._tc, doc.part) == [home]
    assert gambar(atas.cell(0, 0)._tc, doc.part) == [mitra]
    isi = teks(doc)
    for nomor, (_kode, judul) in enumerate(BAGIAN_PKS, start=1):
        assert f"Pasal {nomor}\n{judul.upper()}" in isi
    assert "dalam Perjanjian Kerja Sama ini disebut PARA PIHAK" in isi
    assert "dalam Kesepakatan Bersama ini disebut" not in isi  # flaw of the Lampiran fixed


def test_p12_4_several_partners_share_the_left_with_placeholder(pemeran):
    home = _lambang("62.04", "green")
    bartim = _lambang("62.13", "blue")
    k = ksdd_baru(pemeran, mitra=_wilayah("62.13", "62.03", "63.09"))
    k = ke_status(k, Status.PENYUSUNAN_PKS, pemeran)
    _, doc = _buat(k, JenisDokumen.PKS, pemeran.sekretariat)
    atas = doc.tables[0]
    assert gambar(atas.cell(0, 2)._tc, doc.part) == [home]
    kiri = gambar(atas.cell(0, 0)._tc, doc.part)
    assert len(kiri) == 3
    assert sha(bartim) in {sha(g) for g in kiri}
    assert lambang_placeholder("LAMBANG KABUPATEN KAPUAS") in kiri  # no emblem uploaded
    assert lambang_placeholder("LAMBANG KABUPATEN TABALONG") in kiri
    isi = teks(doc)
    assert "PIHAK KEEMPAT" in isi and "rangkap 5 (lima)" in isi


def test_p12_3_partner_initiated_pks_puts_the_partner_right(pemeran):
    bartim = Wilayah.objects.get(kode="62.13")
    home = _lambang("62.04", "green")
    mitra = _lambang("62.13", "blue")
    k = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=bartim)
    k = ke_status(k, Status.PENYUSUNAN_PKS, pemeran)
    _, doc = _buat(k, JenisDokumen.PKS, pemeran.sekretariat)
    atas = doc.tables[0]
    assert gambar(atas.cell(0, 2)._tc, doc.part) == [mitra]
    assert gambar(atas.cell(0, 0)._tc, doc.part) == [home]


def test_p13_kind_outside_its_stage_is_refused(pemeran, ksdd):
    assert JenisDokumen.PKS not in jenis_berlaku(ksdd)
    with pytest.raises(RuleViolation) as exc:
        dokumen_hasilkan(ksdd=ksdd, jenis=JenisDokumen.PKS, user=pemeran.operator)
    assert exc.value.rule == "P13"
    assert not Dokumen.objects.filter(ksdd=ksdd).exists()


def test_p16_3_per_partner_letter_needs_one_of_the_partners(pemeran, ksdd):
    k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    for mitra in (None, Wilayah.objects.get(kode="63.09")):
        with pytest.raises(RuleViolation) as exc:
            dokumen_hasilkan(
                ksdd=k, jenis=JenisDokumen.SURAT_PENAWARAN, user=pemeran.sekretariat, mitra=mitra
            )
        assert exc.value.rule == "P16-3"


def test_generation_needs_a_user_who_may_change_the_ksdd(pemeran, ksdd):
    for user in (pemeran.operator_lain, pemeran.dprd, pemeran.publik):
        with pytest.raises(PermissionDenied):
            dokumen_hasilkan(ksdd=ksdd, jenis=JenisDokumen.KAK, user=user)


def test_text_is_escaped_into_valid_docx(pemeran):
    k = ksdd_baru(pemeran, judul='Air Bersih & Sanitasi <Desa> "Perbatasan"')
    _, doc = _buat(k, JenisDokumen.KAK, pemeran.operator)
    assert 'AIR BERSIH & SANITASI <DESA> "PERBATASAN"' in teks(doc)


def test_isian_fills_what_the_record_does_not_know(pemeran, ksdd):
    k = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    _, doc = _buat(
        k,
        JenisDokumen.KB,
        pemeran.sekretariat,
        isian={
            "tanggal": dt.date(2026, 3, 23),
            "pasal": {"surat_menyurat": ["Surat ditujukan ke Bagian Pemerintahan."]},
        },
    )
    isi = teks(doc)
    assert "Pada hari ini, Senin, tanggal dua puluh tiga bulan Maret" in isi
    assert "Surat ditujukan ke Bagian Pemerintahan." in isi


# --- views ----------------------------------------------------------------------------


def test_view_generates_and_redirects(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    url = reverse("documents:hasilkan", args=[ksdd.pk])
    response = client.post(url, {"jenis": JenisDokumen.KAK})
    assert response.status_code == 302
    assert response["Location"] == reverse("agreements:detail", args=[ksdd.pk])
    assert VersiDokumen.objects.filter(dokumen__ksdd=ksdd).count() == 1


def test_view_refusal_becomes_a_message(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    url = reverse("documents:hasilkan", args=[ksdd.pk])
    response = client.post(url, {"jenis": JenisDokumen.PKS}, follow=True)
    assert "[P13]" in response.content.decode()
    assert not VersiDokumen.objects.exists()


@pytest.mark.parametrize(("peran", "kode"), [("operator_lain", 404), ("publik", 404)])
def test_view_hides_the_ksdd_from_others(client, pemeran, ksdd, peran, kode):
    client.force_login(getattr(pemeran, peran))
    url = reverse("documents:hasilkan", args=[ksdd.pk])
    assert client.post(url, {"jenis": JenisDokumen.KAK}).status_code == kode
    assert not VersiDokumen.objects.exists()


def test_view_needs_post_and_login(client, pemeran, ksdd):
    url = reverse("documents:hasilkan", args=[ksdd.pk])
    assert client.post(url, {"jenis": JenisDokumen.KAK}).status_code == 302  # to login
    client.force_login(pemeran.operator)
    assert client.get(url).status_code == 405


def test_partial_offers_the_kinds_of_the_stage(client, pemeran, ksdd):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    request = RequestFactory().get("/")
    request.user = pemeran.sekretariat
    html = render_to_string(
        "documents/partials/hasilkan.html", pilihan_hasilkan(k), request=request
    )
    assert reverse("documents:hasilkan", args=[k.pk]) in html
    assert 'value="surat_penawaran"' in html and 'value="pks"' not in html
    assert 'value="62.13"' in html and "Buat dokumen" in html
