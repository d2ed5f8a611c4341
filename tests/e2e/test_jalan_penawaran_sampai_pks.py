"""The counted walk "offer to signed PKS" (issue 13 item 5, "nothing typed twice"), in a
real browser: an agency-initiated KSDD that needs DPRD approval (not budgeted in the
APBD, Pasal 21 ayat 1) is walked from the offer letter (P16-1) through the reply
(P16-4), the agreed KB (P20-2), its signing (P20-3), the DPRD request (P22-1a) and
approval (P22-2), the agreed PKS (P23) to the signed PKS (P24), filling every form of
every step as a clerk would from the papers on the desk.

The walker is generic: on each form it reads every visible field; a field that already
holds the value on paper is left as it is, a text or date field that does not is typed
(counted), a file field is uploaded (counted) unless a stored version of that very file
is offered beside it and chosen (a click). Selects, radios and checkboxes are clicks,
not typing. A value the form computes from the record when left empty (its help says
"Kosongkan …") is left empty, and the recorded value checked. It prints the counts per
step and asserts the walk takes at most half the typed fields it took before issue 13's
item 5 (``SEBELUM``) and fewer uploads.

The two letters KERSA drafts and numbers and the Bupati signs — the offer (P16-3) and
the request to DPRD (P22-1a) — are signed electronically (issue 16, ``kersa.tte``: the
test's PKI, a Pkcs12 certificate, the Bupati's second factor) on the day they are dated,
and the step takes that signed version instead of a scan; its date starts at the day of
the signature. The record then holds the signed letter itself (asserted). The uploads
left are papers that come from outside KERSA: the partner's and the DPRD's letters, the
agreements signed by both heads (the partner's head signs on paper), and the agreed
drafts revised outside KERSA (the partner's own number of the text, which KERSA cannot
know, is written in them).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.demo.skenario import (
    ke_status,
    ksdd_baru,
    tanggal_ttd_kb,
    tanggal_ttd_pks,
)
from kersa.demo.wilayah import demo_muat_satu
from kersa.documents.contoh import pdf_bytes
from kersa.tte.choices import PeranTte
from kersa.tte.penyedia import Pkcs12
from kersa.tte.tests.conftest import otp
from kersa.tte.tests.pki import PkiUji
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"

# Measured with this very walker on the code before issue 13's item 5: commit 1771ef7^
# extracted with ``git archive 1771ef7^ | tar -x``, this file copied into it and run
# there unchanged. Per step (typed, uploads): offer 3/1 (its number), reply 3/1, KB
# draft 4/1, KB signing 5/1 (place, both numbers, both names), DPRD request 3/2 (its
# number, the PKS draft), DPRD approval 3/1, PKS draft 4/1 (the same draft again), PKS
# signing 5/1: 30 typed fields and 9 uploads (the issue counted 40 and 9 by hand).
# (Measured with this walker before three later edits — the PKS draft ending with the
# KB, an earlier DPRD approval on record, the "hitung" fields; the old forms offered
# none of those values, so each was typed there all the same.)
# Typed fields and uploads, in that order.
SEBELUM = (30, 9)
# This walk now: the letters' dates come from their electronic signature and the
# letters themselves from the record (offer 2→1 typed, 1→0 uploads; DPRD request 2→1,
# 2→1). Printed with the per-step counts.
SESUDAH = (15, 4)

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def pki():
    p = PkiUji(Path(tempfile.mkdtemp(prefix="kersa-pki-"))).mulai()
    yield p
    p.berhenti()


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _tgl(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _pdf(nama: str) -> dict:
    return {"name": nama, "mimeType": "application/pdf", "buffer": pdf_bytes(nama)}


class Penghitung:
    """Counts what the clerk does on each form."""

    def __init__(self):
        self.per_langkah: list[tuple[str, int, int, int]] = []

    def isi(self, page: Page, langkah: str, kertas: dict) -> None:
        """Fill the form on ``page`` from ``kertas`` (field name → value on paper: a
        string for text and dates, a file dict for uploads, ``("pilih", v)`` for a
        select/radio). A field not on paper is left as the form gives it."""
        form = page.locator("main form.form-kersa")
        ketik = unggah = klik = 0
        for nama, nilai in kertas.items():
            el = form.locator(f"[name={nama}]")
            if el.count() == 0:
                continue  # the form does not ask for it
            tag = el.first.evaluate("e => e.tagName.toLowerCase()")
            jenis = el.first.get_attribute("type") or ""
            if isinstance(nilai, dict):  # a file: a stored version of it, or an upload
                pilih = form.locator(f"select[name={nama}_versi]")
                if pilih.count():
                    opsi = pilih.locator("option", has_text=nilai["name"])
                    if opsi.count():
                        pilih.select_option(opsi.first.get_attribute("value"))
                        klik += 1
                        continue
                el.set_input_files(nilai)
                unggah += 1
            elif isinstance(nilai, tuple) and nilai[0] == "hitung":
                # A value the form computes from the record when left empty (its help
                # says so): not typed; the recorded value is checked after the step.
                bantuan = form.locator(f"#id_{nama}_helptext")
                dihitung = bantuan.count() and "Kosongkan" in bantuan.inner_text()
                if not dihitung and el.first.input_value().strip() != nilai[1]:
                    el.first.fill(nilai[1])
                    ketik += 1
            elif isinstance(nilai, tuple):
                _pilih, v = nilai
                if jenis == "radio":
                    r = form.locator(f"input[name={nama}][value='{v}']")
                    if not r.is_checked():
                        r.check()
                        klik += 1
                elif el.first.input_value() != v:
                    el.first.select_option(v)
                    klik += 1
            else:
                assert tag in ("input", "textarea"), (langkah, nama, tag)
                if el.first.input_value().strip() != nilai:
                    el.first.fill(nilai)
                    ketik += 1
        self.per_langkah.append((langkah, ketik, unggah, klik))
        form.locator("button[type=submit]").click()

    @property
    def jumlah(self) -> tuple[int, int]:
        return (sum(r[1] for r in self.per_langkah), sum(r[2] for r in self.per_langkah))

    def cetak(self) -> str:
        baris = [f"{'langkah':32} ketik unggah klik"]
        for nama, k, u, c in self.per_langkah:
            baris.append(f"{nama:32} {k:5} {u:6} {c:4}")
        k, u = self.jumlah
        baris.append(
            f"{'JUMLAH':32} {k:5} {u:6}  (sebelum: {SEBELUM[0]} ketik, {SEBELUM[1]} unggah)"
        )
        return "\n".join(baris)


def _masuk(page: Page, live_server, user) -> None:
    # With the second factor where the account asks for it (issue 19: the secretariat
    # and DPRD record approvals); the login is not counted as typing of the walk.
    masuk(page, live_server, user, PASSWORD)
    expect(page.locator("body")).to_contain_text(user.first_name)


def _hasilkan(ksdd, jenis, user, **kw):
    """The clerk clicks "Buat dokumen" (KERSA numbers and stores it; nothing typed)."""
    from kersa.documents.services import dokumen_hasilkan

    ksdd.refresh_from_db()
    return dokumen_hasilkan(ksdd=ksdd, jenis=jenis, user=user, **kw)


def _ditandatangani_bupati(ksdd, jenis, pemeran, pki, pada: dt.date, **kw):
    """The letter generated and signed electronically by the Bupati on ``pada`` (the
    day it is dated; the test's PKI and clock move there): the Bupati's own act, on his
    page (``test_tte_bupati``), not the clerk's typing. Returns the signed version."""
    from kersa.documents.models import Dokumen
    from kersa.tte.services import tte_tandatangani

    with time_machine.travel(dt.datetime.combine(pada, dt.time(10, 0), tzinfo=WIB), tick=True):
        _hasilkan(ksdd, jenis, pemeran.sekretariat, **kw)
        dok = Dokumen.objects.get(ksdd=ksdd, jenis=jenis)
        ttd = tte_tandatangani(
            dokumen=dok,
            user=pemeran.bupati,
            peran=PeranTte.TANDA_TANGAN,
            penyedia=Pkcs12(pki.p12("bupati"), "sandi-p12"),
            kode_otp=otp(pemeran.bupati),
        )
    return ttd.versi


def _buat_dokumen(page: Page, live_server, ksdd, jenis: str):
    """The clerk clicks "Buat dokumen" for ``jenis`` on the KSDD page (KERSA generates,
    numbers and stores it from its template; nothing typed). Returns the version."""
    from kersa.documents.models import VersiDokumen

    page.goto(f"{live_server.url}/ksdd/{ksdd.pk}/")
    form = page.locator("form.hasilkan-dokumen")
    form.locator("select[name=jenis]").select_option(jenis)
    form.locator("button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("dibuat (versi")
    return (
        VersiDokumen.objects.select_related("berkas", "dokumen")
        .filter(dokumen__ksdd=ksdd, dokumen__jenis=jenis, asal="dihasilkan")
        .latest("id")
    )


def _berkas(versi) -> dict:
    """The signed version as the walker sees it: offered by its file name."""
    return {"name": versi.berkas.nama_asli, "mimeType": "application/pdf", "buffer": b""}


def test_issue13_offer_to_signed_pks_takes_at_most_half_the_typing_and_uploads(
    live_server, browser, pemeran, pki, settings
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kersa.agreements.models import Penawaran, PermohonanDprd
    from kersa.tte.services import validasi_terakhir

    settings.KERSA_BASE_URL = live_server.url
    settings.KERSA_TTE_AKAR_TEPERCAYA = [str(pki.root_pem)]
    settings.KERSA_TTE_TSA_URL = pki.tsa_url
    settings.KERSA_TTE_PARAF_PERAN = []
    TOTPDevice.objects.get_or_create(
        user=pemeran.bupati, defaults={"name": "autentikator", "confirmed": True}
    )
    # The partner's head is on the region record, as the home head is (the generated KB
    # and PKS print them; the signing checks the names against it, P20-3, P24-1).
    demo_muat_satu("62.13")
    # An earlier KSDD approved by DPRD: its letter names the DPRD's signatory.
    ke_status(
        ksdd_baru(
            pemeran, judul="Pengelolaan Sampah Regional", dianggarkan_apbd=False, nomor_dpa=""
        ),
        Status.PENYUSUNAN_PKS,
        pemeran,
    )
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ksdd = ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    mitra = ksdd.mitra.get()
    kepala = mitra.kepala_daerah.order_by("-mulai").first()
    kepala_mitra = kepala.nama if kepala else f"Kepala Daerah {mitra.nama}"
    n = Penghitung()

    sekretariat = browser.new_context().new_page()
    sekretariat.set_default_timeout(20_000)
    _masuk(sekretariat, live_server, pemeran.sekretariat)

    def langkah(page, nama, kertas, status):
        page.goto(f"{live_server.url}/ksdd/{ksdd.pk}/langkah/{nama}/")
        n.isi(page, nama, kertas)
        expect(page.locator("#galat")).to_have_count(0)
        ksdd.refresh_from_db()
        assert ksdd.status == status, (nama, ksdd.status)

    # P16-1…3: the offer letter KERSA drafted and numbered, signed by the Bupati
    # electronically on the day it is dated.
    penawaran_ttd = _ditandatangani_bupati(
        ksdd, "surat_penawaran", pemeran, pki, _hari(52), mitra=mitra
    )
    langkah(
        sekretariat,
        "catat_penawaran",
        {
            "nomor": Ksdd.objects.get(pk=ksdd.pk).dokumen.get(jenis="surat_penawaran").nomor,
            "tanggal_surat": _tgl(_hari(52)),
            "penandatangan": "Bupati Barito Selatan",
            f"diterima_{mitra.kode.replace('.', '_')}": _tgl(_hari(50)),
            "surat": _berkas(penawaran_ttd),
        },
        Status.MENUNGGU_TANGGAPAN,
    )
    # P16-3: the record holds the letter signed electronically, not a scan.
    penawaran = Penawaran.objects.get(ksdd=ksdd)
    assert penawaran.berkas_id == penawaran_ttd.berkas_id
    assert penawaran.tanggal_surat == _hari(52)
    assert validasi_terakhir(penawaran_ttd).sah
    # P16-4: the partner's reply (its letter, its number).
    langkah(
        sekretariat,
        "catat_tanggapan",
        {
            "mitra": ("pilih", mitra.kode),
            "keputusan": ("pilih", "diterima"),
            "nomor": "000.3/77/Pem/2026",
            "tanggal_surat": _tgl(_hari(38)),
            "tanggal_diterima": _tgl(_hari(36)),
            "surat": _pdf("surat-tanggapan.pdf"),
        },
        Status.PENYUSUNAN_KB,
    )
    # P19, P20-2: the KB KERSA generates from its template (a click on the KSDD page),
    # agreed by the parties after the rapat teknis as it stands: the stored version is
    # chosen, nothing uploaded. It runs from the start the KSDD planned, as it prints.
    rancangan_kb = _buat_dokumen(sekretariat, live_server, ksdd, "kb")
    ksdd.refresh_from_db()
    mulai_kb = ksdd.rencana_mulai
    berakhir_kb = mulai_kb.replace(year=mulai_kb.year + 3) - dt.timedelta(days=1)
    langkah(
        sekretariat,
        "sepakati_rancangan_kb",
        {
            "tentang": ksdd.judul,
            "tanggal_rapat_teknis": _tgl(_hari(30)),
            "tanggal_disepakati": _tgl(_hari(25)),
            "tanggal_mulai": _tgl(mulai_kb),
            "tanggal_berakhir": ("hitung", _tgl(berakhir_kb)),  # 36 months, as recorded
            "rancangan": _berkas(rancangan_kb),
        },
        Status.PENANDATANGANAN_KB,
    )
    # P20-2: the agreed draft on record is the version KERSA generated.
    kb_n = ksdd.naskah.get(jenis="kb")
    assert kb_n.berkas_rancangan_id == rancangan_kb.berkas_id
    # P20-3: the KB signed by both heads, with the number KERSA gave it; the generated
    # draft's blanks for the signing date and the partner's number are filled from this
    # form (P11 checks the draft with them in).
    ttd = {
        "tanggal": _tgl(tanggal_ttd_kb()),
        "tempat": "Buntok",
        "pihak0_nomor_naskah": rancangan_kb.dokumen.nomor,  # as the draft's title block
        "pihak0_nama": "Eddy Raya Samsuri",
        "pihak0_jabatan": "Bupati Barito Selatan",
        "pihak0_kedudukan": ("pilih", "kepala_daerah"),
        "pihak1_nomor_naskah": "100.3/21/Pem/2026",
        "pihak1_nama": kepala_mitra,
        "pihak1_jabatan": f"{mitra.sebutan_kepala} {mitra.nama}",
        "pihak1_kedudukan": ("pilih", "kepala_daerah"),
    }
    langkah(
        sekretariat,
        "tandatangani_kb",
        ttd | {"naskah": _pdf("kb-ttd.pdf")},
        Status.PERMOHONAN_DPRD,
    )
    # P22-1a: the request letter KERSA numbered, signed electronically by the Bupati on
    # its day, and the PKS draft.
    surat_dprd = _ditandatangani_bupati(ksdd, "permohonan_dprd", pemeran, pki, _hari(16))
    # The PKS draft KERSA generates (a click), sent with the request as it stands; it
    # runs with the KB, until the KB ends (Pasal 12 ayat 2).
    rancangan_pks = _buat_dokumen(sekretariat, live_server, ksdd, "pks")
    ksdd.refresh_from_db()
    mulai_pks = mulai_kb
    rancangan_pks_dict = _berkas(rancangan_pks)
    langkah(
        sekretariat,
        "ajukan_persetujuan_dprd",
        {
            "nomor": surat_dprd.dokumen.nomor,
            "tanggal_surat": _tgl(_hari(16)),
            "tanggal_diterima": _tgl(_hari(15)),
            "surat": _berkas(surat_dprd),
            "rancangan_pks": rancangan_pks_dict,
        },
        Status.MENUNGGU_DPRD,
    )
    # P22-1a: the request on record is the letter the Bupati signed electronically.
    permohonan = PermohonanDprd.objects.get(ksdd=ksdd)
    assert permohonan.berkas_id == surat_dprd.berkas_id
    assert permohonan.tanggal_surat == _hari(16)
    assert validasi_terakhir(surat_dprd).sah
    # P22-2: DPRD records its approval letter.
    dprd = browser.new_context().new_page()
    dprd.set_default_timeout(20_000)
    _masuk(dprd, live_server, pemeran.dprd)
    langkah(
        dprd,
        "catat_persetujuan_dprd",
        {
            "nomor": "170/12/DPRD/2026",
            "tanggal": _tgl(_hari(10)),
            "penandatangan_nama": "H. Ketua Dewan",
            "penandatangan_jabatan": "Ketua DPRD Kabupaten Barito Selatan",
            "surat": _pdf("persetujuan-dprd.pdf"),
        },
        Status.PENYUSUNAN_PKS,
    )
    # P23: the PKS agreed is the draft DPRD approved (already stored).
    langkah(
        sekretariat,
        "sepakati_rancangan_pks",
        {
            "tentang": ksdd.judul,
            "tanggal_rapat_teknis": _tgl(_hari(9)),
            "tanggal_disepakati": _tgl(_hari(7)),
            "tanggal_mulai": _tgl(mulai_pks),
            "tanggal_berakhir": ("hitung", _tgl(berakhir_kb)),  # as the KB
            "rancangan": rancangan_pks_dict,
        },
        Status.PENANDATANGANAN_PKS,
    )
    # P23: the agreed PKS on record is the version KERSA generated.
    pks_n = ksdd.naskah.get(jenis="pks")
    assert pks_n.berkas_rancangan_id == rancangan_pks.berkas_id
    # P24: the PKS signed by both heads.
    langkah(
        sekretariat,
        "tandatangani_pks",
        ttd
        | {
            "tanggal": _tgl(tanggal_ttd_pks()),
            "pihak0_nomor_naskah": rancangan_pks.dokumen.nomor,
            "pihak1_nomor_naskah": "100.3/29/Pem/2026",
            "naskah": _pdf("pks-ttd.pdf"),
        },
        Status.PELAKSANAAN,
    )

    # What was not typed was recorded as on paper.
    kb_n, pks_n = (ksdd.naskah.get(jenis=j) for j in ("kb", "pks"))
    assert (kb_n.tanggal_mulai, kb_n.tanggal_berakhir) == (mulai_kb, berakhir_kb)
    assert (pks_n.tanggal_mulai, pks_n.tanggal_berakhir) == (mulai_pks, berakhir_kb)
    ttd = {(p.wilayah_id, p.nomor_naskah, p.nama) for p in kb_n.penandatangan.all()}
    assert ttd == {
        ("62.04", rancangan_kb.dokumen.nomor, "Eddy Raya Samsuri"),
        ("62.13", "100.3/21/Pem/2026", kepala_mitra),
    }
    setuju = ksdd.persetujuan_dprd.get()
    assert (setuju.nomor, setuju.penandatangan_nama) == ("170/12/DPRD/2026", "H. Ketua Dewan")

    print("\n" + n.cetak())
    ketik, unggah = n.jumlah
    assert (ketik, unggah) == SESUDAH, n.cetak()
    assert ketik * 2 <= SEBELUM[0], n.cetak()
    assert unggah < SEBELUM[1], n.cetak()
