"""P22-2: the draft PKS sent with the DPRD request is kept as a version of the PKS
document ("rancangan yang dimohonkan persetujuan DPRD"); the PKS signing page shows the
difference between the PKS being signed and that draft, and a material difference
(a paragraph changed, added or removed, whitespace and numbering aside) needs a reason,
stored on the signed PKS. Through the service, the web step and the API."""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import Naskah, Penandatangan
from kersa.agreements.selectors import beda_rancangan_dprd
from kersa.api.tests.bantuan import langkah as api_langkah
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import _penandatangan, ke_status, ksdd_baru, tanggal_ttd_pks
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import _docx, naskah_paragraf, unggahan_naskah, unggahan_pdf
from kersa.documents.diff import perubahan_materiil
from kersa.documents.models import Dokumen

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    c = APIClient()
    c.force_login(user)
    return c


HARI_INI = timezone.localdate()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _hari(n: int) -> dt.date:
    return HARI_INI - dt.timedelta(days=n)


def _mulai_berakhir():
    mulai = _hari(5)
    return mulai, mulai.replace(year=mulai.year + 2)


@pytest.fixture
def penyusunan_pks(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    return ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)


def _sepakati(ksdd, pemeran, upload):
    mulai, berakhir = _mulai_berakhir()
    ksdd.refresh_from_db()
    services.ksdd_sepakati_rancangan_pks(
        ksdd=ksdd,
        user=pemeran.operator,
        tentang=ksdd.judul,
        tanggal_rapat_teknis=_hari(9),
        tanggal_disepakati=_hari(7),
        tanggal_mulai=mulai,
        tanggal_berakhir=berakhir,
        rancangan=upload,
    )
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS


def _pks_berubah(ksdd):
    """The agreed PKS with one heading changed: a material difference."""
    mulai, berakhir = _mulai_berakhir()
    return unggahan_naskah(
        "pks-disepakati.docx",
        "pks",
        ksdd,
        mulai=mulai,
        berakhir=berakhir,
        judul_pasal={"lain_lain": "LAIN-LAIN DAN KETENTUAN TAMBAHAN"},
        komparisi=tanggal_ttd_pks(),  # P12: the day it is signed, as the DPRD draft says
    )


def _pks_spasi(ksdd):
    """The agreed PKS differing only in whitespace and list numbering ("a." → "1)"):
    no material difference."""
    mulai, berakhir = _mulai_berakhir()
    nomor = {"a. ": "1) ", "b. ": "2) "}
    paragraf = [
        (nomor.get(teks[:3], teks[:3]) + teks[3:].replace(" ", "  ") + "  ", judul)
        for teks, judul in naskah_paragraf(
            "pks", ksdd, mulai=mulai, berakhir=berakhir, komparisi=tanggal_ttd_pks()
        )
    ]
    return SimpleUploadedFile("pks-spasi.docx", _docx(paragraf), content_type=DOCX)


def _ttd(ksdd, pemeran, **ubah):
    ksdd.refresh_from_db()
    data = {
        "tanggal": _hari(3),
        "tempat": "Buntok",
        "penandatangan": _penandatangan(ksdd, pemeran, pks=True),
        "naskah": unggahan_pdf("pks-ttd.pdf"),
    }
    data.update(ubah)
    return services.ksdd_tandatangani_pks(ksdd=ksdd, user=pemeran.sekretariat, **data)


def test_p22_2_draft_sent_to_dprd_is_kept_as_a_version_of_the_pks(penyusunan_pks):
    permohonan = penyusunan_pks.permohonan_dprd.get()
    pks = Dokumen.objects.get(ksdd=penyusunan_pks, jenis="pks")
    v = pks.versi.get(asal=AsalVersi.RANCANGAN_DPRD)
    assert v.berkas == permohonan.berkas_rancangan_pks
    assert v.get_asal_display() == (
        "Rancangan PKS yang dimohonkan persetujuan DPRD (Pasal 22 ayat 1 huruf a)"
    )
    assert permohonan.nomor in v.catatan


def test_p22_2_material_rule_ignores_whitespace_and_numbering():
    assert perubahan_materiil(["Pasal 1", "1. Isi  satu"], ["Pasal 2", " (1) Isi satu "]) == []
    assert perubahan_materiil(["a. bahwa A;"], ["a. bahwa B;"]) == [
        ("ubah", "bahwa A;", "bahwa B;")
    ]
    assert perubahan_materiil(["Isi"], ["Isi", "Tambahan"]) == [("tambah", "", "Tambahan")]


def test_p22_2_the_day_of_signing_and_the_numbers_filled_in_are_not_material():
    """The komparisi's day and date and the "NOMOR:" lines are filled in at signing
    (P11-3, P12-5): the act of signing, not the text DPRD approved."""
    draf = [
        "NOMOR: ……………………",
        "Pada hari ini, …… tanggal …… bulan …… tahun ……, bertempat di Buntok, yang bertanda "
        "tangan di bawah ini:",
        "Para Pihak sepakat.",
    ]
    ditandatangani = [
        "NOMOR: 100.3.7/12/Pem/2026",
        "Pada hari ini, Senin, tanggal tiga puluh bulan November tahun dua ribu dua puluh enam "
        "(30-11-2026), bertempat di Buntok, yang bertanda tangan di bawah ini:",
        "Para Pihak sepakat.",
    ]
    assert perubahan_materiil(draf, ditandatangani) == []
    lain_tempat = [*ditandatangani[:1], ditandatangani[1].replace("Buntok", "Tamiang Layang")]
    assert perubahan_materiil(draf, [*lain_tempat, "Para Pihak sepakat."])[0][0] == "ubah"


def test_p22_2_material_difference_needs_a_reason(penyusunan_pks, pemeran):
    _sepakati(penyusunan_pks, pemeran, _pks_berubah(penyusunan_pks))
    beda = beda_rancangan_dprd(penyusunan_pks)
    assert beda.perlu_alasan and len(beda.materiil) == 1
    tanda, kiri, kanan = beda.materiil[0]
    assert tanda == "ubah" and "LAIN-LAIN DAN KETENTUAN TAMBAHAN" in kanan
    with pytest.raises(RuleViolation) as exc:
        _ttd(penyusunan_pks, pemeran)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P22-2", "alasan_perbedaan")]
    assert exc.value.detail == (
        "PKS berbeda secara materiil dari rancangan PKS yang dimohonkan persetujuan DPRD "
        "dengan surat 100.3/210/Pem/2026 (1 bagian paragraf diubah, ditambah atau dihapus); "
        "sebutkan alasan perbedaan itu, atau sesuaikan PKS dengan rancangan yang disetujui "
        "DPRD (Pasal 22 ayat 2)."
    )
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
    penyusunan_pks.refresh_from_db()
    assert penyusunan_pks.status == Status.PENANDATANGANAN_PKS

    alasan = "Judul Pasal disesuaikan atas permintaan Biro Hukum Provinsi; isi tidak berubah."
    _ttd(penyusunan_pks, pemeran, alasan_perbedaan=alasan)
    penyusunan_pks.refresh_from_db()
    assert penyusunan_pks.status == Status.PELAKSANAAN
    pks = Naskah.objects.get(ksdd=penyusunan_pks, jenis="pks")
    assert pks.alasan_beda_rancangan_dprd == alasan and pks.tanggal_ditandatangani == _hari(3)
    row = penyusunan_pks.riwayat.order_by("-id").first()
    assert row.data["perbedaan_rancangan_dprd"] == {
        "permohonan": "100.3/210/Pem/2026",
        "perubahan_materiil": 1,
        "dapat_dibandingkan": True,
        "alasan": alasan,
    }
    assert "Peringatan (Pasal 22 ayat 2)" in row.alasan and alasan in row.alasan


def test_p22_2_whitespace_only_difference_needs_no_reason(penyusunan_pks, pemeran):
    _sepakati(penyusunan_pks, pemeran, _pks_spasi(penyusunan_pks))
    beda = beda_rancangan_dprd(penyusunan_pks)
    assert beda.perbandingan is not None and not beda.perbandingan.sama
    assert beda.materiil == [] and not beda.perlu_alasan
    _ttd(penyusunan_pks, pemeran)
    penyusunan_pks.refresh_from_db()
    assert penyusunan_pks.status == Status.PELAKSANAAN
    assert Naskah.objects.get(ksdd=penyusunan_pks, jenis="pks").alasan_beda_rancangan_dprd == ""


def test_p22_2_signing_page_shows_the_difference_and_asks_the_reason(
    client, penyusunan_pks, pemeran
):
    _sepakati(penyusunan_pks, pemeran, _pks_berubah(penyusunan_pks))
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:langkah", args=[penyusunan_pks.pk, "tandatangani_pks"])
    resp = client.get(url)
    html = resp.content.decode()
    assert 'id="beda-rancangan-dprd"' in html
    assert "1 bagian paragraf diubah, ditambah atau dihapus" in html
    assert "LAIN-LAIN DAN KETENTUAN TAMBAHAN" in html
    assert "alasan_perbedaan" in resp.context["form"].fields

    form = {"versi": penyusunan_pks.versi, "tanggal": _hari(3).isoformat(), "tempat": "Buntok"}
    for i, row in enumerate(_penandatangan(penyusunan_pks, pemeran, pks=True)):
        for k in ("nomor_naskah", "nama", "jabatan", "kedudukan"):
            form[f"pihak{i}_{k}"] = row[k]
    resp = client.post(url, {**form, "naskah": unggahan_pdf("pks-ttd.pdf")})
    assert resp.status_code == 200
    galat = resp.context["form"].errors["alasan_perbedaan"][0]
    assert "P22-2" in galat and "Pasal 22 ayat 2" in galat
    penyusunan_pks.refresh_from_db()
    assert penyusunan_pks.status == Status.PENANDATANGANAN_PKS
    resp = client.post(
        url,
        {
            **form,
            "naskah": unggahan_pdf("pks-ttd.pdf"),
            "alasan_perbedaan": "Judul Pasal disesuaikan; isi tidak berubah.",
        },
    )
    assert resp.status_code == 302
    pks = Naskah.objects.get(ksdd=penyusunan_pks, jenis="pks")
    assert pks.alasan_beda_rancangan_dprd == "Judul Pasal disesuaikan; isi tidak berubah."


def test_p22_2_api_signing_refuses_without_reason_then_records_it(penyusunan_pks, pemeran):
    _sepakati(penyusunan_pks, pemeran, _pks_berubah(penyusunan_pks))
    api = _api(pemeran.sekretariat)
    data = {
        "tanggal": _hari(3),
        "tempat": "Buntok",
        "penandatangan": _penandatangan(penyusunan_pks, pemeran, pks=True),
        "naskah": unggahan_pdf("pks-ttd.pdf"),
    }
    r = api_langkah(api, penyusunan_pks, "tandatangani_pks", data)
    assert r.status_code == 422, r.json()
    assert r.json()["rule"] == "P22-2" and "Pasal 22 ayat 2" in r.json()["detail"]
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
    data["naskah"] = unggahan_pdf("pks-ttd.pdf")
    r = api_langkah(
        api, penyusunan_pks, "tandatangani_pks", {**data, "alasan_perbedaan": "Judul disesuaikan."}
    )
    assert r.status_code == 200, json.dumps(r.json())
    assert r.json()["status"] == Status.PELAKSANAAN
    pks = Naskah.objects.get(ksdd=penyusunan_pks, jenis="pks")
    assert pks.alasan_beda_rancangan_dprd == "Judul disesuaikan."


def test_p22_2_draft_sent_as_pdf_cannot_be_compared_and_needs_a_reason(pemeran):
    ksdd = ke_status(
        ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa=""), Status.PERMOHONAN_DPRD, pemeran
    )
    services.ksdd_ajukan_persetujuan_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        nomor="100.3/210/Pem/2026",
        tanggal_surat=_hari(16),
        tanggal_diterima=_hari(15),
        surat=unggahan_pdf("permohonan-dprd.pdf"),
        rancangan_pks=unggahan_pdf("rancangan-pks.pdf"),
    )
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    beda = beda_rancangan_dprd(ksdd)
    assert beda.perbandingan is None and beda.perlu_alasan
    assert beda.pesan.startswith("rancangan yang dimohonkan persetujuan DPRD berupa PDF")
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran)
    assert exc.value.rule == "P22-2" and "tidak dapat diperiksa" in exc.value.detail
    _ttd(ksdd, pemeran, alasan_perbedaan="Dibandingkan manual: PKS sama dengan rancangan.")
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PELAKSANAAN
    row = ksdd.riwayat.order_by("-id").first()
    assert row.data["perbedaan_rancangan_dprd"]["dapat_dibandingkan"] is False
