"""The KSDD page's *Pembahasan TKKSD*: the meetings whose agenda carried the KSDD, with
their decision, the pleno recommendation and the meeting's Berita Acara and Notulen
(Pasal 37 ayat 2, Pasal 38 ayat 3, Pasal 39, Pasal 18 ayat 3), and the plan item the
KSDD rests on (Pasal 5 ayat 2)."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from kersa.agreements import services as ksdd_services
from kersa.agreements.choices import (
    AlasanPenolakan,
    Kategori,
    Keputusan,
    Pemrakarsa,
    PertimbanganPersetujuan,
    Status,
)
from kersa.agreements.models import Urusan
from kersa.core.testing import jumlah_kueri
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_pdf
from kersa.governance.choices import JenisAgenda, JenisRapat, Kedudukan
from kersa.governance.selectors import pembahasan_ksdd
from kersa.governance.services import (
    agenda_tambah,
    rapat_batalkan,
    rapat_dokumen_hasilkan,
    rapat_hasil_catat,
    rapat_jadwalkan,
)
from kersa.planning import services as rencana
from kersa.planning.choices import ForumProvinsi, Prioritas
from kersa.regions.models import PerangkatDaerah, Wilayah

from .conftest import hadir_semua, jabatan

pytestmark = pytest.mark.django_db

JUDUL_NASKAH = "Pembahasan rancangan PKS pengelolaan sampah regional"
JUDUL_TAWARAN = "Penawaran kerja sama Pemerintah Kabupaten Barito Timur"


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _halaman(client, user, ksdd) -> str:
    client.force_login(user)
    r = client.get(reverse("agreements:detail", args=[ksdd.pk]))
    assert r.status_code == 200
    return r.content.decode()


def _bagian(html: str) -> str:
    """Only the section, so a match elsewhere on the page does not count."""
    m = re.search(r'<section [^>]*id="pembahasan-tkksd">.*?</section>', html, re.S)
    assert m, "section Pembahasan TKKSD missing"
    return m.group(0)


def _rapat_teknis_naskah(ksdd, tkksd, pemeran, *, tanggal=None, dokumen=True):
    """A Rapat Teknis that discussed the draft PKS of ``ksdd`` (P38-3), its Berita Acara
    and Notulen generated (P39)."""
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.TEKNIS,
        tanggal=tanggal or dt.date(2026, 2, 24),
        tempat="Ruang Rapat Bagian Pemerintahan Setda Barito Selatan",
        user=pemeran.sekretariat,
    )
    a = agenda_tambah(
        rapat=rapat,
        user=pemeran.sekretariat,
        judul=JUDUL_NASKAH,
        jenis=JenisAgenda.PEMBAHASAN_NASKAH,
        tugas="f",
        ksdd=ksdd,
    )
    rapat = rapat_hasil_catat(
        rapat=rapat,
        user=pemeran.sekretariat,
        kehadiran=hadir_semua(rapat),
        pimpinan=jabatan(tkksd, Kedudukan.SEKRETARIS),
        ringkasan="Rapat dibuka pukul 09.00 WIB oleh Sekretaris TKKSD.",
        keputusan={
            a.pk: {
                "uraian": "Rancangan PKS disampaikan kepada Rapat Pleno melalui Sekretaris.",
                "pembahasan": "Pasal keadaan kahar ditambahkan pada rancangan.",
                "tindak_lanjut": "Dinas Lingkungan Hidup memperbaiki lampiran teknis.",
            }
        },
    )
    if dokumen:
        rapat_dokumen_hasilkan(rapat=rapat, user=pemeran.sekretariat)
        rapat.refresh_from_db()
    return rapat, a


@pytest.fixture
def tawaran_mitra(pemeran):
    """Barito Timur's offer to Barito Selatan, waiting for our reply (Pasal 18)."""
    barito_timur = Wilayah.objects.get(kode="62.13")
    ksdd = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=barito_timur)
    return ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)


def _pleno_tawaran(ksdd, tkksd, pemeran):
    """A Rapat Pleno that recommends rejecting the partner's offer (P18-3, P18-4)."""
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=_hari(5),
        waktu_mulai=dt.time(9, 0),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )
    a = agenda_tambah(
        rapat=rapat,
        user=pemeran.sekretariat,
        judul=JUDUL_TAWARAN,
        jenis=JenisAgenda.REKOMENDASI_PENAWARAN,
        ksdd=ksdd,
    )
    rapat = rapat_hasil_catat(
        rapat=rapat,
        user=pemeran.sekretariat,
        kehadiran=hadir_semua(rapat),
        pimpinan=jabatan(tkksd, Kedudukan.KETUA),
        ringkasan="Rapat dibuka pukul 09.00 WIB oleh Ketua TKKSD.",
        keputusan={
            a.pk: {
                "uraian": "TKKSD merekomendasikan Bupati menolak penawaran.",
                "rekomendasi": Keputusan.DITOLAK,
                "alasan_penolakan": [AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA],
                # P18-4 (WARN): the KSDD is budgeted; the pleno says why it still rejects.
                "alasan_peringatan": "Pagu DPA tidak mencukupi untuk perluasan ke mitra.",
            }
        },
    )
    return rapat, a


# --- P38-3 and P39: a Rapat Teknis on the draft, with its Berita Acara and Notulen --------


def test_p38_3_rapat_teknis_on_the_draft_shows_on_the_ksdd_page(client, ksdd, tkksd, pemeran):
    rapat, a = _rapat_teknis_naskah(ksdd, tkksd, pemeran)
    bagian = _bagian(_halaman(client, pemeran.sekretariat, ksdd))
    assert "Pembahasan TKKSD" in bagian
    assert 'datetime="2026-02-24"' in bagian and "24 Februari 2026" in bagian
    assert "Rapat Teknis" in bagian
    assert JUDUL_NASKAH in bagian
    assert "Pembahasan rancangan KB/PKS (Pasal 38 ayat 3)" in bagian
    assert "Rancangan PKS disampaikan kepada Rapat Pleno melalui Sekretaris." in bagian
    assert "Dinas Lingkungan Hidup memperbaiki lampiran teknis." in bagian
    assert f'href="{reverse("tkksd:rapat", args=[rapat.pk])}"' in bagian


def test_p39_berita_acara_and_notulen_linked_from_the_ksdd_page(client, ksdd, tkksd, pemeran):
    rapat, _a = _rapat_teknis_naskah(ksdd, tkksd, pemeran)
    ba = rapat.berita_acara.versi.get()
    notulen = rapat.notulen.versi.get()
    bagian = _bagian(_halaman(client, pemeran.sekretariat, ksdd))
    assert rapat.nomor and rapat.nomor in bagian
    assert reverse("documents:unduh", args=[ba.berkas_id]) in bagian
    assert reverse("documents:unduh_pdf", args=[ba.pk]) in bagian
    assert reverse("documents:unduh", args=[notulen.berkas_id]) in bagian
    assert reverse("documents:unduh_pdf", args=[notulen.pk]) in bagian
    # The link serves the file to the clerk who followed it.
    r = client.get(reverse("documents:unduh", args=[ba.berkas_id]))
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")


def test_p39_documents_not_yet_generated_say_so(client, ksdd, tkksd, pemeran):
    rapat, _a = _rapat_teknis_naskah(ksdd, tkksd, pemeran, dokumen=False)
    # The result gives the Berita Acara its number; its text is generated later (P39).
    assert not rapat.berita_acara.versi.exists()
    bagian = _bagian(_halaman(client, pemeran.sekretariat, ksdd))
    assert f"Berita Acara {rapat.nomor}: " in bagian and "belum dihasilkan" in bagian
    assert "unduh-ba" not in bagian


def test_p39_newest_version_of_the_berita_acara_is_linked(client, ksdd, tkksd, pemeran):
    rapat, a = _rapat_teknis_naskah(ksdd, tkksd, pemeran)
    lama = rapat.berita_acara.versi.get()
    # The discussion is corrected, so generating again makes version 2 (P39).
    a.pembahasan = "Pasal keadaan kahar dan pasal penyelesaian perselisihan ditambahkan."
    a.save(update_fields=["pembahasan"])
    a.keputusan.uraian = "Rancangan PKS yang telah diperbaiki disampaikan kepada Rapat Pleno."
    a.keputusan.save(update_fields=["uraian"])
    baru, _notulen = rapat_dokumen_hasilkan(rapat=rapat, user=pemeran.sekretariat)
    assert baru.nomor == 2
    bagian = _bagian(_halaman(client, pemeran.sekretariat, ksdd))
    assert reverse("documents:unduh", args=[baru.berkas_id]) in bagian
    assert reverse("documents:unduh", args=[lama.berkas_id]) not in bagian


def test_p39_scheduled_and_cancelled_meetings_show_without_decision(client, ksdd, tkksd, pemeran):
    terjadwal = rapat_jadwalkan(
        jenis=JenisRapat.TEKNIS,
        tanggal=timezone.localdate() + dt.timedelta(days=7),
        tempat="Ruang Rapat Bagian Pemerintahan",
        user=pemeran.sekretariat,
    )
    agenda_tambah(
        rapat=terjadwal,
        user=pemeran.sekretariat,
        judul="Penyiapan KAK kerja sama pengelolaan sampah",
        tugas="d",
        ksdd=ksdd,
    )
    batal = rapat_jadwalkan(
        jenis=JenisRapat.TEKNIS,
        tanggal=_hari(20),
        tempat="Ruang Rapat Bagian Pemerintahan",
        user=pemeran.sekretariat,
    )
    agenda_tambah(rapat=batal, user=pemeran.sekretariat, judul="Telaah awal", ksdd=ksdd)
    rapat_batalkan(rapat=batal, user=pemeran.sekretariat, alasan="Bertepatan dengan HUT RI.")
    bagian = _bagian(_halaman(client, pemeran.sekretariat, ksdd))
    assert "Penyiapan KAK kerja sama pengelolaan sampah" in bagian
    assert "Belum diputuskan." in bagian
    assert "Rapat dibatalkan." in bagian
    # Oldest first: the cancelled one (20 days ago) before the one to come.
    assert bagian.index("Telaah awal") < bagian.index("Penyiapan KAK")


def test_p38_3_meetings_about_other_ksdd_are_not_listed(client, ksdd, tkksd, pemeran):
    lain = ksdd_baru(pemeran, judul="Pelayanan kesehatan rujukan Barito Selatan-Barito Utara")
    _rapat_teknis_naskah(lain, tkksd, pemeran, dokumen=False)
    bagian = _bagian(_halaman(client, pemeran.sekretariat, ksdd))
    assert JUDUL_NASKAH not in bagian
    assert "belum diagendakan dalam rapat TKKSD" in bagian


# --- P18-3 and P37-2: the pleno's recommendation on a partner's offer ----------------------


def test_p18_3_pleno_recommendation_links_to_its_meeting(client, tawaran_mitra, tkksd, pemeran):
    rapat, a = _pleno_tawaran(tawaran_mitra, tkksd, pemeran)
    rek = tawaran_mitra.rekomendasi_pleno.get()
    assert rek.agenda == a
    bagian = _bagian(_halaman(client, pemeran.sekretariat, tawaran_mitra))
    baris = re.search(rf'<tr id="pembahasan-{a.pk}".*?</tr>', bagian, re.S).group(0)
    assert f'href="{reverse("tkksd:rapat", args=[rapat.pk])}"' in baris
    assert "Rapat Pleno" in baris and JUDUL_TAWARAN in baris
    assert "Rekomendasi: Menolak penawaran" in baris
    assert "Pertimbangan (Pasal 18 ayat 4)" in baris
    assert str(AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA.label) in baris
    assert f"Berita Acara Nomor {rek.nomor_berita_acara}" in baris
    assert "rekomendasi-luar" not in bagian  # it is shown once, under its meeting


def test_p37_2_acceptance_grounds_of_the_pleno_shown(client, tawaran_mitra, tkksd, pemeran):
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=_hari(4),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )
    a = agenda_tambah(
        rapat=rapat,
        user=pemeran.sekretariat,
        judul=JUDUL_TAWARAN,
        jenis=JenisAgenda.REKOMENDASI_PENAWARAN,
        ksdd=tawaran_mitra,
    )
    rapat_hasil_catat(
        rapat=rapat,
        user=pemeran.sekretariat,
        kehadiran=hadir_semua(rapat),
        pimpinan=jabatan(tkksd, Kedudukan.KETUA),
        ringkasan="Rapat dibuka pukul 09.00 WIB oleh Ketua TKKSD.",
        keputusan={
            a.pk: {
                "uraian": "TKKSD merekomendasikan Bupati menerima penawaran.",
                "rekomendasi": Keputusan.DITERIMA,
                "pertimbangan_persetujuan": [
                    PertimbanganPersetujuan.DALAM_PERENCANAAN,
                    PertimbanganPersetujuan.PD_SIAP,
                ],
            }
        },
    )
    bagian = _bagian(_halaman(client, pemeran.anggota, tawaran_mitra))
    assert "Rekomendasi: Menerima penawaran" in bagian
    assert "Pertimbangan (Pasal 18 ayat 5)" in bagian
    assert str(PertimbanganPersetujuan.DALAM_PERENCANAAN.label) in bagian
    assert str(PertimbanganPersetujuan.PD_SIAP.label) in bagian


def test_p18_3_recommendation_from_a_meeting_outside_kersa_shows_its_berita_acara(
    client, tawaran_mitra, pemeran
):
    ksdd_services.ksdd_catat_rekomendasi_pleno(
        ksdd=tawaran_mitra,
        user=pemeran.sekretariat,
        tanggal_rapat=_hari(6),
        nomor_berita_acara="000.1.5/21/Pem/2026",
        keputusan=Keputusan.DITOLAK,
        alasan_penolakan=[AlasanPenolakan.PD_BELUM_SIAP],
        temuan={"c": "Dinas Lingkungan Hidup belum menyiapkan tim pelaksana."},
        uraian="Dinas Lingkungan Hidup belum siap pada tahun anggaran berjalan.",
        berita_acara=unggahan_pdf("ba-rapat-pleno.pdf"),
    )
    rek = tawaran_mitra.rekomendasi_pleno.get()
    assert rek.agenda is None and rek.berkas is not None
    bagian = _bagian(_halaman(client, pemeran.sekretariat, tawaran_mitra))
    luar = re.search(r'<ul id="rekomendasi-luar">.*?</ul>', bagian, re.S).group(0)
    assert "000.1.5/21/Pem/2026" in luar and "Ditolak" in luar
    assert str(AlasanPenolakan.PD_BELUM_SIAP.label) in luar
    assert reverse("documents:unduh", args=[rek.berkas_id]) in luar
    assert "/tkksd/rapat/" not in luar
    assert "belum diagendakan" not in bagian


# --- Who sees what ---------------------------------------------------------------------


def test_p39_operator_sees_the_decision_but_not_the_meeting_or_its_files(
    client, ksdd, tkksd, pemeran
):
    """The operator of the agency reads what TKKSD decided on its KSDD; the meeting page
    (TKKSD's read permission) and the meeting's Berita Acara, which covers other KSDD too,
    stay with TKKSD and the secretariat."""
    rapat, _a = _rapat_teknis_naskah(ksdd, tkksd, pemeran)
    assert not pemeran.operator.has_perm("governance.view_rapat")
    bagian = _bagian(_halaman(client, pemeran.operator, ksdd))
    assert "Rancangan PKS disampaikan kepada Rapat Pleno melalui Sekretaris." in bagian
    assert reverse("tkksd:rapat", args=[rapat.pk]) not in bagian
    assert "unduh-ba" not in bagian and "/berkas/" not in bagian
    assert rapat.nomor in bagian


# --- P5-2: the plan item ---------------------------------------------------------------


def test_p5_2_ksdd_page_links_its_plan_item(client, pemeran):
    from kersa.documents.services.penomoran import penomoran_muat_default

    penomoran_muat_default()
    bappeda, _ = PerangkatDaerah.objects.get_or_create(
        nama="Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        defaults={"singkatan": "Bappedalitbang"},
    )
    ident = rencana.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.WAJIB,
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 2, 3),
        perangkat_perencanaan=bappeda,
    )
    butir = rencana.butir_tambah(
        identifikasi=ident,
        user=pemeran.sekretariat,
        urusan=Urusan.objects.get(kode="a.2"),
        program="Program Pemenuhan Upaya Kesehatan Perorangan",
        kegiatan="Rujukan pasien antar-RSUD perbatasan",
        perangkat_daerah=pemeran.operator.perangkat_daerah,
        mitra=[Wilayah.objects.get(kode="62.13")],
        jangka_waktu_bulan=24,
        prioritas=Prioritas.TINGGI,
        dokumen_rencana="RKPD 2026",
        forum_provinsi=ForumProvinsi.RAKORTEK,
        tanggal_forum=dt.date(2025, 4, 8),
    )
    ksdd = ksdd_baru(pemeran, butir_rencana=butir)
    html = _halaman(client, pemeran.operator, ksdd)
    tautan = f"{reverse('rencana:detail', args=[ident.pk])}#butir-{butir.pk}"
    assert f'href="{tautan}"' in html
    assert "Rujukan pasien antar-RSUD perbatasan" in html
    # The anchor exists on the plan page.
    rencana_html = client.get(reverse("rencana:detail", args=[ident.pk])).content.decode()
    assert f'id="butir-{butir.pk}"' in rencana_html


# --- Query budget ----------------------------------------------------------------------


def test_p39_section_costs_two_queries_whatever_the_number_of_meetings(
    ksdd, tkksd, pemeran, django_assert_num_queries
):
    with django_assert_num_queries(2):
        kosong = pembahasan_ksdd(ksdd)
    assert kosong.agenda == [] and kosong.rekomendasi_luar == []
    for i in range(3):
        _rapat_teknis_naskah(ksdd, tkksd, pemeran, tanggal=dt.date(2026, 2, 10 + i * 7))
    with django_assert_num_queries(2):
        data = pembahasan_ksdd(ksdd)
        # Everything the partial reads is already loaded.
        for a in data.agenda:
            assert a.rapat.nomor and a.keputusan.uraian and a.ba_berkas_id
            assert a.notulen_versi_id
            assert getattr(a, "rekomendasi_pleno", None) is None
    assert len(data.agenda) == 3


def test_p39_tag_costs_two_queries_once_permissions_are_loaded(
    ksdd, tkksd, pemeran, django_assert_num_queries
):
    for i in range(2):
        _rapat_teknis_naskah(ksdd, tkksd, pemeran, tanggal=dt.date(2026, 2, 10 + i * 7))
    request = RequestFactory().get("/")
    request.user = pemeran.sekretariat
    request.user.has_perm("agreements.view_ksdd")  # the KSDD view loads them first
    templat = Template("{% load tkksd_tags %}{% pembahasan_ksdd ksdd %}")
    with django_assert_num_queries(2):
        html = templat.render(Context({"request": request, "ksdd": ksdd}))
    assert html.count('class="unduh-ba"') == 2


def test_p39_ksdd_page_query_count_does_not_grow_with_meetings(client, ksdd, tkksd, pemeran):
    url = reverse("agreements:detail", args=[ksdd.pk])

    def jumlah() -> int:
        return jumlah_kueri(client, url)  # warm visit

    client.force_login(pemeran.sekretariat)
    sedikit = jumlah()
    for i in range(3):
        _rapat_teknis_naskah(ksdd, tkksd, pemeran, tanggal=dt.date(2026, 2, 10 + i * 7))
    assert jumlah() == sedikit
