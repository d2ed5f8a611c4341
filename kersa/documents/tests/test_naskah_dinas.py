"""Every document kind of the demo data, as the office signs it (Tata Naskah Dinas,
Permendagri 1/2023): rendered, converted to PDF with LibreOffice and read back page by
page with pdftotext.

Checked on the pages: the regulation's full title wherever it is cited (one constant,
``kersa.core.regulasi.PERBUP``); no signature block starts a page (the page holding the
signer's name also holds the closing paragraph); no page holds only a tembusan; no
``[...diisi`` remains where the record has the data; the extra original of the KB and
PKS carries the paraf hierarki box (P20-4, P24-4) and each signature its meterai's
place; the reports are letters (no inline "Kepada Yth."); the invitation and the DPRD
request sign on page 1; what an agency head signs is on the agency's own letterhead.

Set ``KERSA_NASKAH_DINAS_KELUAR`` to a folder to keep the PDFs (and look at them).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd, Penawaran
from kersa.core.errors import RuleViolation
from kersa.core.regulasi import PERBUP, PERBUP_NOMOR
from kersa.documents.choices import JENIS_REKAMAN, AsalVersi, JenisDokumen
from kersa.documents.konteks import (
    JENIS_PER_MITRA,
    jenis_berlaku,
    konteks_bangun,
    mitra_pilihan,
)
from kersa.documents.konversi import pdf_dari_docx
from kersa.documents.models import Dokumen
from kersa.documents.services.hasilkan import (
    dokumen_hasilkan,
    rangkap_paraf_hierarki,
)
from kersa.documents.services.isi import docx_render
from kersa.reporting.models import LaporanTkksd
from kersa.reporting.services import laporan_tkksd_sampaikan

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Kinds whose demo record legitimately leaves a blank to fill (the record cannot know it).
_ISIAN_BOLEH = {
    # the amended article's number and new wording are the parties' own words
    JenisDokumen.ADDENDUM,
}


def _docx(versi) -> bytes:
    with versi.berkas.file.open("rb") as f:
        return f.read()


def _halaman(pdf: Path) -> list[str]:
    teks = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    halaman = teks.split("\f")
    if halaman and not halaman[-1].strip():
        halaman.pop()
    return halaman


def _satu(teks: str) -> str:
    return " ".join(teks.split())


@pytest.fixture(scope="module")
def dokumen(django_db_setup, django_db_blocker, tmp_path_factory):
    """One DOCX of every kind the demo holds (the rooms' records as the demo generated
    them; each KSDD kind generated from the most advanced demo KSDD that allows it),
    each converted once; rolled back after."""
    folder = Path(os.environ.get("KERSA_NASKAH_DINAS_KELUAR") or tmp_path_factory.mktemp("nd"))
    folder.mkdir(parents=True, exist_ok=True)
    hasil: dict[str, dict] = {}
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))),
        transaction.atomic(),
    ):
        with time_machine.travel(dt.datetime(2026, 11, 30, 9, 0), tick=False):
            call_command("muat_demo", verbosity=0)
            from kersa.accounts.models import User

            sekretariat = User.objects.get(username="sekretariat.tkksd")
            data: dict[str, bytes] = {}
            dokumen_id: dict[str, int] = {}
            # The rooms' records as the demo generated them (never an uploaded draft).
            for dok in Dokumen.objects.filter(jenis__in=JENIS_REKAMAN).order_by("-id"):
                versi = dok.versi.filter(asal=AsalVersi.DIHASILKAN).order_by("-nomor").first()
                if versi is not None:
                    data.setdefault(dok.jenis, _docx(versi))
            lap = LaporanTkksd.objects.filter(dokumen=None).first()
            if JenisDokumen.LAPORAN_TKKSD not in data and lap is not None:
                lap = laporan_tkksd_sampaikan(laporan=lap, user=sekretariat)
                data[JenisDokumen.LAPORAN_TKKSD] = _docx(lap.dokumen.versi.get())
            # Each KSDD kind generated from the most advanced demo KSDD at whose stage
            # it can be generated; a kind no demo KSDD is at (the report to the
            # Gubernur, the reply to a partner's offer) rendered from the record as is.
            tahap = list(Status.values)
            ksdd_semua = sorted(Ksdd.objects.all(), key=lambda k: -tahap.index(k.status))
            for ksdd in ksdd_semua:
                for jenis in jenis_berlaku(ksdd):
                    if jenis in data:
                        continue
                    mitra = mitra_pilihan(ksdd)[0] if jenis in JENIS_PER_MITRA else None
                    try:
                        versi = dokumen_hasilkan(
                            ksdd=ksdd, jenis=jenis, user=sekretariat, mitra=mitra
                        )
                    except RuleViolation:  # a step not open for this KSDD yet
                        continue
                    data[jenis] = _docx(versi)
                    dokumen_id[jenis] = versi.dokumen_id
            for jenis in JenisDokumen.values:
                if jenis in data or jenis in JENIS_REKAMAN:
                    continue
                arah = {
                    JenisDokumen.LAPORAN_GUBERNUR: Penawaran.Arah.KELUAR,
                    JenisDokumen.SURAT_TANGGAPAN: Penawaran.Arah.MASUK,
                }.get(jenis)
                ksdd = next(
                    k
                    for k in ksdd_semua
                    if k.mitra.exists() and (arah is None or k.penawaran.filter(arah=arah))
                )
                mitra = None
                if jenis in JENIS_PER_MITRA:
                    p = ksdd.penawaran.filter(arah=arah).first() if arah else None
                    mitra = p.mitra if p else mitra_pilihan(ksdd)[0]
                konteks = konteks_bangun(
                    ksdd=ksdd, jenis=jenis, mitra=mitra, nomor=f"000.3/1/{jenis}/2026"
                )
                data[jenis] = docx_render(jenis, konteks)
            # P20-4, P24-4: the extra original of the KB and the PKS, with the paraf box
            for jenis in (JenisDokumen.KB, JenisDokumen.PKS):
                dok = Dokumen.objects.get(pk=dokumen_id[jenis])
                data[f"{jenis}_paraf"] = rangkap_paraf_hierarki(dokumen=dok, user=sekretariat)
        for jenis, docx in data.items():
            pdf = folder / f"{jenis}.pdf"
            (folder / f"{jenis}.docx").write_bytes(docx)
            pdf.write_bytes(pdf_dari_docx(docx))
            hasil[jenis] = {"pdf": pdf, "halaman": _halaman(pdf)}
        transaction.set_rollback(True)
    return hasil


def test_every_document_kind_of_the_demo_is_rendered(dokumen):
    assert sorted(j for j in dokumen if j in JenisDokumen.values) == sorted(JenisDokumen.values)


def test_the_regulation_is_cited_by_its_full_title(dokumen):
    """Wherever a document cites the Perbup, it prints the full title (one constant)."""
    dikutip = []
    for jenis, d in dokumen.items():
        teks = _satu(" ".join(d["halaman"]))
        if PERBUP_NOMOR not in teks:
            continue
        dikutip.append(jenis)
        sisa = teks.replace(PERBUP, "")
        assert PERBUP_NOMOR not in sisa, f"{jenis}: the Perbup cited without its full title"
        assert "Tata Cara Kerja Sama Daerah" not in teks, jenis
    # the invitation, the meeting's and the plan's Berita Acara cite it, among others
    for jenis in (
        JenisDokumen.UNDANGAN_RAPAT,
        JenisDokumen.BERITA_ACARA_RAPAT,
        JenisDokumen.BERITA_ACARA_RENCANA,
        JenisDokumen.KB,
        JenisDokumen.PKS,
    ):
        assert jenis in dikutip


_PENUTUP = re.compile(r"Demikian|dibuat dan ditandatangani|Yang bertanda tangan")


def _baris(halaman: str) -> list[str]:
    return [b.strip() for b in halaman.splitlines() if b.strip()]


def test_no_signature_block_starts_a_page(dokumen):
    """The page where a signer's name is printed also holds the closing paragraph
    before it, or the body text the block closes: never a signature block alone."""
    for jenis, d in dokumen.items():
        halaman = d["halaman"]
        for n, hal in enumerate(halaman[1:], start=2):
            baris = _baris(hal)
            if not baris:
                continue
            atas = baris[0]
            assert not re.match(
                r"^(PIHAK (KESATU|KEDUA|KETIGA|KEEMPAT)|BUPATI |KETUA |SEKRETARIS |"
                r"PIMPINAN RAPAT|NOTULIS|PEMBERI KUASA|PENERIMA KUASA|KEPALA )",
                atas,
            ), f"{jenis}: page {n} of {len(halaman)} starts with a signature block: {atas!r}"


def test_no_page_holds_only_a_tembusan(dokumen):
    for jenis, d in dokumen.items():
        for n, hal in enumerate(d["halaman"], start=1):
            baris = _baris(hal)
            if not baris:
                continue
            assert not (baris[0].startswith("Tembusan") or re.match(r"^\d+\. ", baris[0]))
            if any(b.startswith("Tembusan") for b in baris):
                awal = next(i for i, b in enumerate(baris) if b.startswith("Tembusan"))
                assert awal > 0, f"{jenis}: page {n} holds only the tembusan"
                assert awal < len(baris) - 1, f"{jenis}: 'Tembusan:' ends page {n} alone"


def test_no_blank_remains_where_the_record_has_the_data(dokumen):
    for jenis, d in dokumen.items():
        if jenis in _ISIAN_BOLEH:
            continue
        teks = _satu(" ".join(d["halaman"]))
        assert "[...diisi" not in teks, f"{jenis}: {teks[teks.find('[...diisi') :][:120]}"


def test_letters_follow_the_tata_naskah_dinas(dokumen):
    """Sifat per kind, the Lampiran counted where the letter says 'daftar terlampir',
    the addressee's seat from the region record, the Bupati's own letterhead."""
    undangan = _satu(dokumen[JenisDokumen.UNDANGAN_RAPAT]["halaman"][0])
    assert "Sifat : Biasa" in undangan
    assert "Lampiran : 1 (satu) lembar" in undangan and "(daftar terlampir)" in undangan
    semua = _satu(" ".join(dokumen[JenisDokumen.UNDANGAN_RAPAT]["halaman"]))
    assert "LAMPIRAN SURAT" in semua and "Daftar Undangan" in semua
    penawaran = _satu(dokumen[JenisDokumen.SURAT_PENAWARAN]["halaman"][0])
    assert penawaran.startswith("BUPATI BARITO SELATAN")
    assert re.search(r"di (Tamiang Layang|Muara Teweh|Kuala Kapuas)", penawaran)
    assert "Tempat" not in penawaran
    # the Hal line does not wrap: its value is on the same line as "Hal"
    hal = next(b for b in _baris(dokumen[JenisDokumen.SURAT_PENAWARAN]["halaman"][0]) if "Hal" in b)
    assert "Penawaran Kerja Sama Daerah" in hal


def test_the_report_to_the_gubernur_is_a_cover_letter_with_the_report_attached(dokumen):
    halaman = dokumen[JenisDokumen.LAPORAN_BUPATI]["halaman"]
    surat = _satu(halaman[0])
    assert "Yth. Gubernur Kalimantan Tengah" in surat and "di Palangka Raya" in surat
    assert "Lampiran : 1 (satu) berkas" in surat
    assert "Hal : Laporan Pelaksanaan Kerja Sama Daerah" in surat
    assert not surat.startswith("PEMERINTAH")
    lampiran = _satu(" ".join(halaman[1:]))
    assert "LAMPIRAN SURAT BUPATI BARITO SELATAN" in lampiran
    # each KSDD's parts lettered from "a."
    assert re.search(r"a\. Bentuk naskah", lampiran) and "b. Para pihak" in lampiran


def test_p20_4_p24_4_the_extra_original_carries_the_paraf_hierarki_box(dokumen):
    """The originals for the parties have no box; the extra one has it after the
    signatures, on the same last page: No., Jabatan, Paraf, Tanggal, one row per office
    from the Sekretaris Daerah down to the head of the agency running the KSDD."""
    for jenis, pasal in (
        (JenisDokumen.KB, "Pasal 20 ayat (4)"),
        (JenisDokumen.PKS, "Pasal 24 ayat (4)"),
    ):
        assert "PARAF HIERARKI" not in _satu(" ".join(dokumen[jenis]["halaman"])), jenis
        halaman = dokumen[f"{jenis}_paraf"]["halaman"]
        assert len(halaman) == len(dokumen[jenis]["halaman"]), jenis
        akhir = _satu(halaman[-1])
        assert f"PARAF HIERARKI (naskah asli tambahan, {pasal})" in akhir, jenis
        assert "No. Jabatan Paraf Tanggal" in akhir
        assert "1. Sekretaris Daerah" in akhir and "Kepala Bagian Hukum" in akhir
        assert " 5. " in akhir and "Kepala Dinas" in akhir, akhir
        # the box follows the signatures: the last signer's name is above it
        assert akhir.index("Meterai") < akhir.index("PARAF HIERARKI")


def test_each_signature_of_the_kb_and_pks_has_its_meterai_place(dokumen):
    """The Lampiran's "bermeterai cukup": a marked place for the Meterai Rp10.000 in each
    signing block (two parties in the demo), not blank lines."""
    for jenis in (JenisDokumen.KB, JenisDokumen.PKS, JenisDokumen.ADDENDUM):
        akhir = dokumen[jenis]["halaman"][-1]
        assert akhir.count("Meterai") == 2 and akhir.count("Rp10.000") == 2, (jenis, akhir)


_LAPORAN_SURAT = (
    JenisDokumen.LAPORAN_SEMESTER,
    JenisDokumen.LAPORAN_TKKSD,
    JenisDokumen.LAPORAN_PERSELISIHAN,
)


def test_the_reports_are_letters_without_an_inline_kepada(dokumen):
    """The semester (P27-1), TKKSD (P34-2j) and dispute (P29-4) reports are letters of
    the Tata Naskah Dinas: Nomor, Sifat, Lampiran, Hal and the addressee block, never a
    body starting "Kepada Yth. …"; the semester and TKKSD reports ride as the lampiran."""
    for jenis in _LAPORAN_SURAT:
        halaman = dokumen[jenis]["halaman"]
        baris = [b for hal in halaman for b in _baris(hal)]
        assert not any("Kepada Yth" in b for b in baris), jenis
        pertama = _baris(halaman[0])
        i = pertama.index("Kepada")
        assert pertama[i + 1 : i + 4] == ["Yth. Bupati Barito Selatan", "di –", "Tempat"], jenis
        surat = _satu(halaman[0])
        assert "Lampiran : 1 (satu) berkas" in surat and "Hal : Laporan" in surat, jenis
        assert "Sifat : Biasa" in surat
    for jenis in _LAPORAN_SURAT[:2]:
        lampiran = _satu(" ".join(dokumen[jenis]["halaman"][1:]))
        assert lampiran.startswith("LAMPIRAN SURAT"), jenis
    # the Ketua TKKSD who signs is read from the TKKSD decree in force (P34-1, P35-1)
    surat = _satu(dokumen[JenisDokumen.LAPORAN_TKKSD]["halaman"][0])
    assert re.search(r"KETUA TKKSD KABUPATEN BARITO SELATAN, [A-Z][A-Z .,]+ NIP\. \d{18}", surat)


def test_the_invitation_and_the_dprd_request_sign_on_page_1(dokumen):
    """Both fit page 1 (the letter's content is short): the closing paragraph, the
    signature and the tembusan are on page 1; the invitation's page 2 is its lampiran."""
    undangan = dokumen[JenisDokumen.UNDANGAN_RAPAT]["halaman"]
    pertama = _satu(undangan[0])
    assert "diucapkan terima kasih" in pertama
    assert re.search(r"(KETUA|SEKRETARIS) TKKSD KABUPATEN BARITO SELATAN, \S", pertama)
    assert "NIP. " in pertama
    assert all(_satu(h).startswith("LAMPIRAN SURAT") for h in undangan[1:2])
    dprd = dokumen[JenisDokumen.PERMOHONAN_DPRD]["halaman"]
    assert len(dprd) == 1
    pertama = _satu(dprd[0])
    assert "persetujuannya diucapkan terima kasih. BUPATI BARITO SELATAN," in pertama
    assert "Tembusan: 1. Sekretaris Daerah selaku Ketua TKKSD Kabupaten Barito Selatan" in (pertama)


def test_what_an_agency_head_signs_is_on_the_agency_letterhead(dokumen):
    """The semester report, the dispute's Berita Acara and report, the KAK: the agency's
    own name and address under "PEMERINTAH KABUPATEN BARITO SELATAN", never the
    Sekretariat Daerah's."""
    import json

    from kersa.regions.services import PERANGKAT_DAERAH_DEMO

    pd = json.loads(PERANGKAT_DAERAH_DEMO.read_text(encoding="utf-8"))["perangkat_daerah"]
    for jenis in (
        JenisDokumen.LAPORAN_SEMESTER,
        JenisDokumen.BERITA_ACARA_PERSELISIHAN,
        JenisDokumen.LAPORAN_PERSELISIHAN,
        JenisDokumen.KAK,
    ):
        baris = _baris(dokumen[jenis]["halaman"][0])
        assert baris[0] == "PEMERINTAH KABUPATEN BARITO SELATAN", jenis
        unit = next(p for p in pd if p["nama"].upper() == baris[1])
        assert baris[2] == unit["alamat"], (jenis, baris[:3])
        assert "SEKRETARIAT DAERAH" not in baris[1]
