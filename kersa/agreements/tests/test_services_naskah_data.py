"""What the KB and PKS records carry (P10, P12-2, P19-2, P20-1) and the reply to a
partner's offer resting on TKKSD's recommendation (P18-1)."""

import datetime as dt

import pytest

from kersa.agreements import services
from kersa.agreements.choices import JenisNaskah, Keputusan, Pemrakarsa, Status
from kersa.agreements.models import KesepakatanBersama, PerjanjianKerjaSama, Tanggapan
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


def test_p10_p19_2_p20_1_kb_records_rapat_teknis_and_agreement_then_pks_follows(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    kb = KesepakatanBersama.objects.get(ksdd=ksdd)
    pks = PerjanjianKerjaSama.objects.get(ksdd=ksdd)
    # Pasal 10: the two documents of a KSDD; a KB is followed by a PKS (Pasal 11 ayat 4).
    assert {kb.jenis, pks.jenis} == {JenisNaskah.KB, JenisNaskah.PKS}
    # P19-2: discussed in a rapat teknis; P20-1: then agreed with the partner, in that order.
    assert kb.tanggal_rapat_teknis <= kb.tanggal_disepakati <= kb.tanggal_ditandatangani
    assert kb.berkas_rancangan.content_type.endswith("document")


def test_p12_2_pks_duration_is_what_the_parties_agree_even_beyond_five_years(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    mulai = dt.date(2026, 1, 1)
    services.ksdd_sepakati_rancangan_pks(
        ksdd=ksdd,
        user=pemeran.operator,
        tentang=ksdd.judul,
        tanggal_rapat_teknis=ksdd.dibuat_pada.date(),
        tanggal_disepakati=ksdd.dibuat_pada.date(),
        tanggal_mulai=mulai,
        tanggal_berakhir=dt.date(2036, 12, 31),  # ten years: no 5-year limit for a PKS
        rancangan=unggahan_naskah("pks.docx", "pks", semua_bagian=True),
    )
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS
    assert PerjanjianKerjaSama.objects.get(ksdd=ksdd).tanggal_berakhir == dt.date(2036, 12, 31)


def test_p18_1_reply_to_partner_offer_rests_on_tkksd_recommendation(pemeran):
    tabalong = Wilayah.objects.get(kode="63.09")
    ksdd = ksdd_baru(
        pemeran,
        user=pemeran.sekretariat,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=tabalong,
        mitra=[tabalong],
        # outside the plan: the reply rests on a Rapat Pleno (P18-1, P18-3)
        dalam_rencana=False,
        pengecualian_rencana="darurat",
        alasan_pengecualian="Kebakaran hutan dan lahan di perbatasan.",
    )
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_catat_tanggapan(
            ksdd=ksdd,
            user=pemeran.bupati,
            mitra="63.09",
            keputusan=Keputusan.DITERIMA,
            nomor="000.3/90/Pem/2026",
            tanggal_surat=ksdd.dibuat_pada.date(),
            tanggal_diterima=ksdd.dibuat_pada.date(),
            surat=unggahan_pdf(),
        )
    assert exc.value.rule == "P18-3"
    ksdd = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    tanggapan = Tanggapan.objects.get(penawaran__ksdd=ksdd)
    assert tanggapan.rekomendasi is not None
    assert tanggapan.rekomendasi.keputusan == tanggapan.keputusan == Keputusan.DITERIMA
