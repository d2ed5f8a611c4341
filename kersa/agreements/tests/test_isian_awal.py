"""Nothing typed twice (issue 13 item 5): the step forms start with the numbers KERSA
gave the documents it generated, the DPRD request takes the PKS version already stored
instead of a new upload (P22-1a), and the KAK starts from the KSDD record (P14-2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import JenisNaskah, Status
from kersa.agreements.forms import kak_awal
from kersa.agreements.models import Kak, PermohonanDprd
from kersa.demo.skenario import _naskah_pks, ke_status, ksdd_baru
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import VersiDokumen
from kersa.documents.services import dokumen_hasilkan
from kersa.documents.services.versi import dokumen_naskah, versi_tambah

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate()


def _tgl(hari_lalu: int) -> str:
    return (HARI_INI - dt.timedelta(days=hari_lalu)).strftime("%d-%m-%Y")


def _url(ksdd, nama: str) -> str:
    return reverse("agreements:langkah", args=[ksdd.pk, nama])


def _versi_pks(ksdd, user) -> VersiDokumen:
    """A version of the KSDD's PKS stored before the DPRD request (P22-1a)."""
    dok = dokumen_naskah(ksdd=ksdd, jenis=JenisNaskah.PKS, user=user)
    return versi_tambah(dokumen=dok, asal=AsalVersi.REVISI, user=user, upload=_naskah_pks(ksdd))


@pytest.fixture
def siap_dprd(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ksdd = ke_status(ksdd, Status.PERMOHONAN_DPRD, pemeran)
    surat = dokumen_hasilkan(ksdd=ksdd, jenis="permohonan_dprd", user=pemeran.sekretariat)
    return ksdd, surat.dokumen.nomor, _versi_pks(ksdd, pemeran.sekretariat)


def _data_dprd(ksdd, **ubah) -> dict:
    ksdd.refresh_from_db()
    return {
        "versi": ksdd.versi,
        "nomor": "100.3/210/Pem/2026",
        "tanggal_surat": _tgl(16),
        "tanggal_diterima": _tgl(15),
        "surat": unggahan_pdf("permohonan-dprd.pdf"),
        **ubah,
    }


def test_issue13_p22_1a_dprd_form_starts_with_the_generated_number_and_offers_the_stored_pks(
    client, pemeran, siap_dprd
):
    ksdd, nomor, versi = siap_dprd
    assert nomor
    client.force_login(pemeran.sekretariat)
    resp = client.get(_url(ksdd, "ajukan_persetujuan_dprd"))
    form = resp.context["form"]
    assert form["nomor"].value() == nomor
    html = resp.content.decode()
    assert f'value="{nomor}"' in html
    assert f"Gunakan versi tersimpan v{versi.nomor} ({versi.berkas.nama_asli}" in html


def test_issue13_p22_1a_dprd_request_takes_the_stored_pks_version_through_the_form(
    client, pemeran, siap_dprd
):
    ksdd, nomor, versi = siap_dprd
    client.force_login(pemeran.sekretariat)
    resp = client.post(
        _url(ksdd, "ajukan_persetujuan_dprd"),
        _data_dprd(ksdd, nomor=nomor, rancangan_pks_versi=versi.pk),
    )
    assert resp.status_code == 302, resp.context and resp.context["form"].errors
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENUNGGU_DPRD
    p = PermohonanDprd.objects.get(ksdd=ksdd)
    assert p.nomor == nomor
    assert p.berkas_rancangan_pks == versi.berkas  # the stored file, not a new upload
    terakhir = versi.dokumen.versi.order_by("-nomor").first()
    assert (terakhir.asal, terakhir.berkas) == (AsalVersi.RANCANGAN_DPRD, versi.berkas)


def test_issue13_p22_1a_a_pks_version_of_another_ksdd_is_refused_and_nothing_saved(
    client, pemeran, siap_dprd
):
    ksdd, _nomor, _versi = siap_dprd
    lain = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito Selatan – Barito Utara")
    versi_lain = _versi_pks(lain, pemeran.operator)
    jumlah_versi = VersiDokumen.objects.count()
    client.force_login(pemeran.sekretariat)
    resp = client.post(
        _url(ksdd, "ajukan_persetujuan_dprd"), _data_dprd(ksdd, rancangan_pks_versi=versi_lain.pk)
    )
    assert resp.status_code == 200
    pesan = " ".join(resp.context["form"].errors["rancangan_pks_versi"])
    assert f"Versi dokumen {versi_lain.pk} bukan versi PKS KSDD {ksdd.nomor_register}" in pesan
    assert "Pasal 22 ayat 1 huruf a" in pesan and "[P22-1a]" in pesan
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PERMOHONAN_DPRD
    assert not PermohonanDprd.objects.filter(ksdd=ksdd).exists()
    assert VersiDokumen.objects.count() == jumlah_versi


def test_issue13_p22_1a_service_refuses_both_an_upload_and_a_stored_version(pemeran, siap_dprd):
    ksdd, _nomor, versi = siap_dprd
    from kersa.core.errors import RuleViolation

    with pytest.raises(RuleViolation) as e:
        services.ksdd_ajukan_persetujuan_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="100.3/210/Pem/2026",
            tanggal_surat=HARI_INI - dt.timedelta(days=16),
            tanggal_diterima=HARI_INI - dt.timedelta(days=15),
            surat=unggahan_pdf("permohonan-dprd.pdf"),
            rancangan_pks=_naskah_pks(ksdd),
            rancangan_pks_versi=versi,
        )
    assert "tidak keduanya" in str(e.value)
    assert not PermohonanDprd.objects.filter(ksdd=ksdd).exists()


def test_issue13_p11_3_signing_form_starts_with_the_agreed_texts_numbers_signers_and_place(
    client, pemeran
):
    """The numbers are the agreed draft's title block ("NOMOR: …", what the checker holds
    the signing to, P11-3), the signers the heads the region record names (P20-3), the
    place the home region's seat; all editable. The generated KB's own number gives way
    to the agreed text's."""
    from kersa.demo.wilayah import demo_muat_satu

    demo_muat_satu("62.13")
    ksdd = ke_status(ksdd_baru(pemeran), Status.PENANDATANGANAN_KB, pemeran)
    kb = dokumen_hasilkan(ksdd=ksdd, jenis="kb", user=pemeran.operator)
    assert kb.dokumen.nomor != "100.3.6/08/Pem/2026"
    client.force_login(pemeran.sekretariat)
    form = client.get(_url(ksdd, "tandatangani_kb")).context["form"]
    assert form["pihak0_nomor_naskah"].value() == "100.3.6/08/Pem/2026"
    assert form["pihak1_nomor_naskah"].value() == "100.3/21/Pem/2026"
    mitra = ksdd.mitra.get()
    kepala = mitra.kepala_daerah.order_by("-mulai").first()
    assert form["pihak0_nama"].value() == "Eddy Raya Samsuri"
    assert (form["pihak1_nama"].value(), form["pihak1_jabatan"].value()) == (
        kepala.nama,
        kepala.jabatan,
    )
    assert form["tempat"].value() == "Buntok"


def test_issue13_p19_3_blank_kb_end_date_is_the_recorded_duration(client, pemeran):
    """A blank end date is the start plus the KSDD's 36 months, the day before; the P19-3
    limit still applies to a typed one."""
    from kersa.demo.skenario import tanggal_ttd_kb
    from kersa.documents.contoh import unggahan_naskah

    ksdd = ke_status(ksdd_baru(pemeran), Status.PENYUSUNAN_KB, pemeran)
    mulai = HARI_INI - dt.timedelta(days=20)
    berakhir = mulai.replace(year=mulai.year + 3) - dt.timedelta(days=1)
    client.force_login(pemeran.sekretariat)
    url = _url(ksdd, "sepakati_rancangan_kb")
    html = client.get(url).content.decode()
    assert (
        "Kosongkan untuk menghitungnya dari tanggal mulai dan jangka waktu KSDD (36 bulan)" in html
    )
    ksdd.refresh_from_db()
    resp = client.post(
        url,
        {
            "versi": ksdd.versi,
            "tentang": ksdd.judul,
            "tanggal_rapat_teknis": _tgl(30),
            "tanggal_disepakati": _tgl(25),
            "tanggal_mulai": mulai.strftime("%d-%m-%Y"),
            "tanggal_berakhir": "",
            "rancangan": unggahan_naskah(
                "rancangan-kb.docx",
                "kb",
                ksdd,
                mulai=mulai,
                berakhir=berakhir,
                komparisi=tanggal_ttd_kb(),
            ),
        },
    )
    assert resp.status_code == 302, resp.context and resp.context["form"].errors
    assert ksdd.naskah.get().tanggal_berakhir == berakhir


def test_issue13_p22_2_dprd_approval_starts_with_the_signatory_of_the_last_letter(client, pemeran):
    ke_status(
        ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa=""), Status.PENYUSUNAN_PKS, pemeran
    )
    ksdd = ksdd_baru(
        pemeran, judul="Pengelolaan Sampah Regional", dianggarkan_apbd=False, nomor_dpa=""
    )
    ksdd = ke_status(ksdd, Status.MENUNGGU_DPRD, pemeran)
    client.force_login(pemeran.dprd)
    form = client.get(_url(ksdd, "catat_persetujuan_dprd")).context["form"]
    assert form["penandatangan_nama"].value() == "H. Ketua Dewan"
    assert form["penandatangan_jabatan"].value() == "Ketua DPRD Kabupaten Barito Selatan"
    assert form["tanggal"].value() in (None, "")  # the letter's date is typed


def test_issue13_p14_2_kak_empty_parts_start_from_the_ksdd_record(client, pemeran):
    ksdd = ksdd_baru(pemeran, lokasi="Kecamatan Dusun Selatan dan Kecamatan Dusun Timur")
    services.kak_update(
        ksdd=ksdd, user=pemeran.operator, lokasi="", jangka_waktu="", pembiayaan="", manfaat=""
    )
    ksdd.refresh_from_db()
    client.force_login(pemeran.operator)
    form = client.get(reverse("agreements:kak", args=[ksdd.pk])).context["form"]
    assert form["lokasi"].value() == "Kecamatan Dusun Selatan dan Kecamatan Dusun Timur"
    assert form["jangka_waktu"].value() == "36 bulan."
    pembiayaan = form["pembiayaan"].value()
    assert "APBD Kabupaten Barito Selatan" in pembiayaan
    assert "DPA/1.02.0.00.0.00.01.0000/2026" in pembiayaan
    assert form["manfaat"].value() == ""  # nothing in the record for it
    # a part already written is kept as written, never overwritten
    assert form["latar_belakang"].value() == ksdd.kak.latar_belakang
    assert kak_awal(ksdd)["latar_belakang"] != ksdd.kak.latar_belakang


def _diketik(form, data: dict) -> int:
    """Fields the user typed: those posted with a value other than the form's start."""
    n = 0
    for nama, nilai in data.items():
        if nama == "versi" or hasattr(nilai, "read") or nama not in form.fields:
            continue
        if isinstance(form.fields[nama].widget, forms.Select):
            continue  # a choice is a click, not typing
        awal = form[nama].value()
        if str(nilai) != ("" if awal is None else str(awal)):
            n += 1
    return n


def _unggahan(data: dict) -> int:
    return sum(1 for v in data.values() if hasattr(v, "read"))


def test_issue13_kak_and_dprd_request_need_half_the_typing_and_uploads(client, pemeran):
    """Counted for the KAK and the DPRD request only (issue 13 item 5): without the
    pre-filled values they take 8 + 3 typed fields and 2 uploads (11 and 2); with them
    at most half."""
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    services.kak_update(ksdd=ksdd, user=pemeran.operator, **{f: "" for f, _l in Kak.BAGIAN})
    sebelum_ketik, sebelum_unggah = len(Kak.BAGIAN) + 3, 2
    ketik = unggah = 0

    # P14-2: the KAK, typing only the parts the record says nothing of.
    client.force_login(pemeran.operator)
    url = reverse("agreements:kak", args=[ksdd.pk])
    form = client.get(url).context["form"]
    data = {f: form[f].value() or f"Uraian {f} kerja sama." for f, _l in Kak.BAGIAN}
    data["versi"] = form["versi"].value()
    ketik += _diketik(form, data)
    assert client.post(url, data).status_code == 302
    ksdd.refresh_from_db()
    assert not ksdd.kak.bagian_kosong()

    # P22-1a: the DPRD request, with the number KERSA gave the letter and the stored PKS.
    ksdd = ke_status(ksdd, Status.PERMOHONAN_DPRD, pemeran)
    dokumen_hasilkan(ksdd=ksdd, jenis="permohonan_dprd", user=pemeran.sekretariat)
    versi = _versi_pks(ksdd, pemeran.sekretariat)
    client.force_login(pemeran.sekretariat)
    form = client.get(_url(ksdd, "ajukan_persetujuan_dprd")).context["form"]
    data = _data_dprd(ksdd, nomor=form["nomor"].value(), rancangan_pks_versi=versi.pk)
    ketik += _diketik(form, data)
    unggah += _unggahan(data)
    resp = client.post(_url(ksdd, "ajukan_persetujuan_dprd"), data)
    assert resp.status_code == 302, resp.context and resp.context["form"].errors
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENUNGGU_DPRD

    assert (ketik, unggah) == (4, 1)  # manfaat, analisis dampak, two dates; the letter
    assert ketik * 2 <= sebelum_ketik and unggah * 2 <= sebelum_unggah


def test_issue13_p16_1_offer_form_starts_with_the_number_kersa_gave_the_offer_letter(
    client, pemeran
):
    ksdd = ke_status(ksdd_baru(pemeran), Status.MENYIAPKAN_PENAWARAN, pemeran)
    mitra = ksdd.mitra.get()
    surat = dokumen_hasilkan(ksdd=ksdd, jenis="surat_penawaran", user=pemeran.operator, mitra=mitra)
    assert surat.dokumen.nomor
    client.force_login(pemeran.sekretariat)
    resp = client.get(_url(ksdd, "catat_penawaran"))
    assert resp.status_code == 200
    form = resp.context["form"]
    assert form["nomor"].value() == surat.dokumen.nomor
    assert form["tanggal_surat"].value() in (None, "")  # legal dates start empty


def test_issue13_p20_2_agreed_kb_draft_is_a_stored_version_chosen_in_the_form(client, pemeran):
    """The KB draft KERSA stored (here a revision after the rapat teknis) is chosen as the
    agreed text instead of uploaded again (P20-2); another KSDD's is refused, nothing saved."""
    from kersa.demo.skenario import tanggal_ttd_kb
    from kersa.documents.contoh import unggahan_naskah

    ksdd = ke_status(ksdd_baru(pemeran), Status.PENYUSUNAN_KB, pemeran)
    dok = dokumen_naskah(ksdd=ksdd, jenis=JenisNaskah.KB, user=pemeran.sekretariat)
    mulai = HARI_INI - dt.timedelta(days=20)
    berakhir = mulai.replace(year=mulai.year + 3) - dt.timedelta(days=1)
    naskah = unggahan_naskah(
        "rancangan-kb.docx", "kb", ksdd, mulai=mulai, berakhir=berakhir, komparisi=tanggal_ttd_kb()
    )
    versi = versi_tambah(
        dokumen=dok, asal=AsalVersi.REVISI, user=pemeran.sekretariat, upload=naskah
    )
    lain = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito Selatan – Barito Utara")
    dok_lain = dokumen_naskah(ksdd=lain, jenis=JenisNaskah.KB, user=pemeran.operator)
    versi_lain = versi_tambah(
        dokumen=dok_lain, asal=AsalVersi.REVISI, user=pemeran.operator, upload=_naskah_pks(lain)
    )
    client.force_login(pemeran.sekretariat)
    url = _url(ksdd, "sepakati_rancangan_kb")
    html = client.get(url).content.decode()
    assert f"Gunakan versi tersimpan v{versi.nomor} (" in html
    ksdd.refresh_from_db()
    data = {
        "versi": ksdd.versi,
        "tentang": ksdd.judul,
        "tanggal_rapat_teknis": _tgl(30),
        "tanggal_disepakati": _tgl(25),
        "tanggal_mulai": mulai.strftime("%d-%m-%Y"),
        "tanggal_berakhir": berakhir.strftime("%d-%m-%Y"),
    }
    resp = client.post(url, data | {"rancangan_versi": versi_lain.pk})
    assert resp.status_code == 200
    pesan = " ".join(resp.context["form"].errors["rancangan_versi"])
    assert f"Versi dokumen {versi_lain.pk} bukan versi" in pesan and "[P20-2]" in pesan
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KB and not ksdd.naskah.exists()

    resp = client.post(url, data | {"rancangan_versi": versi.pk})
    assert resp.status_code == 302, resp.context and resp.context["form"].errors
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_KB
    assert ksdd.naskah.get().berkas_rancangan == versi.berkas
    assert dok.versi.order_by("-nomor").first().asal == AsalVersi.DISEPAKATI
