"""P11, P12 BLOCK (P11-3, P12-5): a checker that reads like a lawyer.

A part that is only a placeholder ("[...diisi: …]", "……", "____", the blank date line
"Pada hari ini, …… tanggal ……") is missing; a placeholder left anywhere stops the
signing; the komparisi's day and date ("Pada hari ini, Senin, tanggal dua bulan
Februari tahun dua ribu dua puluh enam") must be a real day, that day's weekday, and the
signing date entered in the signing step. Each refusal quotes what was read, and is
given through the service, the web form and the API, with nothing saved.

The KSDD is walked on 2 December 2026 (time_machine), so the scenario signs its KB on
Saturday 14 November 2026 (tanggal_ttd_kb) and its PKS on Sunday 29 November 2026.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.agreements import services
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.agreements.workflow import TRANSISI
from kersa.api.tests.bantuan import data_tandatangani, langkah, url_ksdd
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import _penandatangan, ke_status, tanggal_ttd_kb, tanggal_ttd_pks
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import naskah_docx, unggahan_pdf
from kersa.documents.models import Berkas, Dokumen
from kersa.documents.services.versi import versi_tambah

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
KOMPARISI_2_FEB = (
    "\u201cPada hari ini, Senin, tanggal dua bulan Februari tahun dua ribu dua puluh enam "
    "(02-02-2026), bertempat di Buntok, yang\u2026\u201d"
)


@pytest.fixture(autouse=True)
def _hari_ini():
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=WIB), tick=False):
        yield


def _versi(ksdd, pemeran, jenis="kb", **naskah):
    """A new agreed version of the KB/PKS (the realistic sample, with ``naskah`` options)."""
    n = ksdd.naskah.get(jenis=jenis)
    versi_tambah(
        dokumen=Dokumen.objects.get(ksdd=ksdd, jenis=jenis),
        data=naskah_docx(jenis, ksdd, mulai=n.tanggal_mulai, berakhir=n.tanggal_berakhir, **naskah),
        nama=f"{jenis}-disepakati.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.sekretariat,
    )


def _ttd_kb(ksdd, pemeran, tanggal):
    return services.ksdd_tandatangani_kb(
        ksdd=ksdd,
        user=pemeran.bupati,
        tanggal=tanggal,
        tempat="Buntok",
        penandatangan=_penandatangan(ksdd, pemeran, pks=False),
        naskah=unggahan_pdf("kb-ttd.pdf"),
    )


def _tidak_tersimpan(ksdd, status, jenis="kb"):
    ksdd.refresh_from_db()
    assert ksdd.status == status
    n = ksdd.naskah.get(jenis=jenis)
    assert n.tanggal_ditandatangani is None and not n.penandatangan.exists()
    assert not Berkas.objects.filter(jenis=f"{jenis}_ttd").exists()
    assert not ksdd.riwayat.filter(aksi=f"tandatangani_{jenis}").exists()


def test_scenario_dates():
    assert tanggal_ttd_kb() == dt.date(2026, 11, 14)
    assert tanggal_ttd_pks() == dt.date(2026, 11, 29)


# --- placeholders ------------------------------------------------------------------------


def test_p11_placeholders_are_missing_parts_quoted_and_block_signing(pemeran, ksdd):
    """The generated-KB story: placeholders and a blank "Pada hari ini, ……" line were
    judged complete, the placeholder quoted as the closing clause."""
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    _versi(ksdd, pemeran, isian=("komparisi", "objek", "penutup"))
    hambatan = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    assert [(p.rule, p.detail) for p in hambatan] == [
        (
            "P11",
            "Rancangan Kesepakatan Bersama yang disepakati belum memuat bagian: "
            "Komparisi (masih berisi isian kosong: \u201cPada hari ini, \u2026\u2026, tanggal "
            "\u2026\u2026 bulan \u2026\u2026 tahun \u2026\u2026 (..-..-....), bertempat di "
            "Buntok, yang bertanda tangan di bawah ini:\u201d), "
            "Objek (masih berisi isian kosong: \u201c[...diisi: objek...]\u201d), "
            "Penutup (masih berisi isian kosong: \u201c[...diisi: ketentuan penutup...]\u201d) "
            "(Pasal 11 ayat 1).",
        )
    ]
    with pytest.raises(RuleViolation) as exc:
        _ttd_kb(ksdd, pemeran, tanggal_ttd_kb())
    assert exc.value.rule == "P11"
    assert "[...diisi: ketentuan penutup...]" in exc.value.detail
    _tidak_tersimpan(ksdd, Status.PENANDATANGANAN_KB)


def test_p11_a_placeholder_left_in_a_part_blocks_signing(pemeran, ksdd):
    """A part with its text and a blank inside is there, but the blank stops the signing."""
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    # the surat-menyurat article is written, but its address still a run of underscores
    _versi(
        ksdd,
        pemeran,
        komparisi=tanggal_ttd_kb(),
        isi_pasal={
            "surat_menyurat": "Surat-menyurat PARA PIHAK dialamatkan kepada PIHAK KEDUA di "
            "alamat ________."
        },
    )
    (p,) = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    assert (p.rule, p.detail) == (
        "P11",
        "Rancangan Kesepakatan Bersama yang disepakati: Naskah masih memuat 1 paragraf dengan "
        "isian kosong: \u201cSurat-menyurat PARA PIHAK dialamatkan kepada PIHAK KEDUA di "
        "alamat ________.\u201d (Pasal 11 ayat 1).",
    )


# --- the komparisi's day and date ----------------------------------------------------------


def test_p11_komparisi_date_differs_from_signing_date_refused_by_the_service(pemeran, ksdd):
    """The demo story: the agreed KB says Monday 2 February 2026, the signing step says
    14 November 2026; the checker was silent."""
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    _versi(ksdd, pemeran, komparisi=dt.date(2026, 2, 2))
    assert TRANSISI["tandatangani_kb"].hambatan(ksdd) == []  # no signing date yet
    with pytest.raises(RuleViolation) as exc:
        _ttd_kb(ksdd, pemeran, dt.date(2026, 11, 14))
    (p,) = exc.value.pelanggaran
    assert (p.rule, p.field) == ("P11", "tanggal")
    assert p.detail == (
        "Rancangan Kesepakatan Bersama yang disepakati: Tanggal dalam komparisi "
        "(Senin, 2 Februari 2026) tidak sesuai dengan tanggal penandatanganan "
        f"(Sabtu, 14 November 2026); tertulis {KOMPARISI_2_FEB} "
        "(Pasal 11 ayat 1 huruf a dan ayat 3)."
    )
    _tidak_tersimpan(ksdd, Status.PENANDATANGANAN_KB)

    # signed on the day its komparisi says: accepted, and the report agrees
    _versi(ksdd, pemeran, komparisi=dt.date(2026, 11, 14))
    _ttd_kb(ksdd, pemeran, dt.date(2026, 11, 14))
    ksdd.refresh_from_db()
    assert ksdd.status != Status.PENANDATANGANAN_KB
    assert ksdd.naskah.get(jenis="kb").tanggal_ditandatangani == dt.date(2026, 11, 14)


def test_p11_weekday_not_that_days_blocks_before_the_date_is_entered(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    _versi(ksdd, pemeran, komparisi=tanggal_ttd_kb(), hari="Senin")
    (p,) = TRANSISI["tandatangani_kb"].hambatan(ksdd)
    assert (p.rule, p.detail) == (
        "P11",
        "Rancangan Kesepakatan Bersama yang disepakati: Hari dalam komparisi (Senin) tidak "
        "sesuai dengan tanggalnya: 14 November 2026 jatuh pada hari Sabtu; tertulis "
        "\u201cPada hari ini, Senin, tanggal empat belas bulan November tahun dua ribu dua "
        "puluh enam (14-11-2026), bertempat di Bunto\u2026\u201d "
        "(Pasal 11 ayat 1 huruf a dan ayat 3).",
    )


def test_p11_komparisi_date_refused_through_the_web_form(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    _versi(ksdd, pemeran, komparisi=dt.date(2026, 2, 2))
    client.force_login(pemeran.bupati)
    ksdd.refresh_from_db()
    data = {
        "versi": ksdd.versi,
        "tanggal": "2026-11-14",
        "tempat": "Buntok",
        "naskah": unggahan_pdf("kb-ttd.pdf"),
        "pihak0_nomor_naskah": "100.3.6/08/Pem/2026",
        "pihak0_nama": "Eddy Raya Samsuri",
        "pihak0_jabatan": "Bupati Barito Selatan",
        "pihak0_kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
    }
    for i, m in enumerate(ksdd.mitra.order_by("kode"), start=1):
        data |= {
            f"pihak{i}_nomor_naskah": f"100.3/{20 + i}/Pem/2026",
            f"pihak{i}_nama": f"Kepala Daerah {m.nama}",
            f"pihak{i}_jabatan": f"{m.sebutan_kepala} {m.nama}",
            f"pihak{i}_kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
        }
    resp = client.post(reverse("agreements:langkah", args=[ksdd.pk, "tandatangani_kb"]), data)
    assert resp.status_code == 200
    (galat,) = resp.context["form"].errors["tanggal"]
    assert galat == (
        "Rancangan Kesepakatan Bersama yang disepakati: Tanggal dalam komparisi "
        "(Senin, 2 Februari 2026) tidak sesuai dengan tanggal penandatanganan "
        f"(Sabtu, 14 November 2026); tertulis {KOMPARISI_2_FEB} "
        "(Pasal 11 ayat 1 huruf a dan ayat 3). [P11]"
    )
    _tidak_tersimpan(ksdd, Status.PENANDATANGANAN_KB)


def test_p12_komparisi_date_refused_through_the_api_then_report(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    _versi(ksdd, pemeran, "pks", komparisi=dt.date(2026, 11, 27))
    c = APIClient()
    c.force_login(pemeran.bupati)
    r = langkah(c, ksdd, "tandatangani_pks", data_tandatangani(ksdd, dt.date(2026, 11, 29)))
    assert r.status_code == 422, r.json()
    body = r.json()
    assert body["rule"] == "P12"
    assert (
        "Rancangan PKS yang disepakati: Tanggal dalam komparisi (Jumat, 27 November 2026) "
        "tidak sesuai dengan tanggal penandatanganan (Minggu, 29 November 2026); tertulis "
        "\u201cPada hari ini, Jumat, tanggal dua puluh tujuh bulan November tahun dua ribu "
        "dua puluh enam (27-11-2026), bertempat di B\u2026\u201d (Pasal 12 ayat 1 huruf a dan "
        "ayat 5)."
    ) in str(body)
    _tidak_tersimpan(ksdd, Status.PENANDATANGANAN_PKS, "pks")

    # the report before signing reads the date and says the signing date is not recorded
    rep = c.get(url_ksdd(ksdd) + "pemeriksaan/pks/").json()
    (kom,) = [d for d in rep["data"] if d["kode"] == "komparisi_tanggal"]
    assert kom["lulus"] is None
    assert kom["keterangan"].startswith("Komparisi bertanggal Jumat, 27 November 2026")

    r = langkah(c, ksdd, "tandatangani_pks", data_tandatangani(ksdd, dt.date(2026, 11, 27)))
    assert r.status_code == 200, r.json()
    rep = c.get(url_ksdd(ksdd) + "pemeriksaan/pks/").json()
    (kom,) = [d for d in rep["data"] if d["kode"] == "komparisi_tanggal"]
    assert kom["lulus"] is True and kom["keterangan"].startswith("Jumat, 27 November 2026")
    assert rep["hambatan"] == []


# --- the document numbers --------------------------------------------------------------------


def test_p11_document_number_not_in_the_title_block_refused(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    rows = _penandatangan(ksdd, pemeran, pks=False)
    rows[0]["nomor_naskah"] = "100.3.6/09/Pem/2026"
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_tandatangani_kb(
            ksdd=ksdd,
            user=pemeran.bupati,
            tanggal=tanggal_ttd_kb(),
            tempat="Buntok",
            penandatangan=rows,
            naskah=unggahan_pdf("kb-ttd.pdf"),
        )
    (p,) = exc.value.pelanggaran
    assert (p.rule, p.field) == ("P11", "penandatangan")
    assert p.detail == (
        "Rancangan Kesepakatan Bersama yang disepakati tidak memuat nomor naskah "
        "100.3.6/09/Pem/2026 yang dicatat pada penandatanganan; tertulis "
        "\u201cNOMOR: 100.3.6/08/Pem/2026\u201d; \u201cNOMOR: 100.3/21/Pem/2026\u201d "
        "(Pasal 11 ayat 3)."
    )
    _tidak_tersimpan(ksdd, Status.PENANDATANGANAN_KB)


def test_p11_signing_page_starts_with_the_komparisi_date(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    client.force_login(pemeran.bupati)
    resp = client.get(reverse("agreements:langkah", args=[ksdd.pk, "tandatangani_kb"]))
    assert resp.status_code == 200
    assert resp.context["form"]["tanggal"].value() == dt.date(2026, 11, 14)
    assert "Sama dengan hari dan tanggal pada komparisi" in resp.content.decode()
