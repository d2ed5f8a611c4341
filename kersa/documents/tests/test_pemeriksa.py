"""The compliance checker finds every required part of a KB (P11-1) and a PKS (P12-1),
tolerant of numbering, capitals and synonyms, and compares the text with the KSDD
record (parties, duration, dates; a KB at most 5 years: P19-3)."""

import datetime as dt

import pytest

from kersa.documents.bagian import bagian_wajib
from kersa.documents.contoh import docx_bytes, naskah_docx, naskah_paragraf
from kersa.documents.pemeriksa import Rekaman, normal, periksa_naskah

MULAI = dt.date(2026, 1, 1)
BERAKHIR = dt.date(2028, 12, 31)
REKAMAN = Rekaman(("Barito Selatan", "Barito Timur"), MULAI, BERAKHIR)


def _periksa(jenis, rekaman=REKAMAN, **kwargs):
    kwargs.setdefault("mulai", MULAI)
    kwargs.setdefault("berakhir", BERAKHIR)
    return periksa_naskah(data=naskah_docx(jenis, **kwargs), jenis=jenis, rekaman=rekaman)


def _paragraf_ganti(jenis, ganti: dict[str, str], **kwargs) -> bytes:
    """A naskah whose lines are replaced as given (heading text → new text)."""
    teks = [ganti.get(t, t) for t, _judul in naskah_paragraf(jenis, **kwargs)]
    return docx_bytes(*[t for t in teks if t is not None])


@pytest.mark.parametrize("jenis", ["kb", "pks"])
def test_p11_1_p12_1_complete_naskah_has_every_part(jenis):
    laporan = _periksa(jenis)
    assert [b.kode for b in laporan.bagian] == [b.kode for b in bagian_wajib(jenis)]
    assert all(b.ada for b in laporan.bagian), laporan.kurang
    assert all(b.ditemukan_sebagai for b in laporan.bagian)
    assert laporan.lulus
    assert laporan.pelanggaran == []


def test_p11_1_kb_parts_are_those_of_pasal_11():
    kode = [b.kode for b in bagian_wajib("kb")]
    assert kode == [
        "komparisi",
        "para_pihak",
        "konsideran",
        "maksud_tujuan",
        "objek",
        "ruang_lingkup",
        "pelaksanaan",
        "jangka_waktu",
        "surat_menyurat",
        "lain_lain",
        "penutup",
    ]


def test_p12_1_pks_parts_are_those_of_pasal_12():
    kode = [b.kode for b in bagian_wajib("pks")]
    assert {"hak_kewajiban", "pembiayaan", "penyelesaian_perselisihan"} <= set(kode)
    assert {"keadaan_kahar", "pengakhiran"} <= set(kode)
    assert kode[:3] == ["komparisi", "para_pihak", "konsideran"] and kode[-1] == "penutup"


def test_p12_1_missing_parts_reported_by_name():
    laporan = _periksa("pks", tanpa=("keadaan_kahar", "penyelesaian_perselisihan"))
    assert [b.judul for b in laporan.kurang] == ["Penyelesaian Perselisihan", "Keadaan Kahar"]
    (p,) = laporan.pelanggaran
    assert p.rule == "P12-1"
    assert p.detail == (
        "Naskah belum memuat bagian: Penyelesaian Perselisihan, Keadaan Kahar (Pasal 12 ayat 1)."
    )
    assert not laporan.lulus


def test_p11_1_bare_docx_misses_everything():
    laporan = periksa_naskah(data=docx_bytes("KESEPAKATAN BERSAMA"), jenis="kb")
    assert len(laporan.kurang) == 11
    assert laporan.pelanggaran[0].rule == "P11-1"


@pytest.mark.parametrize(
    "baris",
    [
        "PASAL 9 — KEADAAN MEMAKSA",
        "Force Majeure",
        "KEADAAN MEMAKSA (FORCE MAJEURE)",
        "keadaan kahar",
        "IX. Keadaan Kahar",
        "Keadaan Kahr",  # a typo: fuzzy ratio >= 0.85
    ],
)
def test_p12_1_keadaan_kahar_tolerant_variants(baris):
    data = _paragraf_ganti("pks", {"KEADAAN KAHAR": baris})
    laporan = periksa_naskah(data=data, jenis="pks")
    kahar = next(b for b in laporan.bagian if b.kode == "keadaan_kahar")
    assert kahar.ada and kahar.ditemukan_sebagai == baris


def test_p12_1_hak_dan_kewajiban_in_title_case_and_without_numbering():
    teks = [t for t, _j in naskah_paragraf("pks") if not t.startswith("Pasal ")]
    teks = ["Hak Dan Kewajiban" if t == "HAK DAN KEWAJIBAN PARA PIHAK" else t for t in teks]
    laporan = periksa_naskah(data=docx_bytes(*teks), jenis="pks")
    # Without "Pasal N" lines nor bold, the all-caps headings still read as headings…
    hak = next(b for b in laporan.bagian if b.kode == "hak_kewajiban")
    # …and a title-case one is found once marked as a heading by its own numbering.
    assert not hak.ada
    teks = ["5. Hak Dan Kewajiban" if t == "Hak Dan Kewajiban" else t for t in teks]
    laporan = periksa_naskah(data=docx_bytes(*teks), jenis="pks")
    assert next(b for b in laporan.bagian if b.kode == "hak_kewajiban").ada
    assert laporan.kurang == []


def test_p11_1_heading_after_a_pasal_line_in_plain_text():
    data = _paragraf_ganti("kb", {"SURAT-MENYURAT": "Surat Menyurat", "LAIN-LAIN": "Lain lain"})
    laporan = periksa_naskah(data=data, jenis="kb")
    assert laporan.kurang == []


def test_p11_1_body_wording_marks_komparisi_konsideran_penutup():
    laporan = _periksa("kb")
    by = {b.kode: b.ditemukan_sebagai for b in laporan.bagian}
    assert by["komparisi"].startswith("Pada hari ini")
    assert by["konsideran"].startswith("PARA PIHAK terlebih dahulu menerangkan")
    assert by["penutup"] == "PENUTUP"
    data = _paragraf_ganti("kb", {"PENUTUP": None})  # heading gone; "dibuat … rangkap" stays
    laporan = periksa_naskah(data=data, jenis="kb")
    assert "rangkap" in next(b for b in laporan.bagian if b.kode == "penutup").ditemukan_sebagai


def test_p11_1_normalisation():
    assert normal("PASAL 9 — KEADAAN MEMAKSA") == "keadaan memaksa"
    assert normal("BAB II  Ruang-Lingkup.") == "ruang lingkup"
    assert normal("3. Jangka Waktu") == "jangka waktu"
    assert normal("IV) Surat–Menyurat") == "surat menyurat"


def test_p11_parties_mismatch_flagged():
    rekaman = Rekaman(("Barito Selatan", "Kapuas"), MULAI, BERAKHIR)
    laporan = _periksa("kb", rekaman=rekaman)
    pihak = next(d for d in laporan.data if d.kode == "pihak")
    assert pihak.lulus is False and "Kapuas" in pihak.keterangan
    assert [p.rule for p in laporan.pelanggaran] == ["P11"]
    assert not laporan.lulus


def test_p12_duration_mismatch_flagged():
    rekaman = Rekaman(("Barito Selatan", "Barito Timur"), MULAI, dt.date(2027, 12, 31))
    laporan = _periksa("pks", rekaman=rekaman)
    jangka = next(d for d in laporan.data if d.kode == "jangka_waktu")
    assert jangka.lulus is False
    assert "3 tahun" in jangka.keterangan and "2 tahun" in jangka.keterangan
    tanggal = next(d for d in laporan.data if d.kode == "tanggal")
    assert tanggal.lulus is False
    assert {p.rule for p in laporan.pelanggaran} == {"P12"}


def test_p12_duration_agrees_within_a_month():
    rekaman = Rekaman(("Barito Selatan", "Barito Timur"), MULAI, dt.date(2029, 1, 1))
    laporan = _periksa("pks", rekaman=rekaman, berakhir=dt.date(2029, 1, 1))
    assert next(d for d in laporan.data if d.kode == "jangka_waktu").lulus is True
    assert laporan.lulus


def test_p19_3_kb_over_five_years_flagged():
    berakhir = dt.date(2031, 12, 31)  # six years
    rekaman = Rekaman(("Barito Selatan", "Barito Timur"), MULAI, berakhir)
    laporan = _periksa("kb", rekaman=rekaman, berakhir=berakhir)
    p19 = next(d for d in laporan.data if d.kode == "p19_3")
    assert p19.lulus is False and "Pasal 19 ayat 3" in p19.keterangan
    assert [p.rule for p in laporan.pelanggaran] == ["P19-3"]


def test_p19_3_kb_of_five_years_passes():
    berakhir = dt.date(2030, 12, 31)
    rekaman = Rekaman(("Barito Selatan", "Barito Timur"), MULAI, berakhir)
    assert _periksa("kb", rekaman=rekaman, berakhir=berakhir).lulus


def test_p11_unstated_duration_is_not_a_failure():
    laporan = periksa_naskah(data=naskah_docx("kb"), jenis="kb", rekaman=REKAMAN)
    jangka = next(d for d in laporan.data if d.kode == "jangka_waktu")
    assert jangka.lulus is None
    assert laporan.lulus


def test_p11_1_table_cells_are_read():
    from kersa.documents.teks import teks_docx

    data = naskah_docx("kb")
    assert "PENUTUP" in teks_docx(data)


def test_p11_1_generated_naskah_passes(pemeran, ksdd):
    """The KB that KERSA generates (naskah.py) passes its own checker."""
    pytest.importorskip("kersa.documents.services.hasilkan")
    from kersa.agreements.choices import Status
    from kersa.demo.skenario import ke_status
    from kersa.documents.services.hasilkan import dokumen_hasilkan

    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    versi = dokumen_hasilkan(ksdd=ksdd, jenis="kb", user=pemeran.sekretariat)
    with versi.berkas.file.open("rb") as f:
        laporan = periksa_naskah(data=f.read(), jenis="kb", ksdd=ksdd)
    # P11: every part is there but the two the drafter still has to fill (the date
    # of signing and its place): a placeholder is no part, and the report quotes it.
    assert [b.kode for b in laporan.kurang] == ["komparisi", "penutup"], laporan.kurang
    komparisi, penutup = laporan.kurang
    assert komparisi.keterangan.startswith("masih berisi isian kosong: \u201cPada hari ini, ....")
    assert "[...diisi: tempat...]" in penutup.keterangan
    assert not laporan.lulus


# --- P11, P12: placeholders and the komparisi's day and date -------------------------------


def test_kata_angka_reads_what_angka_kata_writes():
    from kersa.core.format import angka_kata, kata_angka

    for n in [*range(0, 120), 1000, 1100, 2000, 2026, 2031, 9999, 1_250_000]:
        assert kata_angka(angka_kata(n)) == n
    assert kata_angka("Empat Belas") == 14
    assert kata_angka("14") == 14
    assert kata_angka("……") is None
    assert kata_angka("dua dua") is None
    assert kata_angka("belas") is None


@pytest.mark.parametrize(
    ("kalimat", "tanggal", "hari"),
    [
        (
            "Pada hari ini Senin tanggal dua bulan Februari tahun dua ribu dua puluh enam, "
            "bertempat di Buntok",
            dt.date(2026, 2, 2),
            "senin",
        ),
        (
            "Pada hari ini, Jum'at, tanggal dua puluh tujuh bulan November tahun dua ribu "
            "dua puluh enam (27-11-2026), kami yang bertanda tangan",
            dt.date(2026, 11, 27),
            "jumat",
        ),
        (
            "Pada hari ini, Sabtu tanggal 14 November 2026 bertempat di Buntok",
            dt.date(2026, 11, 14),
            "sabtu",
        ),
        # the demo's text of issue 13: the day in words, the year in digits
        (
            "Pada hari ini, Senin, tanggal dua bulan Februari 2026, kami yang bertanda tangan",
            dt.date(2026, 2, 2),
            "senin",
        ),
    ],
)
def test_p11_3_komparisi_date_read_from_words_or_digits(kalimat, tanggal, hari):
    from kersa.documents.pemeriksa import tanggal_komparisi

    assert tanggal_komparisi(kalimat)[:2] == (tanggal, hari)


def test_p11_3_komparisi_words_and_digits_must_agree():
    from kersa.documents.pemeriksa import tanggal_komparisi

    t, _hari, alasan = tanggal_komparisi(
        "Pada hari ini, Senin, tanggal dua bulan Februari tahun dua ribu dua puluh enam "
        "(03-02-2026), bertempat di Buntok"
    )
    assert t is None and alasan == "tanggal dalam huruf dan angka (03-02-2026) berbeda"
    t, _hari, alasan = tanggal_komparisi(
        "Pada hari ini, Senin, tanggal tiga puluh bulan Februari tahun dua ribu dua puluh enam"
    )
    assert t is None and alasan == "tanggal tidak ada dalam kalender"


@pytest.mark.parametrize(
    ("teks", "hanya"),
    [
        ("[...diisi: objek...]", True),
        ("[…diisi…]", True),
        ("[diisi]", True),
        ("Pasal ini ……", True),
        ("________", True),
        (".....", True),
        ("Pada hari ini, …… tanggal …… bulan …… tahun ……", False),  # words around blanks
        ("Surat dikirim ke alamat ____ Buntok.", False),
        ("PIHAK KESATU dan PIHAK KEDUA sepakat.", False),
    ],
)
def test_p11_placeholder_recognised(teks, hanya):
    from kersa.documents.pemeriksa import ada_isian, hanya_isian

    assert hanya_isian(teks) is hanya
    assert ada_isian(teks) is (teks != "PIHAK KESATU dan PIHAK KEDUA sepakat.")


def test_p11_jangka_waktu_mismatch_quotes_the_sentence():
    mulai, berakhir = dt.date(2026, 2, 1), dt.date(2029, 1, 31)
    rek = Rekaman(("Barito Selatan", "Barito Timur"), mulai, dt.date(2028, 1, 31))
    laporan = periksa_naskah(
        data=naskah_docx("kb", mulai=mulai, berakhir=berakhir), jenis="kb", rekaman=rek
    )
    (d,) = [d for d in laporan.data if d.kode == "jangka_waktu"]
    assert d.lulus is False
    assert d.keterangan == (
        "Jangka waktu dalam naskah (3 tahun) tidak sesuai dengan data KSDD (2 tahun); tertulis "
        "\u201cKesepakatan Bersama ini berlaku untuk jangka waktu 3 (tiga) tahun, terhitung "
        "sejak tanggal 1 Februari 2026 sampai denga\u2026\u201d."
    )


@pytest.mark.parametrize(
    ("teks", "ada"),
    [
        ("tanggal ... bulan ... tahun ...", True),
        ("tanggal … bulan …", True),
        ("Kegiatan penyuluhan, pelatihan, dan seterusnya…", False),
        ("Kegiatan penyuluhan, pelatihan, dst...", False),
        ("Pemerintah Kabupaten Barito Selatan.", False),
    ],
)
def test_p11_lone_ellipsis_is_a_blank_only_where_it_stands_for_a_word(teks, ada):
    from kersa.documents.pemeriksa import ada_isian

    assert ada_isian(teks) is ada


def test_p11_quote_of_a_long_paragraph_shows_its_placeholder():
    """A placeholder past the quote's length is still what the quote shows (P11, P12)."""
    from kersa.documents.pemeriksa import KUTIP_MAKS, kutip_isian

    teks = (
        "(1) Setiap surat-menyurat yang berkaitan dengan pelaksanaan Kesepakatan Bersama ini "
        "ditujukan kepada alamat berikut: PIHAK KESATU: Pemerintah Kabupaten Barito Selatan, "
        "Jalan Pahlawan Nomor 1, Buntok; PIHAK KEDUA: [...diisi: alamat...]."
    )
    q = kutip_isian(teks)
    assert "[...diisi: alamat...]" in q and q.startswith("\u201c\u2026")
    assert len(q) <= KUTIP_MAKS + 2
    assert kutip_isian("Pasal ini [...diisi...]") == "\u201cPasal ini [...diisi...]\u201d"
