"""Penawaran (Pasal 16–19): our offer and the partners' replies; a partner's offer, the
Rapat Pleno recommendation and our reply; the KB drafted only after acceptance."""

import datetime as dt

import pytest
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import (
    AlasanPenolakan,
    Keputusan,
    Pemrakarsa,
    PengecualianRencana,
    PertimbanganPersetujuan,
    Status,
)
from kersa.agreements.models import Ksdd, Penawaran, RekomendasiPleno, Tanggapan
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import unggahan_docx, unggahan_naskah, unggahan_pdf
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db

BARITO_TIMUR, BARITO_UTARA = "62.13", "62.05"


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _rules(excinfo) -> list[str]:
    return [p.rule for p in excinfo.value.pelanggaran]


def _penawaran(ksdd, user, **ubah):
    data = {
        "nomor": "000.3/150/Pem/2026",
        "tanggal_surat": _hari(30),
        "penandatangan": "Bupati Barito Selatan",
        "penerimaan": {m.kode: _hari(28) for m in ksdd.mitra.all()},
        "surat": unggahan_pdf("surat-penawaran.pdf"),
        # P17-1: a partner's offer comes with its KAK.
        "kak": unggahan_pdf("kak-mitra.pdf") if ksdd.pemrakarsa == Pemrakarsa.MITRA else None,
    }
    data.update(ubah)
    return services.ksdd_catat_penawaran(ksdd=ksdd, user=user, **data)


def _tanggapan(ksdd, user, mitra, keputusan=Keputusan.DITERIMA, **ubah):
    data = {
        "mitra": mitra,
        "keputusan": keputusan,
        "nomor": f"000.3/77/{mitra}/2026",
        "tanggal_surat": _hari(20),
        "tanggal_diterima": _hari(18),
        "surat": unggahan_pdf("surat-tanggapan.pdf"),
    }
    data.update(ubah)
    return services.ksdd_catat_tanggapan(ksdd=ksdd, user=user, **data)


def _pleno(ksdd, user, keputusan=Keputusan.DITERIMA, **ubah):
    data = {
        "tanggal_rapat": _hari(22),
        "nomor_berita_acara": "BA/03/TKKSD/2026",
        "keputusan": keputusan,
        "alasan_penolakan": [],
        "pertimbangan_persetujuan": [],
        "uraian": "Dibahas dalam Rapat Pleno TKKSD.",
    }
    data.update(ubah)
    if "temuan" not in data:
        # P18-4 / P18-5: a finding for each ground cited.
        dasar = data["alasan_penolakan"] + data["pertimbangan_persetujuan"]
        data["temuan"] = {d: f"Temuan atas huruf {d}." for d in dasar}
    return services.ksdd_catat_rekomendasi_pleno(ksdd=ksdd, user=user, **data)


@pytest.fixture
def dua_mitra(pemeran):
    """Our offer to Barito Timur and Barito Utara, letter not yet recorded."""
    mitra = [Wilayah.objects.get(kode=k) for k in (BARITO_TIMUR, BARITO_UTARA)]
    return ke_status(ksdd_baru(pemeran, mitra=mitra), Status.MENYIAPKAN_PENAWARAN, pemeran)


@pytest.fixture
def tawaran_mitra(pemeran):
    """Barito Timur's offer to us, outside the plan (so a pleno is required, P18-3),
    its KAK reviewed by TKKSD (P17-2), waiting for our reply."""
    barito_timur = Wilayah.objects.get(kode=BARITO_TIMUR)
    ksdd = ksdd_baru(
        pemeran,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=barito_timur,
        dalam_rencana=False,
        pengecualian_rencana=PengecualianRencana.DARURAT,
        alasan_pengecualian="Wabah demam berdarah di wilayah perbatasan.",
    )
    return ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)


# --- P16: our offer ---------------------------------------------------------------------


def test_p16_1_offer_recorded_per_partner_with_its_receipt_date(dua_mitra, pemeran):
    _penawaran(
        dua_mitra,
        pemeran.sekretariat,
        penerimaan={BARITO_TIMUR: _hari(28), BARITO_UTARA: _hari(26)},
    )
    assert dua_mitra.status == Status.MENUNGGU_TANGGAPAN
    rows = list(
        Penawaran.objects.filter(ksdd=dua_mitra)
        .order_by("mitra_id")
        .values_list("mitra_id", "arah", "tanggal_diterima")
    )
    assert rows == [
        (BARITO_UTARA, Penawaran.Arah.KELUAR, _hari(26)),
        (BARITO_TIMUR, Penawaran.Arah.KELUAR, _hari(28)),
    ]
    row = dua_mitra.riwayat.last()
    assert (row.aksi, row.rule, row.oleh) == ("catat_penawaran", "P16-3", pemeran.sekretariat)
    assert list(row.berkas.values_list("jenis", flat=True)) == [JenisBerkas.SURAT_PENAWARAN]


def test_p16_3_our_offer_must_be_signed_by_the_bupati(dua_mitra, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _penawaran(dua_mitra, pemeran.sekretariat, penandatangan="Sekretaris Daerah")
    assert _rules(exc) == ["P16-3"]
    assert "Pasal 16 ayat 3" in exc.value.detail
    dua_mitra.refresh_from_db()
    assert dua_mitra.status == Status.MENYIAPKAN_PENAWARAN
    assert not Penawaran.objects.exists()


@pytest.mark.parametrize(
    ("penandatangan", "apa"),
    [
        ("a.n. Bupati Barito Selatan, Sekretaris Daerah", "atas nama (a.n.) Bupati"),
        ("Atas nama Bupati Barito Selatan", "atas nama (a.n.) Bupati"),
        ("Wakil Bupati Barito Selatan", "oleh Wakil Bupati"),
        ("Plh. Bupati Barito Selatan", "oleh Pelaksana Harian (Plh.)"),
        ("Bupati Barito Selatan u.b. Asisten Pemerintahan", "untuk beliau (u.b.)"),
    ],
)
def test_p16_3_letter_signed_for_the_bupati_is_not_signed_by_him(
    dua_mitra, pemeran, penandatangan, apa
):
    """P16-3: "a.n. Bupati", u.b., a Wakil or a Plh. sign for the Bupati, not as him."""
    with pytest.raises(RuleViolation) as exc:
        _penawaran(dua_mitra, pemeran.sekretariat, penandatangan=penandatangan)
    assert _rules(exc) == ["P16-3"]
    assert exc.value.detail == (
        f'Surat penawaran "{penandatangan}" ditandatangani {apa}, bukan ditandatangani oleh '
        "Bupati; surat penawaran KSDD ditandatangani oleh Bupati (Pasal 16 ayat 3)."
    )
    dua_mitra.refresh_from_db()
    assert dua_mitra.status == Status.MENYIAPKAN_PENAWARAN
    assert not Penawaran.objects.exists()
    assert not dua_mitra.berkas.filter(jenis=JenisBerkas.SURAT_PENAWARAN).exists()


def test_p16_3_plt_bupati_signs_only_when_recorded_on_the_letter_date(dua_mitra, pemeran):
    """P16-3 with P20-3's reading: a Plt./Pj. is the head of region only while recorded."""
    from kersa.regions.models import KepalaDaerah

    with pytest.raises(RuleViolation) as exc:
        _penawaran(dua_mitra, pemeran.sekretariat, penandatangan="Plt. Bupati Barito Selatan")
    assert _rules(exc) == ["P16-3"]
    tanggal = _hari(30).strftime("%d-%m-%Y")
    assert f"pada tanggal {tanggal} tidak tercatat Penjabat atau Pelaksana Tugas" in (
        exc.value.detail
    )
    assert not Penawaran.objects.exists()

    KepalaDaerah.objects.create(
        wilayah_id="62.04",
        nama="Ahmad Sutrisno",
        status=KepalaDaerah.Status.PLT,
        nomor_keputusan="100.2.1.3-1234 Tahun 2026",
        tanggal_keputusan=_hari(40),
        mulai=_hari(40),
    )
    _penawaran(dua_mitra, pemeran.sekretariat, penandatangan="Plt. Bupati Barito Selatan")
    assert dua_mitra.status == Status.MENUNGGU_TANGGAPAN
    assert set(Penawaran.objects.values_list("penandatangan", flat=True)) == {
        "Plt. Bupati Barito Selatan"
    }


def test_p16_3_offer_letter_required(dua_mitra, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _penawaran(dua_mitra, pemeran.sekretariat, surat=None)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P16-3", "surat")]


def test_p16_4_receipt_date_required_for_each_partner(dua_mitra, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _penawaran(dua_mitra, pemeran.sekretariat, penerimaan={BARITO_TIMUR: _hari(28)})
    assert _rules(exc) == ["P16-4"]
    assert exc.value.detail.endswith("Kabupaten Barito Utara.")
    assert not Penawaran.objects.exists()


def test_p16_4_receipt_before_the_letter_date_is_refused(dua_mitra, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _penawaran(
            dua_mitra,
            pemeran.sekretariat,
            penerimaan={BARITO_TIMUR: _hari(28), BARITO_UTARA: _hari(31)},
        )
    assert _rules(exc) == ["P13"]


def test_p16_4_offer_to_two_partners_moves_on_only_when_both_accepted(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR)
    assert dua_mitra.status == Status.MENUNGGU_TANGGAPAN
    row = dua_mitra.riwayat.last()
    assert (row.aksi, row.dari, row.ke) == (
        "catat_tanggapan",
        Status.MENUNGGU_TANGGAPAN,
        Status.MENUNGGU_TANGGAPAN,
    )
    _tanggapan(dua_mitra, pemeran.bupati, BARITO_UTARA)
    assert dua_mitra.status == Status.PENYUSUNAN_KB
    row = dua_mitra.riwayat.last()
    assert (row.ke, row.rule, row.oleh) == (Status.PENYUSUNAN_KB, "P19-1", pemeran.bupati)
    assert Tanggapan.objects.filter(penawaran__ksdd=dua_mitra).count() == 2


def test_p16_4_one_rejection_ends_it_ditolak(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR)
    _tanggapan(
        dua_mitra,
        pemeran.sekretariat,
        BARITO_UTARA,
        Keputusan.DITOLAK,
        alasan="Belum tercantum dalam RKPD Barito Utara.",
    )
    assert dua_mitra.status == Status.DITOLAK
    row = dua_mitra.riwayat.last()
    assert (row.dari, row.ke, row.rule) == (Status.MENUNGGU_TANGGAPAN, Status.DITOLAK, "P16-4")
    assert "Belum tercantum dalam RKPD Barito Utara." in row.alasan


def test_p16_4_rejection_needs_a_reason(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR, Keputusan.DITOLAK)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P16-4", "alasan")]
    dua_mitra.refresh_from_db()
    assert dua_mitra.status == Status.MENUNGGU_TANGGAPAN


def test_p16_4_one_reply_per_partner(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR)
    with pytest.raises(RuleViolation) as exc:
        _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR, Keputusan.DITOLAK, alasan="x")
    assert _rules(exc) == ["P16-4"]
    assert Tanggapan.objects.filter(penawaran__ksdd=dua_mitra).count() == 1


# --- P17-1: a partner's offer -----------------------------------------------------------


def test_p17_1_partner_offer_recorded_as_incoming_with_our_receipt_date(pemeran):
    barito_timur = Wilayah.objects.get(kode=BARITO_TIMUR)
    ksdd = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=barito_timur)
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    _penawaran(
        ksdd,
        pemeran.sekretariat,
        penandatangan="Bupati Barito Timur",
        penerimaan={BARITO_TIMUR: _hari(27)},
    )
    penawaran = Penawaran.objects.get(ksdd=ksdd)
    assert (penawaran.mitra_id, penawaran.arah, penawaran.tanggal_diterima) == (
        BARITO_TIMUR,
        Penawaran.Arah.MASUK,
        _hari(27),
    )
    assert ksdd.riwayat.last().rule == "P17-1"


def test_p17_1_partner_offer_needs_the_date_we_received_it(pemeran):
    barito_timur = Wilayah.objects.get(kode=BARITO_TIMUR)
    ksdd = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=barito_timur)
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    with pytest.raises(RuleViolation) as exc:
        _penawaran(ksdd, pemeran.sekretariat, penandatangan="Bupati Barito Timur", penerimaan={})
    assert _rules(exc) == ["P17-4"]
    with pytest.raises(RuleViolation) as exc:  # P17-1: and the partner's KAK
        _penawaran(ksdd, pemeran.sekretariat, penandatangan="Bupati Barito Timur", kak=None)
    assert _rules(exc) == ["P17-1"] and "Pasal 17 ayat 1" in exc.value.detail
    assert not Penawaran.objects.exists()


# --- P18: the Rapat Pleno and our reply ----------------------------------------------------


def test_p18_3_no_reply_without_a_pleno_recommendation(tawaran_mitra, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _tanggapan(tawaran_mitra, pemeran.bupati, BARITO_TIMUR)
    assert _rules(exc) == ["P18-3"]
    assert "Rapat Pleno" in exc.value.detail
    assert not Tanggapan.objects.exists()


def test_p18_3_reply_must_follow_the_pleno_recommendation(tawaran_mitra, pemeran):
    _pleno(
        tawaran_mitra,
        pemeran.ketua,
        pertimbangan_persetujuan=[PertimbanganPersetujuan.SANGAT_MENDESAK],
    )
    with pytest.raises(RuleViolation) as exc:
        _tanggapan(tawaran_mitra, pemeran.bupati, BARITO_TIMUR, Keputusan.DITOLAK, alasan="x")
    assert _rules(exc) == ["P18-3"]
    assert "\u201cDiterima\u201d" in exc.value.detail
    _tanggapan(tawaran_mitra, pemeran.bupati, BARITO_TIMUR)
    assert tawaran_mitra.status == Status.PENYUSUNAN_KB
    tanggapan = Tanggapan.objects.get(penawaran__ksdd=tawaran_mitra)
    assert tanggapan.rekomendasi == RekomendasiPleno.objects.get(ksdd=tawaran_mitra)


def test_p18_3_pleno_recorded_without_moving_the_status(tawaran_mitra, pemeran):
    _pleno(tawaran_mitra, pemeran.ketua, pertimbangan_persetujuan=["a"])
    row = tawaran_mitra.riwayat.last()
    assert (row.aksi, row.dari, row.ke, row.rule, row.oleh) == (
        "catat_rekomendasi_pleno",
        Status.MENUNGGU_TANGGAPAN,
        Status.MENUNGGU_TANGGAPAN,
        "P18-3",
        pemeran.ketua,
    )


def test_p18_3_pleno_needs_its_berita_acara_number(tawaran_mitra, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _pleno(tawaran_mitra, pemeran.ketua, nomor_berita_acara=" ", pertimbangan_persetujuan=["a"])
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P18-3", "nomor_berita_acara")]


def test_p18_3_no_pleno_for_our_own_offer(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _pleno(dua_mitra, pemeran.ketua, pertimbangan_persetujuan=["a"])
    assert _rules(exc) == ["P13"]


@pytest.mark.parametrize("alasan", [[], ["d"], ["a", "z"]])
def test_p18_4_rejection_needs_grounds_a_to_c(tawaran_mitra, pemeran, alasan):
    with pytest.raises(RuleViolation) as exc:
        _pleno(tawaran_mitra, pemeran.ketua, Keputusan.DITOLAK, alasan_penolakan=alasan)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P18-4", "alasan_penolakan")]
    assert not RekomendasiPleno.objects.exists()


def test_p18_4_rejection_on_grounds_ends_the_ksdd(tawaran_mitra, pemeran):
    _pleno(
        tawaran_mitra,
        pemeran.ketua,
        Keputusan.DITOLAK,
        alasan_penolakan=[AlasanPenolakan.TIDAK_DALAM_PERENCANAAN, AlasanPenolakan.PD_BELUM_SIAP],
        pertimbangan_persetujuan=["a"],  # dropped: a rejection keeps only its grounds
        berita_acara=unggahan_docx("ba-pleno.docx", "BERITA ACARA"),
    )
    rekomendasi = RekomendasiPleno.objects.get(ksdd=tawaran_mitra)
    assert (rekomendasi.alasan_penolakan, rekomendasi.pertimbangan_persetujuan) == (["a", "c"], [])
    assert rekomendasi.berkas.jenis == JenisBerkas.BERITA_ACARA_PLENO
    _tanggapan(tawaran_mitra, pemeran.bupati, BARITO_TIMUR, Keputusan.DITOLAK)
    assert tawaran_mitra.status == Status.DITOLAK
    row = tawaran_mitra.riwayat.last()
    assert (row.ke, row.rule) == (Status.DITOLAK, "P18-4")


@pytest.mark.parametrize("pertimbangan", [[], ["e"]])
def test_p18_5_acceptance_needs_grounds_a_to_d(tawaran_mitra, pemeran, pertimbangan):
    with pytest.raises(RuleViolation) as exc:
        _pleno(tawaran_mitra, pemeran.ketua, pertimbangan_persetujuan=pertimbangan)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [
        ("P18-5", "pertimbangan_persetujuan")
    ]
    assert not RekomendasiPleno.objects.exists()


def test_p18_5_acceptance_grounds_are_kept(tawaran_mitra, pemeran):
    _pleno(tawaran_mitra, pemeran.ketua, pertimbangan_persetujuan=["a", "b", "d", "a"])
    rekomendasi = RekomendasiPleno.objects.get(ksdd=tawaran_mitra)
    assert rekomendasi.pertimbangan_persetujuan == ["a", "b", "d"]
    assert rekomendasi.keputusan == Keputusan.DITERIMA


# --- P19-1: the KB only after acceptance ----------------------------------------------------


def _rancangan_kb(ksdd, user):
    mulai = dt.date(timezone.localdate().year + 1, 1, 1)
    return services.ksdd_sepakati_rancangan_kb(
        ksdd=ksdd,
        user=user,
        tentang=ksdd.judul,
        tanggal_rapat_teknis=_hari(10),
        tanggal_disepakati=_hari(8),
        tanggal_mulai=mulai,
        tanggal_berakhir=mulai.replace(year=mulai.year + 3) - dt.timedelta(days=1),
        rancangan=unggahan_naskah("rancangan-kb.docx", "kb", semua_bagian=True),
    )


def test_p19_1_kb_draft_refused_while_a_partner_has_not_accepted(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR)
    with pytest.raises(RuleViolation) as exc:
        _rancangan_kb(dua_mitra, pemeran.operator)
    assert _rules(exc) == ["P13"]
    assert not dua_mitra.naskah.exists()


def test_p19_1_kb_draft_refused_after_rejection(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR, Keputusan.DITOLAK, alasan="x")
    with pytest.raises(RuleViolation) as exc:
        _rancangan_kb(dua_mitra, pemeran.operator)
    assert _rules(exc) == ["P13"]


def test_p19_1_guard_refuses_kb_draft_without_acceptance_even_in_penyusunan_kb(dua_mitra, pemeran):
    # Only reachable by a fault elsewhere: the P19-1 precondition still holds the line.
    _penawaran(dua_mitra, pemeran.sekretariat)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR)
    Ksdd.objects.filter(pk=dua_mitra.pk).update(status=Status.PENYUSUNAN_KB)
    dua_mitra.refresh_from_db()
    with pytest.raises(RuleViolation) as exc:
        _rancangan_kb(dua_mitra, pemeran.operator)
    assert _rules(exc) == ["P19-1"]
    assert "Pasal 19 ayat 1" in exc.value.detail
    assert not dua_mitra.naskah.exists()


def test_p19_1_kb_draft_accepted_after_acceptance(dua_mitra, pemeran):
    _penawaran(dua_mitra, pemeran.sekretariat)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_TIMUR)
    _tanggapan(dua_mitra, pemeran.sekretariat, BARITO_UTARA)
    _rancangan_kb(dua_mitra, pemeran.operator)
    assert dua_mitra.status == Status.PENANDATANGANAN_KB
    assert dua_mitra.naskah.get().jenis == "kb"
