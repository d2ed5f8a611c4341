"""The workflow's steps start, meet and stop the right clocks (deadlines/pemicu.py),
through the real services (skenario.ke_status) with the dates the users entered."""

import datetime as dt

import pytest
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import Keputusan, Pemrakarsa, PengecualianRencana, Status
from kersa.deadlines.choices import Akibat, Satuan, StatusTenggat
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import RiwayatTenggat, Tenggat
from kersa.demo.skenario import ke_status, ksdd_baru, tanggapi
from kersa.documents.contoh import unggahan_pdf
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db

BARITO_TIMUR, KAPUAS = "62.13", "62.03"


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _tenggat(ksdd, rule):
    return Tenggat.objects.filter(ksdd=ksdd, rule=rule)


def _ksdd_mitra(pemeran, **ubah):
    return ksdd_baru(
        pemeran,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=Wilayah.objects.get(kode=BARITO_TIMUR),
        **ubah,
    )


def _ksdd_dprd(pemeran):
    """Burdens the public: needs DPRD approval (P21-1)."""
    return ksdd_baru(pemeran, membebani_masyarakat=True)


def test_no_clock_exists_before_its_event(pemeran, ksdd):
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    assert not Tenggat.objects.filter(ksdd=ksdd).exists()


def test_p16_4_our_offer_starts_30_calendar_days_per_partner(pemeran):
    mitra = list(Wilayah.objects.filter(kode__in=[BARITO_TIMUR, KAPUAS]).order_by("kode"))
    ksdd = ke_status(ksdd_baru(pemeran, mitra=mitra), Status.MENUNGGU_TANGGAPAN, pemeran)
    clocks = list(_tenggat(ksdd, "P16-4").order_by("kunci"))
    assert len(clocks) == 2
    for t in clocks:
        p = ksdd.penawaran.get(pk=t.subjek_id)
        assert t.kunci == f"P16-4:penawaran:{p.pk}"
        assert t.tanggal_peristiwa == p.tanggal_diterima == _hari(50)
        assert (t.satuan, t.panjang) == (Satuan.HARI_KALENDER, 30)
        assert t.jatuh_tempo == p.tanggal_diterima + dt.timedelta(days=30)
        assert t.akibat == Akibat.BUKA_TUGAS
        assert t.riwayat.get().riwayat_tahap.aksi == "catat_penawaran"


def test_p16_4_met_by_that_partners_answer_only(pemeran):
    mitra = list(Wilayah.objects.filter(kode__in=[BARITO_TIMUR, KAPUAS]).order_by("kode"))
    ksdd = ke_status(ksdd_baru(pemeran, mitra=mitra), Status.MENUNGGU_TANGGAPAN, pemeran)
    services.ksdd_catat_tanggapan(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        mitra=KAPUAS,
        keputusan=Keputusan.DITERIMA,
        nomor="000.3/77/Kps/2026",
        tanggal_surat=_hari(38),
        tanggal_diterima=_hari(36),
        surat=unggahan_pdf("tanggapan.pdf"),
    )
    status = dict(_tenggat(ksdd, "P16-4").values_list("subjek_id", "status"))
    kapuas = ksdd.penawaran.get(mitra_id=KAPUAS).pk
    timur = ksdd.penawaran.get(mitra_id=BARITO_TIMUR).pk
    assert status == {kapuas: StatusTenggat.TERPENUHI, timur: StatusTenggat.BERJALAN}
    closed = RiwayatTenggat.objects.get(tenggat__subjek_id=kapuas, ke=StatusTenggat.TERPENUHI)
    assert closed.oleh == pemeran.sekretariat
    assert closed.riwayat_tahap.aksi == "catat_tanggapan"


def test_p17_4_partner_offer_in_the_plan_30_calendar_days(pemeran):
    ksdd = ke_status(_ksdd_mitra(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
    t = _tenggat(ksdd, "P17-4").get()
    assert (t.satuan, t.panjang, t.tanggal_peristiwa) == (Satuan.HARI_KALENDER, 30, _hari(50))
    assert t.jatuh_tempo == _hari(20)
    assert not _tenggat(ksdd, "P18-1").exists()


def test_p18_1_partner_offer_outside_the_plan_30_working_days(pemeran):
    ksdd = _ksdd_mitra(
        pemeran,
        dalam_rencana=False,
        pengecualian_rencana=PengecualianRencana.DARURAT,
        alasan_pengecualian="Banjir besar di wilayah perbatasan.",
    )
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    t = _tenggat(ksdd, "P18-1").get()
    assert (t.satuan, t.panjang) == (Satuan.HARI_KERJA, 30)
    assert t.jatuh_tempo == Kalender().tambah_hari_kerja(_hari(50), 30)
    assert not _tenggat(ksdd, "P17-4").exists()
    tanggapi(ksdd, pemeran)
    t.refresh_from_db()
    assert t.status == StatusTenggat.TERPENUHI


def test_rejection_stops_every_running_clock(pemeran):
    mitra = list(Wilayah.objects.filter(kode__in=[BARITO_TIMUR, KAPUAS]).order_by("kode"))
    ksdd = ke_status(ksdd_baru(pemeran, mitra=mitra), Status.MENUNGGU_TANGGAPAN, pemeran)
    services.ksdd_catat_tanggapan(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        mitra=KAPUAS,
        keputusan=Keputusan.DITOLAK,
        nomor="000.3/78/Kps/2026",
        tanggal_surat=_hari(38),
        tanggal_diterima=_hari(36),
        surat=unggahan_pdf("tanggapan.pdf"),
        alasan="Anggaran belum tersedia.",
    )
    assert sorted(_tenggat(ksdd, "P16-4").values_list("status", flat=True)) == sorted(
        [StatusTenggat.TERPENUHI, StatusTenggat.DIHENTIKAN]
    )


def test_batalkan_stops_the_running_clocks(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    services.ksdd_batalkan(ksdd=ksdd, user=pemeran.sekretariat, alasan="Mitra membatalkan.")
    t = _tenggat(ksdd, "P16-4").get()
    assert t.status == StatusTenggat.DIHENTIKAN
    assert t.riwayat.last().riwayat_tahap.aksi == "batalkan"


def test_p22_1b_and_p22_3_start_when_dprd_receives_the_request(pemeran):
    ksdd = ke_status(_ksdd_dprd(pemeran), Status.MENUNGGU_DPRD, pemeran)
    permohonan = ksdd.permohonan_dprd.get()
    kal = Kalender()
    b = _tenggat(ksdd, "P22-1b").get()
    s = _tenggat(ksdd, "P22-3").get()
    assert b.tanggal_peristiwa == s.tanggal_peristiwa == permohonan.tanggal_diterima
    assert b.jatuh_tempo == kal.tambah_hari_kerja(permohonan.tanggal_diterima, 15)
    assert s.jatuh_tempo == kal.tambah_hari_kerja(permohonan.tanggal_diterima, 45)
    assert (b.akibat, s.akibat) == (Akibat.PENGINGAT, Akibat.ANGGAP_SETUJU)
    assert s.kunci == f"P22-3:permohonan:{permohonan.pk}"


def test_p22_2_signed_approval_meets_every_dprd_clock(pemeran):
    ksdd = ke_status(_ksdd_dprd(pemeran), Status.PENYUSUNAN_PKS, pemeran)
    assert set(
        Tenggat.objects.filter(ksdd=ksdd, rule__startswith="P22").values_list("rule", "status")
    ) == {("P22-1b", StatusTenggat.TERPENUHI), ("P22-3", StatusTenggat.TERPENUHI)}


def test_p19_3_kb_signing_starts_the_clock_to_its_end_date(pemeran):
    ksdd = ke_status(_ksdd_dprd(pemeran), Status.PERMOHONAN_DPRD, pemeran)
    kb = ksdd.naskah.get(jenis="kb")
    t = _tenggat(ksdd, "P19-3").get()
    assert t.kunci == f"P19-3:naskah:{kb.pk}"
    assert (t.tanggal_peristiwa, t.jatuh_tempo) == (kb.tanggal_ditandatangani, kb.tanggal_berakhir)
    assert t.panjang == 35  # 3 years less one day from the start, counted from the signing


def test_p12_2_and_p27_1_start_when_the_pks_is_signed(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    pks = ksdd.naskah.get(jenis="pks")
    t = _tenggat(ksdd, "P12-2").get()
    assert t.jatuh_tempo == pks.tanggal_berakhir
    lap = _tenggat(ksdd, "P27-1").get()
    ttd = pks.tanggal_ditandatangani
    akhir = dt.date(ttd.year, 6, 30) if ttd.month <= 6 else dt.date(ttd.year, 12, 31)
    assert lap.jatuh_tempo == akhir  # the end of the semester, not "+6 months"
    assert lap.kunci == f"P27-1:ksdd:{ksdd.pk}:{ttd.year}-{1 if ttd.month <= 6 else 2}"


def test_akhiri_stops_the_running_clocks_of_pelaksanaan(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    services.ksdd_akhiri(ksdd=ksdd, user=pemeran.sekretariat, alasan="Disepakati berakhir.")
    assert set(
        Tenggat.objects.filter(ksdd=ksdd, rule__in=["P19-3", "P12-2", "P27-1"]).values_list(
            "status", flat=True
        )
    ) == {StatusTenggat.DIHENTIKAN}


def test_p37_1_met_by_a_rapat_pleno_of_that_year(pemeran):
    from kersa.deadlines.pekerja import tenggat_periodik_mulai

    hari_ini = timezone.localdate()
    tenggat_periodik_mulai(hari_ini=hari_ini)
    t = Tenggat.objects.get(kunci=f"P37-1:{hari_ini.year}")
    assert t.status == StatusTenggat.BERJALAN
    assert t.jatuh_tempo == dt.date(hari_ini.year, 12, 31)
    ksdd = ke_status(_ksdd_mitra(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
    services.ksdd_catat_rekomendasi_pleno(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        tanggal_rapat=hari_ini,
        nomor_berita_acara="BA/05/TKKSD/2026",
        keputusan=Keputusan.DITERIMA,
        pertimbangan_persetujuan=["c", "d"],
        temuan={"c": "Tercantum dalam RPJMD.", "d": "Dinas siap."},  # P18-5
    )
    t.refresh_from_db()
    assert t.status == StatusTenggat.TERPENUHI
