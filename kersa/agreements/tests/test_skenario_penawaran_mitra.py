"""Scenario: Kabupaten Kapuas offers a KSDD to Barito Selatan (Pasal 17–18; P17-1…3,
P17-4, P18-1, P18-2, P18-3, P18-4, P18-5).

The offer letter arrives on Monday 2 March 2026 and is recorded that very day: it is the
first step of a KSDD a partner initiates; no KAK of ours is asked for, the partner's KAK
comes with the letter. The Bupati's reply period starts at receipt (the day itself not
counted):

- outside this year's KSDD plan, 30 working days (P18-1), counted by hand across the
  2026 SKB holidays:

      March: 3 4 5 6 | 9 10 11 12 13 | 16 17 (18 cuti bersama Nyepi, 19 Nyepi,
             20 23 24 Idul Fitri / cuti bersama) 25 26 27 | 30 31          -> 16
      April: 1 2 (3 Wafat Yesus Kristus) | 6-10 | 13-17 | 20 21             -> 30
      => Tuesday 21 April 2026; and a Rapat Pleno decision is required first (P18-3).

- in the plan, 30 calendar days (P17-4): Wednesday 1 April 2026; no pleno is needed.

A second request of the partner: 15 calendar days in the plan (P17-4, the mirror of
P16-6), 15 working days outside it (P18-2). Received Monday 6 April 2026:
in plan Tuesday 21 April; outside: 7-10 | 13-17 | 20-24 | 27 -> Monday 27 April 2026.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.agreements import services
from kersa.agreements.choices import (
    AlasanPenolakan,
    Kategori,
    Keputusan,
    KriteriaTelaah,
    Pemrakarsa,
    PengecualianRencana,
    PertimbanganPersetujuan,
    Status,
)
from kersa.agreements.models import Bentuk, RiwayatTahap, Tujuan, Urusan
from kersa.agreements.selectors import transisi_tersedia
from kersa.agreements.workflow import TRANSISI
from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import Satuan, StatusTenggat
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import Tenggat
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import unggahan_pdf
from kersa.regions.models import Wilayah

WIB = ZoneInfo("Asia/Jakarta")
KAPUAS = "62.03"
DITERIMA = dt.date(2026, 3, 2)  # Monday
BATAS_P18_1 = dt.date(2026, 4, 21)  # Tuesday: 30 working days, by hand (docstring)
BATAS_P17_4 = dt.date(2026, 4, 1)  # Wednesday: 30 calendar days
KEDUA_DITERIMA = dt.date(2026, 4, 6)  # Monday
BATAS_KEDUA_DALAM = dt.date(2026, 4, 21)  # 15 calendar days
BATAS_KEDUA_LUAR = dt.date(2026, 4, 27)  # 15 working days
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _pukul(tanggal: dt.date, jam: int = 10, menit: int = 0) -> dt.datetime:
    return dt.datetime.combine(tanggal, dt.time(jam, menit), tzinfo=WIB)


def _rules(exc) -> list[str]:
    return [p.rule for p in exc.value.pelanggaran]


def _ksdd_kapuas(pemeran, *, dalam_rencana: bool, dianggarkan: bool = True):
    """The KSDD of Kapuas's offer as the clerk registers it: no KAK written by us."""
    rencana = (
        {"dalam_rencana": True, "dokumen_rencana": "RPJMD 2025–2029"}
        if dalam_rencana
        else {
            "dalam_rencana": False,
            "pengecualian_rencana": PengecualianRencana.DARURAT,
            "alasan_pengecualian": "Banjir di hulu Sungai Kapuas memutus jalur rujukan.",
        }
    )
    return services.ksdd_create(
        user=pemeran.sekretariat,
        judul="Penanganan Banjir dan Rujukan Kesehatan Lintas Daerah Kapuas – Barito Selatan",
        perangkat_daerah=pemeran.operator.perangkat_daerah,
        kategori=Kategori.WAJIB,
        bentuk=Bentuk.objects.get(kode="a"),
        mitra=[Wilayah.objects.get(kode=KAPUAS)],
        urusan=[Urusan.objects.get(kode="a.2")],
        tujuan=list(Tujuan.objects.filter(kode__in=["b", "c"])),
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=Wilayah.objects.get(kode=KAPUAS),
        eksternalitas="Warga perbatasan Kapuas berobat ke RSUD Jaraga Sasameh Buntok.",
        lokasi="Kecamatan Dusun Hilir",
        nilai_anggaran=250_000_000,
        sumber_dana="APBD Kabupaten Barito Selatan",
        dianggarkan_apbd=dianggarkan,
        nomor_dpa="DPA/1.02.0.00.0.00.01.0000/2026" if dianggarkan else "",
        membebani_masyarakat=False,
        jangka_waktu_bulan=24,
        **rencana,
    )


def _catat_penawaran(ksdd, pemeran, **ubah):
    return services.ksdd_catat_penawaran(
        **{
            "ksdd": ksdd,
            "user": pemeran.sekretariat,
            "nomor": "000.3/045/Pem-Kps/2026",
            "tanggal_surat": dt.date(2026, 2, 26),
            "penandatangan": "Bupati Kapuas",
            "penerimaan": {KAPUAS: DITERIMA},
            "surat": unggahan_pdf("penawaran-kapuas.pdf", "Surat penawaran Bupati Kapuas"),
            "kak": unggahan_pdf("kak-kapuas.pdf", "KAK Kabupaten Kapuas"),
            "kak_bagian": {
                "latar_belakang": "Banjir tahunan memutus akses warga ke RSUD Kapuas.",
                "lokasi": "Kecamatan Dusun Hilir dan Kecamatan Mantangai.",
            },
            **ubah,
        }
    )


def _telaah(ksdd, pemeran, tanggal: dt.date):
    return services.ksdd_catat_telaah_kak_mitra(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        tanggal=tanggal,
        layak=True,
        temuan={c: (True, f"KAK Kapuas memenuhi: {label}") for c, label in KriteriaTelaah.choices},
        kesimpulan="KAK Kabupaten Kapuas layak ditindaklanjuti.",
        tanggal_disampaikan=tanggal,
    )


def _pleno(ksdd, pemeran, tanggal: dt.date, **ubah):
    return services.ksdd_catat_rekomendasi_pleno(
        **{
            "ksdd": ksdd,
            "user": pemeran.sekretariat,
            "tanggal_rapat": tanggal,
            "nomor_berita_acara": "BA/05/TKKSD/2026",
            "keputusan": Keputusan.DITERIMA,
            "pertimbangan_persetujuan": [
                PertimbanganPersetujuan.SANGAT_MENDESAK,
                PertimbanganPersetujuan.ANGGARAN_TERSEDIA,
                PertimbanganPersetujuan.PD_SIAP,
            ],
            "temuan": {
                "a": "Banjir memutus akses rujukan setiap musim hujan.",
                "b": "DPA Dinas Kesehatan 2026 memuat kegiatan rujukan.",
                "d": "Dinas Kesehatan menyiapkan tim dan ambulans.",
            },
            "uraian": "Rapat Pleno TKKSD membahas penawaran Kabupaten Kapuas.",
            **ubah,
        }
    )


def _tanggapan(ksdd, pemeran, tanggal: dt.date, **ubah):
    return services.ksdd_catat_tanggapan(
        **{
            "ksdd": ksdd,
            "user": pemeran.sekretariat,
            "mitra": KAPUAS,
            "keputusan": Keputusan.DITERIMA,
            "nomor": "000.3/090/Pem/2026",
            "tanggal_surat": tanggal,
            "tanggal_diterima": tanggal,
            "surat": unggahan_pdf("tanggapan-bupati.pdf", "Tanggapan Bupati Barito Selatan"),
            **ubah,
        }
    )


def _worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_p17_1_p18_1_p18_3_kapuas_offer_outside_plan_recorded_on_arrival_due_21_april(
    acuan, pemeran
):
    """P17-1…3, P18-1, P18-3 through the real services and the real worker."""
    with time_machine.travel(_pukul(DITERIMA), tick=False) as waktu:
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=False)
        # P17-1: the partner's offer is the first step; no KAK of ours is asked for.
        assert ksdd.status == Status.MENYIAPKAN_PENAWARAN
        assert ksdd.kak.bagian_kosong()  # our KAK is empty, and that blocks nothing
        tersedia = {t.nama for t in transisi_tersedia(ksdd, pemeran.sekretariat)}
        assert "catat_penawaran" in tersedia and "ajukan_kak" not in tersedia
        assert TRANSISI["catat_penawaran"].hambatan_penuh(ksdd) == []
        assert _rules_of(TRANSISI["ajukan_kak"].hambatan_penuh(ksdd)) == ["P13"]

        # P17-1: the partner's KAK is required with its letter.
        with pytest.raises(RuleViolation) as exc:
            _catat_penawaran(ksdd, pemeran, kak=None)
        assert _rules(exc) == ["P17-1"] and "Pasal 17 ayat 1" in exc.value.detail
        assert not Tenggat.objects.filter(ksdd=ksdd).exists()  # nothing half-saved

        _catat_penawaran(ksdd, pemeran)
        ksdd.refresh_from_db()
        assert ksdd.status == Status.MENUNGGU_TANGGAPAN
        penawaran = ksdd.penawaran.get()
        assert penawaran.berkas_kak.jenis == JenisBerkas.KAK_MITRA
        assert ksdd.kak.latar_belakang.startswith("Banjir tahunan")  # as far as filled
        assert ksdd.kak.manfaat == ""

        # P18-1: from receipt, 30 working days across the 2026 SKB holidays.
        jam = Tenggat.objects.get(ksdd=ksdd, rule="P18-1")
        assert (jam.tanggal_peristiwa, jam.satuan, jam.panjang) == (
            DITERIMA,
            Satuan.HARI_KERJA,
            30,
        )
        assert jam.jatuh_tempo == BATAS_P18_1
        assert jam.jatuh_tempo.weekday() == 1  # a Tuesday
        assert not Tenggat.objects.filter(ksdd=ksdd, rule="P17-4").exists()
        _worker()  # the notice of the new stage, sent by the worker process

        # P17-2, P18-3: before the reply, TKKSD's review and a pleno decision.
        blok = TRANSISI["catat_tanggapan"].hambatan_penuh(ksdd)
        assert _rules_of(blok) == ["P17-2", "P18-3"]
        assert "Pasal 18 ayat 1 dan 3" in str(blok[1].detail)

        waktu.move_to(_pukul(dt.date(2026, 4, 14)))
        _telaah(ksdd, pemeran, dt.date(2026, 4, 14))
        ksdd.refresh_from_db()
        assert ksdd.status == Status.MENUNGGU_TANGGAPAN  # the clock runs on
        with pytest.raises(RuleViolation) as exc:
            _tanggapan(ksdd, pemeran, dt.date(2026, 4, 14))
        assert _rules(exc) == ["P18-3"]

        # The daily scan through the worker on the last day: still running.
        waktu.move_to(_pukul(BATAS_P18_1, 0, 5))
        call_command("pindai_tenggat", "--antrekan", verbosity=0)
        _worker()
        jam.refresh_from_db()
        assert jam.status == StatusTenggat.BERJALAN

        waktu.move_to(_pukul(BATAS_P18_1, 9))
        _pleno(ksdd, pemeran, BATAS_P18_1)
        ksdd.refresh_from_db()
        assert TRANSISI["catat_tanggapan"].hambatan_penuh(ksdd) == []
        _tanggapan(ksdd, pemeran, BATAS_P18_1)
        ksdd.refresh_from_db()
        assert ksdd.status == Status.PENYUSUNAN_KB
        jam.refresh_from_db()
        assert (jam.status, jam.selesai_pada) == (StatusTenggat.TERPENUHI, BATAS_P18_1)

        # The next day's scan through the worker finds nothing missed.
        waktu.move_to(_pukul(BATAS_P18_1 + dt.timedelta(days=1), 0, 5))
        call_command("pindai_tenggat", "--antrekan", verbosity=0)
        _worker()
        jam.refresh_from_db()
        assert jam.status == StatusTenggat.TERPENUHI
        riwayat = list(RiwayatTahap.objects.filter(ksdd=ksdd).values_list("aksi", flat=True))
        assert riwayat[:2] == ["buat", "catat_penawaran"]
        assert "ajukan_kak" not in riwayat and "catat_petunjuk_tertulis" not in riwayat


def _rules_of(pelanggaran) -> list[str]:
    return [p.rule for p in pelanggaran]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_p17_4_kapuas_offer_inside_plan_due_1_april_without_pleno(acuan, pemeran):
    """P17-4: in the plan, 30 calendar days from receipt, and no Rapat Pleno (P18-3)."""
    with time_machine.travel(_pukul(DITERIMA), tick=False) as waktu:
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=True)
        _catat_penawaran(ksdd, pemeran)
        ksdd.refresh_from_db()
        jam = Tenggat.objects.get(ksdd=ksdd, rule="P17-4")
        assert (jam.satuan, jam.panjang, jam.jatuh_tempo) == (
            Satuan.HARI_KALENDER,
            30,
            BATAS_P17_4,
        )
        assert BATAS_P17_4.weekday() == 2  # a Wednesday
        assert not Tenggat.objects.filter(ksdd=ksdd, rule="P18-1").exists()
        _worker()

        waktu.move_to(_pukul(dt.date(2026, 3, 25)))
        _telaah(ksdd, pemeran, dt.date(2026, 3, 25))
        ksdd.refresh_from_db()
        assert TRANSISI["catat_tanggapan"].hambatan_penuh(ksdd) == []  # no pleno needed
        _tanggapan(ksdd, pemeran, dt.date(2026, 3, 25))
        ksdd.refresh_from_db()
        assert ksdd.status == Status.PENYUSUNAN_KB and not ksdd.rekomendasi_pleno.exists()
        jam.refresh_from_db()
        assert (jam.status, jam.selesai_pada) == (StatusTenggat.TERPENUHI, dt.date(2026, 3, 25))

        waktu.move_to(_pukul(BATAS_P17_4 + dt.timedelta(days=1), 0, 5))
        call_command("pindai_tenggat", "--antrekan", verbosity=0)
        _worker()
        jam.refresh_from_db()
        assert jam.status == StatusTenggat.TERPENUHI


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("dalam_rencana", "rule", "satuan", "batas"),
    [
        (True, "P17-4", Satuan.HARI_KALENDER, BATAS_KEDUA_DALAM),
        (False, "P18-2", Satuan.HARI_KERJA, BATAS_KEDUA_LUAR),
    ],
    ids=["dalam-rencana-15-hari-kalender", "luar-rencana-15-hari-kerja"],
)
def test_p18_2_second_request_15_calendar_days_in_plan_15_working_days_outside(
    pemeran, dalam_rencana, rule, satuan, batas
):
    with time_machine.travel(_pukul(KEDUA_DITERIMA), tick=False):
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=dalam_rencana)
        _catat_penawaran(ksdd, pemeran)
        ksdd.refresh_from_db()
        services.ksdd_catat_permintaan_kedua(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            mitra=KAPUAS,
            nomor="000.3/061/Pem-Kps/2026",
            tanggal_surat=dt.date(2026, 4, 3),
            tanggal_diterima=KEDUA_DITERIMA,
        )
        kedua = (
            Tenggat.objects.get(ksdd=ksdd, kunci__contains=":kedua:")
            if dalam_rencana
            else (Tenggat.objects.get(ksdd=ksdd, rule="P18-2"))
        )
        assert (kedua.rule, kedua.satuan, kedua.panjang) == (rule, satuan, 15)
        assert kedua.tanggal_peristiwa == KEDUA_DITERIMA
        assert kedua.jatuh_tempo == batas
        kal = Kalender()
        if dalam_rencana:
            assert batas == KEDUA_DITERIMA + dt.timedelta(days=15)
            assert not Tenggat.objects.filter(ksdd=ksdd, rule="P18-2").exists()
        else:
            assert batas == kal.tambah_hari_kerja(KEDUA_DITERIMA, 15)


@pytest.mark.django_db
def test_p18_5_acceptance_findings_contradicted_by_the_record_are_refused(pemeran):
    """P18-5: a finding per ground; "budget available" while not budgeted and "in the
    planning documents" while not are refused naming the Pasal; nothing is saved."""
    with time_machine.travel(_pukul(DITERIMA), tick=False):
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=False, dianggarkan=False)
        _catat_penawaran(ksdd, pemeran)
        ksdd.refresh_from_db()
        _telaah(ksdd, pemeran, DITERIMA)
        ksdd.refresh_from_db()
        with pytest.raises(RuleViolation) as exc:
            _pleno(
                ksdd,
                pemeran,
                DITERIMA,
                pertimbangan_persetujuan=["b", "c", "d"],
                temuan={"b": "Anggaran tersedia.", "c": "Tercantum.", "d": "Siap."},
            )
        teks = [str(p.detail) for p in exc.value.pelanggaran]
        assert _rules(exc) == ["P18-5", "P18-5"]
        assert "Pasal 18 ayat 5 huruf b" in teks[0] and "belum dianggarkan" in teks[0]
        assert "Pasal 18 ayat 5 huruf c" in teks[1]
        # A ground without its finding.
        with pytest.raises(RuleViolation) as exc:
            _pleno(ksdd, pemeran, DITERIMA, pertimbangan_persetujuan=["a", "d"], temuan={"a": "x"})
        assert _rules(exc) == ["P18-5"] and "Pasal 18 ayat 5" in exc.value.detail
        assert "d. Perangkat Daerah siap" in exc.value.detail
        assert not ksdd.rekomendasi_pleno.exists()
        _pleno(
            ksdd,
            pemeran,
            DITERIMA,
            pertimbangan_persetujuan=["a", "d"],
            temuan={"a": "Banjir.", "d": "Dinas siap.", "b": "dropped: not a ground cited"},
        )
        rek = ksdd.rekomendasi_pleno.get()
        assert rek.temuan == {"a": "Banjir.", "d": "Dinas siap."}


@pytest.mark.django_db
def test_p18_4_rejection_ground_contradicted_is_warned_and_kept_only_with_a_reason(pemeran):
    """P18-4 (WARN): "no budget" while the KSDD is budgeted goes on only with a reason,
    which the history keeps."""
    with time_machine.travel(_pukul(DITERIMA), tick=False):
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=False, dianggarkan=True)
        _catat_penawaran(ksdd, pemeran)
        ksdd.refresh_from_db()
        _telaah(ksdd, pemeran, DITERIMA)
        ksdd.refresh_from_db()
        tolak = {
            "keputusan": Keputusan.DITOLAK,
            "alasan_penolakan": [AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA],
            "pertimbangan_persetujuan": [],
            "temuan": {"b": "Pagu DPA tidak mencukupi untuk wilayah Kapuas."},
        }
        with pytest.raises(RuleViolation) as exc:
            _pleno(ksdd, pemeran, DITERIMA, **tolak)
        assert _rules(exc) == ["P18-4"] and "Pasal 18 ayat 4 huruf b" in exc.value.detail
        assert exc.value.pelanggaran[0].field == "alasan_peringatan"
        alasan = "DPA 2026 hanya memuat wilayah Barito Selatan; perlu perubahan APBD."
        _pleno(ksdd, pemeran, DITERIMA, alasan_peringatan=alasan, **tolak)
        rek = ksdd.rekomendasi_pleno.get()
        assert rek.alasan_peringatan == alasan
        row = ksdd.riwayat.get(aksi="catat_rekomendasi_pleno")
        assert "Peringatan (Pasal 18 ayat 4)" in row.alasan and alasan in row.alasan


@pytest.mark.django_db
def test_p17_1_partner_offer_through_the_web_form_and_the_pleno_page(pemeran):
    """P17-1, P18-3, P18-5 on the pages: the offer form asks for the partner's KAK and
    none of ours; the reply page lists the blockers the guards compute; the pleno form
    refuses a contradicted finding with its Pasal."""
    with time_machine.travel(_pukul(DITERIMA), tick=False):
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=False, dianggarkan=False)
        c = Client()
        c.force_login(pemeran.sekretariat)
        url = reverse("agreements:langkah", args=[ksdd.pk, "catat_penawaran"])
        page = c.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert 'name="kak"' in html and 'name="kak_latar_belakang"' in html
        assert 'id="hambatan"' not in html  # nothing blocks: no KAK of ours
        r = c.post(
            url,
            {
                "versi": ksdd.versi,
                "nomor": "000.3/045/Pem-Kps/2026",
                "tanggal_surat": "26-02-2026",
                "penandatangan": "Bupati Kapuas",
                "diterima_62_03": "02-03-2026",
                "surat": unggahan_pdf("penawaran-kapuas.pdf"),
                "kak": unggahan_pdf("kak-kapuas.pdf"),
                "kak_lokasi": "Kecamatan Mantangai.",
            },
        )
        assert r.status_code == 302, r.content.decode()[:2000]
        ksdd.refresh_from_db()
        assert ksdd.status == Status.MENUNGGU_TANGGAPAN
        assert ksdd.kak.lokasi == "Kecamatan Mantangai."
        assert Tenggat.objects.get(ksdd=ksdd, rule="P18-1").jatuh_tempo == BATAS_P18_1

        # The reply page: the blockers of the very guard functions.
        halaman = c.get(reverse("agreements:langkah", args=[ksdd.pk, "catat_tanggapan"]))
        html = halaman.content.decode()
        for p in TRANSISI["catat_tanggapan"].hambatan_penuh(ksdd):
            assert p.rule in html and str(p.detail) in html
        assert [h["rule"] for h in halaman.context["hambatan"]] == ["P17-2", "P18-3"]

        _telaah(ksdd, pemeran, DITERIMA)
        ksdd.refresh_from_db()
        pleno = reverse("agreements:langkah", args=[ksdd.pk, "catat_rekomendasi_pleno"])
        assert 'name="temuan_setuju_b"' in c.get(pleno).content.decode()
        r = c.post(
            pleno,
            {
                "versi": ksdd.versi,
                "tanggal_rapat": "02-03-2026",
                "nomor_berita_acara": "BA/05/TKKSD/2026",
                "keputusan": "diterima",
                "pertimbangan_persetujuan": ["b", "d"],
                "temuan_setuju_b": "Anggaran tersedia.",
                "temuan_setuju_d": "Dinas siap.",
            },
        )
        assert r.status_code == 200
        assert "Pasal 18 ayat 5 huruf b" in r.content.decode()
        assert not ksdd.rekomendasi_pleno.exists()
        r = c.post(
            pleno,
            {
                "versi": ksdd.versi,
                "tanggal_rapat": "02-03-2026",
                "nomor_berita_acara": "BA/05/TKKSD/2026",
                "keputusan": "diterima",
                "pertimbangan_persetujuan": ["a", "d"],
                "temuan_setuju_a": "Banjir memutus akses rujukan.",
                "temuan_setuju_d": "Dinas siap.",
            },
        )
        assert r.status_code == 302
        assert ksdd.rekomendasi_pleno.get().temuan == {
            "a": "Banjir memutus akses rujukan.",
            "d": "Dinas siap.",
        }


@pytest.mark.django_db
def test_p17_1_partner_offer_and_pleno_findings_through_the_api(pemeran):
    """P17-1, P17-2, P18-5 through the API: the offer with its KAK, the review of the
    partner's KAK, and a contradicted finding refused with 422 and the rule."""
    import json

    with time_machine.travel(_pukul(DITERIMA), tick=False):
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=False, dianggarkan=False)
        api = APIClient()
        api.force_login(pemeran.sekretariat)

        def post(aksi, data):
            url = reverse(f"api:ksdd-{aksi}", kwargs={"pk": ksdd.pk})
            return api.post(url, data, format="multipart")

        detail = api.get(reverse("api:ksdd-detail", kwargs={"pk": ksdd.pk})).json()
        langkah = {t["nama"]: t["hambatan"] for t in detail["transisi"]}
        assert langkah["catat_penawaran"] == [] and "ajukan_kak" not in langkah
        r = post(
            "catat_penawaran",
            {
                "nomor": "000.3/045/Pem-Kps/2026",
                "tanggal_surat": "2026-02-26",
                "penandatangan": "Bupati Kapuas",
                "penerimaan": json.dumps({KAPUAS: "2026-03-02"}),
                "surat": unggahan_pdf("penawaran-kapuas.pdf"),
                "kak": unggahan_pdf("kak-kapuas.pdf"),
                "kak_bagian": json.dumps({"manfaat": "Akses rujukan saat banjir."}),
            },
        )
        assert r.status_code == 200, r.json()
        ksdd.refresh_from_db()
        assert ksdd.kak.manfaat == "Akses rujukan saat banjir."
        assert Tenggat.objects.get(ksdd=ksdd, rule="P18-1").jatuh_tempo == BATAS_P18_1

        temuan = {c: {"sesuai": True, "uraian": f"Memenuhi {c}"} for c in KriteriaTelaah.values}
        r = post(
            "catat_telaah_kak_mitra",
            {
                "tanggal": "2026-03-02",
                "temuan": json.dumps(temuan),
                "layak": "true",
                "kesimpulan": "KAK Kapuas layak.",
                "tanggal_disampaikan": "2026-03-02",
            },
        )
        assert r.status_code == 200, r.json()
        r = post(
            "catat_rekomendasi_pleno",
            {
                "tanggal_rapat": "2026-03-02",
                "nomor_berita_acara": "BA/05/TKKSD/2026",
                "keputusan": "diterima",
                "pertimbangan_persetujuan": json.dumps(["b"]),
                "temuan": json.dumps({"b": "Anggaran tersedia."}),
            },
        )
        assert r.status_code == 422
        body = r.json()
        assert body["rule"] == "P18-5" and "Pasal 18 ayat 5 huruf b" in json.dumps(body)


@pytest.mark.django_db
def test_p17_1_partner_kak_parts_filled_later_until_tkksd_reviews_it(pemeran):
    """P17-1: the clerk fills the partner's KAK parts as far as known, also after the
    offer is recorded; once TKKSD has reviewed it (P17-2) it is fixed (P14-3)."""
    with time_machine.travel(_pukul(DITERIMA), tick=False):
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=True)
        _catat_penawaran(ksdd, pemeran)
        ksdd.refresh_from_db()
        services.kak_update(ksdd=ksdd, user=pemeran.sekretariat, manfaat="Rujukan saat banjir.")
        ksdd.refresh_from_db()
        assert ksdd.kak.manfaat == "Rujukan saat banjir."
        assert ksdd.kak.latar_belakang.startswith("Banjir tahunan")
        _telaah(ksdd, pemeran, DITERIMA)
        ksdd.refresh_from_db()
        with pytest.raises(RuleViolation) as exc:
            services.kak_update(ksdd=ksdd, user=pemeran.sekretariat, manfaat="Diubah.")
        assert _rules(exc) == ["P14-3"]
        with pytest.raises(RuleViolation) as exc:  # reviewed once (P17-2)
            _telaah(ksdd, pemeran, DITERIMA)
        assert _rules(exc) == ["P17-2"]
