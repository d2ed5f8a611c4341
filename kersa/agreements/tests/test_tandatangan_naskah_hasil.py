"""P11 BLOCK (P11-1, P11-3, P19-3): the checker reads the KB KERSA itself generates.

Issue 13 item 3, on real files: the Kesepakatan Bersama is generated from the scenario's
KSDD by the document service (docxtpl template, ``dokumen_hasilkan``), then edited as a
drafter would with python-docx — the placeholders the record cannot fill are filled in —
and stored as the agreed version. That copy signs. Edited copies of it are refused, each
refusal quoting the text it read:

- one ``[...diisi: …]`` placeholder left;
- the blank date line "Pada hari ini, ……" (as the generator writes it before the signing
  date is known, and as typed by hand);
- the komparisi "Senin, tanggal dua bulan Februari 2026" while the KB is signed on
  14 November 2026 (the demo's text of the issue);
- a party or the duration that is not the record's.

The KSDD is walked on 2 December 2026 (time_machine); the scenario signs on Saturday
14 November 2026 (``tanggal_ttd_kb``).
"""

import datetime as dt
import io
import re
from zoneinfo import ZoneInfo

import docx
import pytest
import time_machine

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.workflow import TRANSISI
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import _penandatangan, ke_status, tanggal_ttd_kb
from kersa.documents import pemeriksa
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas, Dokumen
from kersa.documents.services.hasilkan import dokumen_hasilkan
from kersa.documents.services.versi import versi_tambah
from kersa.documents.teks import teks_docx

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
NOMOR_MITRA = "100.3/21/Pem/2026"

# What the drafter writes where the generator left "[...diisi: …...]" (the partner's data)
ISI_MITRA = {
    "nomor": NOMOR_MITRA,
    "nama tanpa gelar": "Ampera AY Mebas",
    "nomor keputusan": "100.2.1.3-1012 Tahun 2025",
    "tanggal keputusan": "14 Februari 2025",
    "masa jabatan": "2025–2030",
    "alamat": "Jalan Tjilik Riwut Km. 5, Tamiang Layang",
    "Perangkat Daerah": "Dinas Kesehatan Kabupaten Barito Timur",
}
_ISIAN = re.compile(r"\[\.\.\.diisi: ([^\]]*?)\.\.\.\]")


@pytest.fixture(autouse=True)
def _hari_ini():
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=WIB), tick=False):
        yield


def _paragraf(document):
    yield from document.paragraphs
    for tabel in document.tables:
        for baris in tabel.rows:
            for sel in baris.cells:
                yield from sel.paragraphs


def _sunting(data: bytes, ubah) -> bytes:
    """The DOCX with ``ubah(teks) -> teks`` applied to every paragraph (tables too); a
    changed paragraph keeps its first run's formatting."""
    document = docx.Document(io.BytesIO(data))
    for p in _paragraf(document):
        lama = p.text
        baru = ubah(lama)
        if baru != lama and p.runs:
            p.runs[0].text = baru
            for r in p.runs[1:]:
                r.text = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _isi_mitra(teks: str, kecuali: str = "") -> str:
    def ganti(m):
        kunci = next((k for k in ISI_MITRA if m[1].startswith(k)), None)
        if m[1] == kecuali or kunci is None:
            return m[0]
        return ISI_MITRA[kunci]

    return _ISIAN.sub(ganti, teks)


def _hasilkan(ksdd, pemeran, **isian) -> bytes:
    """The KB the document service generates for this KSDD, as stored."""
    versi = dokumen_hasilkan(ksdd=ksdd, jenis="kb", user=pemeran.sekretariat, isian=isian)
    with versi.berkas.file.open("rb") as f:
        return f.read()


def _disepakati(ksdd, pemeran, data: bytes):
    """``data`` becomes the agreed version of the KB (the text the signing is checked on)."""
    versi_tambah(
        dokumen=Dokumen.objects.get(ksdd=ksdd, jenis="kb"),
        data=data,
        nama="kb-disepakati.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.sekretariat,
    )


def _ttd(ksdd, pemeran, tanggal=None):
    nomor = Dokumen.objects.get(ksdd=ksdd, jenis="kb").nomor  # the number KERSA gave
    penandatangan = _penandatangan(ksdd, pemeran, pks=False)
    penandatangan[0]["nomor_naskah"] = nomor
    penandatangan[1]["nomor_naskah"] = NOMOR_MITRA
    return services.ksdd_tandatangani_kb(
        ksdd=ksdd,
        user=pemeran.bupati,
        tanggal=tanggal or tanggal_ttd_kb(),
        tempat="Buntok",
        penandatangan=penandatangan,
        naskah=unggahan_pdf("kb-ttd.pdf"),
    )


def _tidak_tersimpan(ksdd):
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_KB
    kb = ksdd.naskah.get(jenis="kb")
    assert kb.tanggal_ditandatangani is None and not kb.penandatangan.exists()
    assert not Berkas.objects.filter(jenis="kb_ttd").exists()


@pytest.fixture
def kb_siap(pemeran, ksdd):
    """The KSDD awaiting the KB's signature and its generated KB, dated the signing day
    and filled in by the drafter: every placeholder replaced."""
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    data = _hasilkan(ksdd, pemeran, tanggal=tanggal_ttd_kb(), tempat="Buntok")
    assert any(_ISIAN.search(t) for t in teks_docx(data))  # what the record cannot know
    lengkap = _sunting(data, _isi_mitra)
    assert not any(pemeriksa.ada_isian(t) for t in teks_docx(lengkap)), [
        t for t in teks_docx(lengkap) if pemeriksa.ada_isian(t)
    ]
    return ksdd, lengkap


def _refused(ksdd, pemeran, data, tanggal=None) -> list:
    """Store ``data`` as the agreed KB; the page's blockers and the service's refusal
    (the same list, P11); nothing saved."""
    _disepakati(ksdd, pemeran, data)
    halaman = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran, tanggal)
    _tidak_tersimpan(ksdd)
    return halaman, exc.value.pelanggaran


def test_p11_generated_kb_filled_in_signs(pemeran, kb_siap):
    ksdd, lengkap = kb_siap
    _disepakati(ksdd, pemeran, lengkap)
    laporan = pemeriksa.periksa_naskah(
        data=lengkap,
        jenis="kb",
        rekaman=pemeriksa.rekaman_ksdd(ksdd, "kb", ditandatangani=tanggal_ttd_kb()),
    )
    assert laporan.lulus, laporan.pelanggaran
    komparisi = next(d for d in laporan.data if d.kode == "komparisi_tanggal")
    assert komparisi.keterangan.startswith(
        "Sabtu, 14 November 2026 (\u201cPada hari ini, Sabtu, tanggal empat belas bulan "
        "November tahun dua ribu dua puluh enam (14-11-2026)"
    )
    assert TRANSISI["tandatangani_kb"].hambatan(ksdd) == []
    _ttd(ksdd, pemeran)
    ksdd.refresh_from_db()
    assert ksdd.naskah.get(jenis="kb").tanggal_ditandatangani == dt.date(2026, 11, 14)


def test_p11_generated_kb_with_one_placeholder_left_refused_quoting_it(pemeran, kb_siap):
    ksdd, _lengkap = kb_siap
    data = _hasilkan(ksdd, pemeran, tanggal=tanggal_ttd_kb(), tempat="Buntok")
    sisa = _sunting(data, lambda t: _isi_mitra(t, kecuali="nomor keputusan"))
    halaman, tolak = _refused(ksdd, pemeran, sisa)
    assert [p.rule for p in tolak] == ["P11"] and halaman == tolak
    (p,) = tolak
    assert p.detail.startswith(
        "Rancangan Kesepakatan Bersama yang disepakati: Naskah masih memuat 1 paragraf "
        "dengan isian kosong: \u201c"
    )
    assert "[...diisi: nomor keputusan" in p.detail and p.detail.endswith("(Pasal 11 ayat 1).")


@pytest.mark.parametrize(
    ("cara", "tertulis"),
    [
        # generated before the signing date is known: the template's dotted blank
        (
            "hasil",
            "\u201cPada hari ini, .........., tanggal .......... bulan .......... tahun ..........",
        ),
        # typed by hand in a copy: the date line of the issue
        (
            "sunting",
            "\u201cPada hari ini, \u2026\u2026, kami yang bertandatangan di bawah ini:\u201d",
        ),
    ],
)
def test_p11_blank_date_line_is_a_missing_komparisi_quoted(pemeran, kb_siap, cara, tertulis):
    ksdd, lengkap = kb_siap
    if cara == "hasil":
        data = _sunting(_hasilkan(ksdd, pemeran, tempat="Buntok"), _isi_mitra)
    else:
        data = _sunting(
            lengkap,
            lambda t: (
                "Pada hari ini, \u2026\u2026, kami yang bertandatangan di bawah ini:"
                if t.startswith("Pada hari ini")
                else t
            ),
        )
    halaman, tolak = _refused(ksdd, pemeran, data)
    (p,) = tolak
    assert halaman == tolak
    assert p.rule == "P11"
    assert p.detail.startswith(
        "Rancangan Kesepakatan Bersama yang disepakati belum memuat bagian: Komparisi "
        f"(masih berisi isian kosong: {tertulis}"
    ), p.detail
    assert p.detail.endswith("(Pasal 11 ayat 1).")


def test_p11_komparisi_of_2_february_refused_when_signed_14_november(pemeran, kb_siap):
    """The demo's text of the issue: "Senin, tanggal dua bulan Februari 2026"."""
    ksdd, lengkap = kb_siap
    data = _sunting(
        lengkap,
        lambda t: re.sub(
            r"^Pada hari ini, .*?\(14-11-2026\)",
            "Pada hari ini, Senin, tanggal dua bulan Februari 2026",
            t,
        ),
    )
    assert "Pada hari ini, Senin, tanggal dua bulan Februari 2026, kami" in " ".join(
        teks_docx(data)
    )
    _disepakati(ksdd, pemeran, data)
    # before the signing date is entered the page cannot know it (a real day, its weekday)
    assert TRANSISI["tandatangani_kb"].hambatan(ksdd) == []
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran, dt.date(2026, 11, 14))
    (p,) = exc.value.pelanggaran
    assert (p.rule, p.field) == ("P11", "tanggal")
    assert p.detail == (
        "Rancangan Kesepakatan Bersama yang disepakati: Tanggal dalam komparisi "
        "(Senin, 2 Februari 2026) tidak sesuai dengan tanggal penandatanganan "
        "(Sabtu, 14 November 2026); tertulis \u201cPada hari ini, Senin, tanggal dua bulan "
        "Februari 2026, kami yang bertandatangan di bawah ini:\u201d "
        "(Pasal 11 ayat 1 huruf a dan ayat 3)."
    )
    _tidak_tersimpan(ksdd)


def test_p11_party_not_the_records_refused_quoting_the_parties(pemeran, kb_siap):
    ksdd, lengkap = kb_siap
    data = _sunting(
        lengkap, lambda t: t.replace("Barito Timur", "Kapuas").replace("BARITO TIMUR", "KAPUAS")
    )
    halaman, tolak = _refused(ksdd, pemeran, data)
    assert halaman == tolak
    pihak = next(p for p in tolak if "pihak" in p.detail.lower())
    assert pihak.rule == "P11"
    assert "Naskah tidak menyebut pihak: Barito Timur (para pihak menurut data KSDD)" in (
        pihak.detail
    )
    assert "tertulis \u201c" in pihak.detail and "Kapuas" in pihak.detail


def test_p11_p19_3_duration_not_the_records_refused_quoting_the_sentence(pemeran, kb_siap):
    ksdd, lengkap = kb_siap
    data = _sunting(lengkap, lambda t: t.replace("3 (tiga) tahun", "6 (enam) tahun"))
    halaman, tolak = _refused(ksdd, pemeran, data)
    assert halaman == tolak
    assert [p.rule for p in tolak] == ["P11", "P19-3"]
    jangka, p19 = tolak
    assert (
        "Jangka waktu dalam naskah (6 tahun) tidak sesuai dengan data KSDD (3 tahun); "
        "tertulis \u201c(1) Kesepakatan Bersama ini berlaku untuk jangka waktu 6 (enam) tahun"
    ) in jangka.detail
    assert "6 tahun melebihi batas paling lama 5 (lima) tahun (Pasal 19 ayat 3)" in p19.detail
