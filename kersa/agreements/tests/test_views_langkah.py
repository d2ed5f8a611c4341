"""The create/edit/KAK forms and one form per workflow step (views/langkah.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import Kategori, KedudukanPenandatangan, Pemrakarsa, Status
from kersa.agreements.daftar import LANGKAH
from kersa.agreements.models import Bentuk, Ksdd, Tujuan, Urusan
from kersa.agreements.workflow import TRANSISI
from kersa.demo import skenario
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.documents.models import Berkas
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate()


def _tgl(hari_lalu: int = 0) -> str:
    return (HARI_INI - dt.timedelta(days=hari_lalu)).isoformat()


def _hari(hari_lalu: int) -> dt.date:
    return HARI_INI - dt.timedelta(days=hari_lalu)


def _ttd_pks() -> str:
    """P12: the signing day written in the scenario's agreed PKS."""
    return skenario.tanggal_ttd_pks().isoformat()


def _url(ksdd, nama: str) -> str:
    return reverse("agreements:langkah", args=[ksdd.pk, nama])


def _kirim(client, ksdd, nama: str, data: dict, *, versi: int | None = None):
    ksdd.refresh_from_db()
    return client.post(_url(ksdd, nama), {"versi": ksdd.versi if versi is None else versi, **data})


def _isian_ksdd(**ubah) -> dict:
    data = {
        "judul": "Pengelolaan Sampah Regional Barito Selatan – Barito Timur",
        "pemrakarsa": Pemrakarsa.DAERAH,
        "pemrakarsa_mitra": "",
        "mitra": ["62.13"],
        "mitra_lain": "",
        "kategori": Kategori.WAJIB,
        "bentuk": Bentuk.objects.get(kode="a").pk,
        "urusan": [Urusan.objects.get(kode="a.2").pk],
        "tujuan": [t.pk for t in Tujuan.objects.filter(kode__in=["b", "c"])],
        "eksternalitas": "Warga desa perbatasan berobat ke RSUD Buntok.",
        "dalam_rencana": "on",
        "dokumen_rencana": "RPJMD 2025–2029",
        "pengecualian_rencana": "",
        "alasan_pengecualian": "",
        "lokasi": "Kecamatan Dusun Selatan",
        "nilai_anggaran": "Rp 450.000.000",
        "sumber_dana": "APBD Kabupaten Barito Selatan",
        "dianggarkan_apbd": "on",
        "nomor_dpa": "DPA/1.02/2026",
        "rencana_mulai": f"{HARI_INI.year + 1}-01-01",
        "jangka_waktu_bulan": "36",
    }
    data.update(ubah)
    return {k: v for k, v in data.items() if v is not None}


# --- create --------------------------------------------------------------------------


def test_buat_ksdd_lewat_formulir_lalu_ke_kak(client, pemeran):
    client.force_login(pemeran.operator)
    assert client.get(reverse("agreements:buat")).status_code == 200
    resp = client.post(reverse("agreements:buat"), _isian_ksdd())
    ksdd = Ksdd.objects.get()
    assert resp.status_code == 302
    assert resp["Location"] == reverse("agreements:kak", args=[ksdd.pk])
    assert ksdd.perangkat_daerah == pemeran.operator.perangkat_daerah
    assert [m.kode for m in ksdd.mitra.all()] == ["62.13"]
    assert ksdd.nilai_anggaran == 450_000_000
    assert ksdd.status == Status.PENYUSUNAN_KAK
    assert list(ksdd.urusan.values_list("kode", flat=True)) == ["a.2"]


def test_p17_1_ksdd_prakarsa_mitra_dibuat_lalu_ke_penawaran_tanpa_kak_kita(client, pemeran):
    """P17-1: a partner-initiated KSDD starts at the partner's offer, not at our KAK."""
    client.force_login(pemeran.sekretariat)
    data = _isian_ksdd(
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra="62.13",
        perangkat_daerah=pemeran.operator.perangkat_daerah.pk,
    )
    resp = client.post(reverse("agreements:buat"), data)
    ksdd = Ksdd.objects.get()
    assert resp.status_code == 302
    assert resp["Location"] == _url(ksdd, "catat_penawaran")
    assert ksdd.status == Status.MENYIAPKAN_PENAWARAN
    halaman = client.get(resp["Location"])
    assert halaman.context["hambatan"] == [] and "kak" in halaman.context["form"].fields
    detail = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert "KAK daerah mitra yang menyertai penawarannya (Pasal 17 ayat 1)" in detail


def test_operator_tidak_dapat_memilih_perangkat_daerah_lain(client, pemeran):
    client.force_login(pemeran.operator)
    lain = pemeran.operator_lain.perangkat_daerah
    resp = client.post(reverse("agreements:buat"), _isian_ksdd(perangkat_daerah=lain.pk))
    assert resp.status_code == 302
    assert Ksdd.objects.get().perangkat_daerah == pemeran.operator.perangkat_daerah


def test_sekretariat_memilih_perangkat_daerah_dan_mitra_lewat_kode(client, pemeran):
    client.force_login(pemeran.sekretariat)
    pupr = pemeran.operator_lain.perangkat_daerah
    data = _isian_ksdd(
        perangkat_daerah=pupr.pk, kategori=Kategori.SUKARELA, mitra=[], mitra_lain="63.71, 31.71"
    )
    resp = client.post(reverse("agreements:buat"), data)
    assert resp.status_code == 302
    ksdd = Ksdd.objects.get()
    assert ksdd.perangkat_daerah == pupr
    assert sorted(m.kode for m in ksdd.mitra.all()) == ["31.71", "63.71"]


def test_p7_1_wajib_dengan_mitra_tidak_berbatasan_ditolak(client, pemeran):
    client.force_login(pemeran.operator)
    resp = client.post(reverse("agreements:buat"), _isian_ksdd(mitra=[], mitra_lain="31.71"))
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "[P7-1]" in teks
    assert "Pasal 7 ayat 1" in teks
    assert "31.71" in teks
    assert resp.context["form"].errors["mitra"]
    assert not Ksdd.objects.exists()


def test_p5_3_di_luar_rencana_tanpa_pengecualian_ditolak(client, pemeran):
    client.force_login(pemeran.operator)
    data = _isian_ksdd(dalam_rencana=None, dokumen_rencana="")
    resp = client.post(reverse("agreements:buat"), data)
    assert resp.status_code == 200
    errors = resp.context["form"].errors["pengecualian_rencana"]
    assert any("[P5-3]" in e for e in errors)
    assert not Ksdd.objects.exists()


def test_kode_wilayah_tidak_dikenal_ditolak(client, pemeran):
    client.force_login(pemeran.operator)
    resp = client.post(reverse("agreements:buat"), _isian_ksdd(mitra_lain="99.99"))
    assert resp.status_code == 200
    assert "99.99" in str(resp.context["form"].errors["mitra_lain"])
    assert not Ksdd.objects.exists()


# --- edit ----------------------------------------------------------------------------


def test_ubah_ksdd_dengan_versi_yang_dimuat(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    url = reverse("agreements:ubah", args=[ksdd.pk])
    form = client.get(url).context["form"]
    assert form["versi"].value() == ksdd.versi
    assert form["mitra"].value() == ["62.13"]
    data = _isian_ksdd(judul="Judul baru", versi=ksdd.versi)
    resp = client.post(url, data)
    assert resp.status_code == 302
    assert resp["Location"] == reverse("agreements:detail", args=[ksdd.pk])
    ksdd.refresh_from_db()
    assert ksdd.judul == "Judul baru"


def test_ubah_dengan_versi_usang_menampilkan_konflik_dan_tidak_mengubah(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    url = reverse("agreements:ubah", args=[ksdd.pk])
    versi_dimuat = ksdd.versi
    # Someone else saves in between.
    services.ksdd_update(ksdd=ksdd, user=pemeran.sekretariat, lokasi="Kecamatan Karau Kuala")
    resp = client.post(url, _isian_ksdd(judul="Judul saya", versi=versi_dimuat))
    assert resp.status_code == 409
    assert "diubah oleh pengguna lain" in resp.content.decode()
    ksdd.refresh_from_db()
    assert ksdd.judul != "Judul saya"
    assert ksdd.lokasi == "Kecamatan Karau Kuala"


def test_p13_identitas_terkunci_setelah_kak_diajukan(client, pemeran, ksdd):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    client.force_login(pemeran.operator)
    url = reverse("agreements:ubah", args=[ksdd.pk])
    form = client.get(url).context["form"]
    assert form.fields["kategori"].disabled and form.fields["mitra"].disabled
    ksdd.refresh_from_db()
    data = _isian_ksdd(
        kategori=Kategori.SUKARELA, lokasi="Buntok", nomor_dpa=ksdd.nomor_dpa, versi=ksdd.versi
    )
    assert client.post(url, data).status_code == 302
    ksdd.refresh_from_db()
    assert ksdd.kategori == Kategori.WAJIB
    assert ksdd.lokasi == "Buntok"


def test_p21_1_dasar_dprd_tidak_dapat_diubah_operator_setelah_kak_diajukan(client, pemeran, ksdd):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    client.force_login(pemeran.operator)
    url = reverse("agreements:ubah", args=[ksdd.pk])
    ksdd.refresh_from_db()
    versi, riwayat = ksdd.versi, ksdd.riwayat.count()
    data = _isian_ksdd(
        lokasi="Buntok", dianggarkan_apbd=None, nomor_dpa=ksdd.nomor_dpa, versi=ksdd.versi
    )
    resp = client.post(url, data)
    assert resp.status_code == 200
    assert "tidak dapat diubah setelah KAK diajukan" in resp.content.decode()
    assert "(Pasal 21 ayat 1)" in resp.content.decode()
    ksdd.refresh_from_db()
    assert (ksdd.dianggarkan_apbd, ksdd.versi, ksdd.riwayat.count()) == (True, versi, riwayat)
    assert ksdd.lokasi != "Buntok"


# --- KAK -----------------------------------------------------------------------------


def _ksdd_kak_kosong(pemeran) -> Ksdd:
    ksdd = ksdd_baru(pemeran)
    services.kak_update(ksdd=ksdd, user=pemeran.operator, latar_belakang="", pembiayaan="")
    ksdd.refresh_from_db()
    return ksdd


def test_formulir_kak_menyimpan_bagian_dan_menunjukkan_yang_kosong(client, pemeran):
    ksdd = _ksdd_kak_kosong(pemeran)
    client.force_login(pemeran.operator)
    url = reverse("agreements:kak", args=[ksdd.pk])
    resp = client.get(url)
    teks = resp.content.decode()
    assert "a. latar belakang" in teks and "h. pembiayaan" in teks
    assert [f for f, _l in resp.context["bagian_kosong"]] == ["latar_belakang", "pembiayaan"]
    data = {f: getattr(ksdd.kak, f) for f in ("maksud_tujuan", "lokasi", "obyek_ruang_lingkup")}
    data |= {"latar_belakang": "Warga perbatasan jauh dari rumah sakit.", "versi": ksdd.versi}
    resp = client.post(url, data)
    assert resp.status_code == 302
    ksdd.kak.refresh_from_db()
    assert ksdd.kak.latar_belakang == "Warga perbatasan jauh dari rumah sakit."
    pesan = [str(m) for m in resp.wsgi_request._messages]
    assert any("Bagian yang belum diisi" in m for m in pesan)


def test_p14_2_ajukan_kak_yang_belum_lengkap_dihambat_dan_ditolak(client, pemeran):
    ksdd = _ksdd_kak_kosong(pemeran)
    client.force_login(pemeran.operator)
    resp = client.get(_url(ksdd, "ajukan_kak"))
    assert resp.status_code == 200
    assert [h["rule"] for h in resp.context["hambatan"]] == ["P14-2"]
    assert "Pasal 14" in resp.content.decode()
    berkas_awal = Berkas.objects.count()
    resp = _kirim(
        client,
        ksdd,
        "ajukan_kak",
        {
            "nomor": "000.3/112/Dinkes/2026",
            "tanggal_surat": _tgl(),
            "surat_permohonan": unggahan_pdf("permohonan.pdf"),
            "salinan_dpa": unggahan_pdf("dpa.pdf"),
        },
    )
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "[P14-2]" in teks
    assert "Pilih kembali" in teks and "permohonan.pdf" in teks
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK
    assert Berkas.objects.count() == berkas_awal


def test_p26_berkas_bukan_pdf_yang_dinamai_pdf_ditolak(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    palsu = SimpleUploadedFile(
        "surat-permohonan.pdf", b"MZ\x90\x00 program Windows", content_type="application/pdf"
    )
    resp = _kirim(
        client,
        ksdd,
        "ajukan_kak",
        {
            "nomor": "000.3/112/Dinkes/2026",
            "tanggal_surat": _tgl(),
            "surat_permohonan": palsu,
            "salinan_dpa": unggahan_pdf("dpa.pdf"),
        },
    )
    assert resp.status_code == 200
    errors = resp.context["form"].errors["surat_permohonan"]
    assert errors == [
        "Berkas harus berupa PDF atau DOCX (diperiksa dari isinya, bukan namanya). [P26]"
    ]
    assert "Pilih kembali" in resp.content.decode()
    assert not Berkas.objects.exists()
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK


def test_p32_1_berkas_wajib_yang_tidak_diunggah_disebut_dengan_aturannya(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    resp = _kirim(client, ksdd, "ajukan_kak", {"nomor": "000.3/112", "tanggal_surat": _tgl()})
    errors = resp.context["form"].errors
    assert any("[P32-1]" in e for e in errors["surat_permohonan"])
    assert any("[P32-1]" in e for e in errors["salinan_dpa"])


# --- permissions ---------------------------------------------------------------------


def test_operator_tidak_boleh_mencatat_telaah(client, pemeran, ksdd):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    client.force_login(pemeran.operator)
    assert client.get(_url(ksdd, "catat_telaah")).status_code == 403
    assert _kirim(client, ksdd, "catat_telaah", {"tanggal": _tgl()}).status_code == 403


def test_operator_lain_tidak_melihat_ksdd_perangkat_daerah_lain(client, pemeran, ksdd):
    client.force_login(pemeran.operator_lain)
    assert client.get(_url(ksdd, "ajukan_kak")).status_code == 404
    assert client.get(reverse("agreements:ubah", args=[ksdd.pk])).status_code == 404
    assert client.get(reverse("agreements:kak", args=[ksdd.pk])).status_code == 404


def test_publik_ditolak(client, pemeran, ksdd):
    client.force_login(pemeran.publik)
    assert client.get(_url(ksdd, "ajukan_kak")).status_code == 403
    assert client.get(reverse("agreements:buat")).status_code == 403
    assert client.get(reverse("agreements:kak", args=[ksdd.pk])).status_code == 403
    assert client.post(reverse("agreements:buat"), _isian_ksdd()).status_code == 403
    assert not Ksdd.objects.exclude(pk=ksdd.pk).exists()


def test_tamu_diarahkan_ke_login(client, ksdd):
    resp = client.get(_url(ksdd, "ajukan_kak"))
    assert resp.status_code == 302
    assert "/akun/login/" in resp["Location"]


def test_tahap_tidak_dikenal_404(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    assert client.get(_url(ksdd, "lompati_semua")).status_code == 404


def test_p13_tahap_yang_belum_waktunya_tidak_menampilkan_formulir(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    resp = client.get(_url(ksdd, "tandatangani_kb"))
    assert resp.status_code == 200
    assert [h["rule"] for h in resp.context["hambatan"]] == ["P13"]
    assert not resp.context["dapat_dilakukan"]
    assert 'name="naskah"' not in resp.content.decode()


def test_setiap_tahap_mempunyai_formulir_dan_layanan():
    assert set(LANGKAH) == set(TRANSISI)
    assert all(s.form and s.layanan and s.serializer for s in LANGKAH.values())


# --- steps ---------------------------------------------------------------------------


def test_versi_usang_pada_tahap_409(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    resp = _kirim(
        client,
        ksdd,
        "ajukan_kak",
        {
            "nomor": "000.3/112",
            "tanggal_surat": _tgl(),
            "surat_permohonan": unggahan_pdf(),
            "salinan_dpa": unggahan_pdf(),
        },
        versi=ksdd.versi - 1,
    )
    assert resp.status_code == 409
    assert "diubah oleh pengguna lain" in resp.content.decode()
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK


def _penandatangan(ksdd, *, pks: bool, **baris0) -> dict:
    data = {
        "pihak0_nomor_naskah": "100.3.7/12/Pem/2026" if pks else "100.3.6/08/Pem/2026",
        "pihak0_nama": "Eddy Raya Samsuri",
        "pihak0_jabatan": "Bupati Barito Selatan",
        "pihak0_kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
    }
    data |= {f"pihak0_{k}": v for k, v in baris0.items()}
    for i, m in enumerate(ksdd.mitra.order_by("kode"), start=1):
        data |= {
            f"pihak{i}_nomor_naskah": f"100.3/{20 + i}/Pem/2026",
            f"pihak{i}_nama": f"Kepala Daerah {m.nama}",
            f"pihak{i}_jabatan": f"{m.sebutan_kepala} {m.nama}",
            f"pihak{i}_kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
        }
    return data


def _langkah(client, ksdd, nama: str, data: dict, ke: str):
    """GET the step's page (it must show the form), POST it, land on the KSDD page."""
    resp = client.get(_url(ksdd, nama))
    assert resp.status_code == 200, nama
    assert resp.context["dapat_dilakukan"], nama
    resp = _kirim(client, ksdd, nama, data)
    assert resp.status_code == 302, (nama, resp.context and resp.context["form"].errors)
    assert resp["Location"] == reverse("agreements:detail", args=[ksdd.pk])
    ksdd.refresh_from_db()
    assert ksdd.status == ke, nama
    return resp


def test_alur_lengkap_lewat_formulir_sampai_pelaksanaan_dengan_persetujuan_dprd(client, pemeran):
    # Not yet budgeted in the APBD: izin DPRD at submission (P32-1) and stage e (P21-1).
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    op, sek = pemeran.operator, pemeran.sekretariat

    client.force_login(op)
    resp = client.get(_url(ksdd, "ajukan_kak"))
    assert "izin_dprd" in resp.context["form"].fields
    assert "salinan_dpa" not in resp.context["form"].fields
    resp = _langkah(
        client,
        ksdd,
        "ajukan_kak",
        {
            "nomor": "000.3/112/Dinkes/2026",
            "tanggal_surat": _tgl(20),
            "surat_permohonan": unggahan_pdf("surat-permohonan.pdf"),
            "izin_dprd": unggahan_pdf("izin-dprd.pdf"),
        },
        Status.KAK_DIAJUKAN,
    )
    pesan = [str(m) for m in resp.wsgi_request._messages]
    assert pesan == [
        "Tahap KSDD diperbarui: Ajukan KAK kepada TKKSD. "
        "Status sekarang: KAK diajukan, menunggu petunjuk tertulis."
    ]

    client.force_login(pemeran.ketua)
    _langkah(
        client,
        ksdd,
        "catat_petunjuk_tertulis",
        {
            "nomor": "000.3/045/Pem/2026",
            "tanggal": _tgl(19),
            "pemberi": "Sekretaris Daerah selaku Ketua TKKSD",
            "isi": "Proses rencana KSDD sesuai Perbup 23/2023.",
        },
        Status.TELAAH_TKKSD,
    )

    client.force_login(sek)
    telaah = {"tanggal": _tgl(18), "tanggal_disampaikan": _tgl(17), "layak": "1"}
    telaah |= {"kesimpulan": "KAK layak ditindaklanjuti dengan penawaran."}
    for kode in "abcde":
        telaah |= {f"sesuai_{kode}": "1", f"uraian_{kode}": f"Memenuhi kriteria {kode}."}
    _langkah(client, ksdd, "catat_telaah", telaah, Status.MENYIAPKAN_PENAWARAN)
    assert ksdd.telaah.get().temuan.count() == 5

    resp = client.get(_url(ksdd, "catat_penawaran"))
    assert resp.context["form"]["penandatangan"].value() == "Bupati Barito Selatan"
    _langkah(
        client,
        ksdd,
        "catat_penawaran",
        {
            "nomor": "000.3/150/Pem/2026",
            "tanggal_surat": _tgl(16),
            "penandatangan": "Bupati Barito Selatan",
            "diterima_62_13": _tgl(15),
            "surat": unggahan_pdf("surat-penawaran.pdf"),
        },
        Status.MENUNGGU_TANGGAPAN,
    )
    assert ksdd.penawaran.get().tanggal_diterima == HARI_INI - dt.timedelta(days=15)

    _langkah(
        client,
        ksdd,
        "catat_tanggapan",
        {
            "mitra": "62.13",
            "keputusan": "diterima",
            "nomor": "000.3/77/Pem/2026",
            "tanggal_surat": _tgl(14),
            "tanggal_diterima": _tgl(13),
            "surat": unggahan_pdf("surat-tanggapan.pdf"),
        },
        Status.PENYUSUNAN_KB,
    )

    client.force_login(op)
    mulai = HARI_INI - dt.timedelta(days=10)
    _langkah(
        client,
        ksdd,
        "sepakati_rancangan_kb",
        {
            "tentang": ksdd.judul,
            "tanggal_rapat_teknis": _tgl(12),
            "tanggal_disepakati": _tgl(11),
            "tanggal_mulai": mulai.isoformat(),
            "tanggal_berakhir": mulai.replace(year=mulai.year + 3).isoformat(),
            # P11: the komparisi says the day of signing below
            "rancangan": unggahan_naskah(
                "rancangan-kb.docx", "kb", semua_bagian=True, komparisi=_hari(9)
            ),
        },
        Status.PENANDATANGANAN_KB,
    )

    client.force_login(pemeran.bupati)
    resp = client.get(_url(ksdd, "tandatangani_kb"))
    legends = [legend for legend, _f in resp.context["form"].kelompok() if legend]
    assert legends == [
        "PIHAK KESATU — Kabupaten Barito Selatan",
        "PIHAK KEDUA — Kabupaten Barito Timur",
    ]
    _langkah(
        client,
        ksdd,
        "tandatangani_kb",
        {
            "tanggal": _tgl(9),
            "tempat": "Buntok",
            "naskah": unggahan_pdf("kb-ttd.pdf"),
            **_penandatangan(ksdd, pks=False),
        },
        Status.PERMOHONAN_DPRD,
    )

    client.force_login(sek)
    _langkah(
        client,
        ksdd,
        "ajukan_persetujuan_dprd",
        {
            "nomor": "100.3/210/Pem/2026",
            "tanggal_surat": _tgl(8),
            "tanggal_diterima": _tgl(7),
            "surat": unggahan_pdf("permohonan-dprd.pdf"),
            "rancangan_pks": unggahan_naskah("rancangan-pks.docx", "pks", semua_bagian=True),
        },
        Status.MENUNGGU_DPRD,
    )

    client.force_login(pemeran.dprd)
    _langkah(
        client,
        ksdd,
        "catat_persetujuan_dprd",
        {
            "nomor": "170/12/DPRD/2026",
            "tanggal": _tgl(6),
            "penandatangan_nama": "H. Ketua Dewan",
            "penandatangan_jabatan": "Ketua DPRD Kabupaten Barito Selatan",
            "surat": unggahan_pdf("setuju.pdf"),
        },
        Status.PENYUSUNAN_PKS,
    )

    client.force_login(op)
    mulai = HARI_INI - dt.timedelta(days=4)
    _langkah(
        client,
        ksdd,
        "sepakati_rancangan_pks",
        {
            "tentang": ksdd.judul,
            "tanggal_rapat_teknis": _tgl(5),
            "tanggal_disepakati": _tgl(5),
            "tanggal_mulai": mulai.isoformat(),
            "tanggal_berakhir": mulai.replace(year=mulai.year + 2).isoformat(),
            "rancangan": unggahan_naskah(
                "rancangan-pks.docx", "pks", semua_bagian=True, komparisi=_hari(3)
            ),
        },
        Status.PENANDATANGANAN_PKS,
    )

    client.force_login(sek)
    _langkah(
        client,
        ksdd,
        "tandatangani_pks",
        {
            "tanggal": _tgl(3),
            "tempat": "Buntok",
            "naskah": unggahan_pdf("pks-ttd.pdf"),
            **_penandatangan(ksdd, pks=True),
        },
        Status.PELAKSANAAN,
    )
    pks = ksdd.naskah.get(jenis="pks")
    assert [p.wilayah_id for p in pks.penandatangan.all()] == ["62.04", "62.13"]
    assert pks.jumlah_rangkap == 3

    _langkah(
        client,
        ksdd,
        "akhiri",
        {"alasan": "Para pihak sepakat mengakhiri kerja sama."},
        Status.DIAKHIRI,
    )


def test_penawaran_mitra_lewat_rekomendasi_pleno_lalu_tanggapan(client, pemeran):
    timur = Wilayah.objects.get(kode="62.13")
    # Outside the plan: the reply needs TKKSD's review and a pleno (P17-2, P18-3).
    ksdd = ksdd_baru(
        pemeran,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=timur,
        dalam_rencana=False,
        pengecualian_rencana="darurat",
        alasan_pengecualian="Wabah demam berdarah di wilayah perbatasan.",
    )
    assert ksdd.status == Status.MENYIAPKAN_PENAWARAN  # P17-1: the offer comes first
    client.force_login(pemeran.sekretariat)
    resp = client.get(_url(ksdd, "catat_penawaran"))
    assert resp.context["form"]["penandatangan"].value() == "Bupati Barito Timur"
    _langkah(
        client,
        ksdd,
        "catat_penawaran",
        {
            "nomor": "100/33/Pem-Bartim/2026",
            "tanggal_surat": _tgl(10),
            "penandatangan": "Bupati Barito Timur",
            "diterima_62_13": _tgl(9),
            "surat": unggahan_pdf("penawaran-bartim.pdf"),
            "kak": unggahan_pdf("kak-bartim.pdf"),
        },
        Status.MENUNGGU_TANGGAPAN,
    )

    # P17-2, P18-3: no answer before the review of the partner's KAK and the pleno.
    resp = client.get(_url(ksdd, "catat_tanggapan"))
    assert [h["rule"] for h in resp.context["hambatan"]] == ["P17-2", "P18-3"]
    telaah = {"tanggal": _tgl(9), "tanggal_disampaikan": _tgl(9), "layak": "1"}
    for kode in "abcde":
        telaah |= {f"sesuai_{kode}": "1", f"uraian_{kode}": f"KAK Barito Timur memenuhi {kode}."}
    _langkah(
        client,
        ksdd,
        "catat_telaah_kak_mitra",
        {**telaah, "kesimpulan": "KAK Barito Timur layak ditindaklanjuti."},
        Status.MENUNGGU_TANGGAPAN,
    )
    resp = client.get(_url(ksdd, "catat_tanggapan"))
    assert [h["rule"] for h in resp.context["hambatan"]] == ["P18-3"]

    client.force_login(pemeran.ketua)
    _langkah(
        client,
        ksdd,
        "catat_rekomendasi_pleno",
        {
            "tanggal_rapat": _tgl(8),
            "nomor_berita_acara": "BA/03/TKKSD/2026",
            "keputusan": "diterima",
            "pertimbangan_persetujuan": ["a", "d"],
            "temuan_setuju_a": "Wabah memerlukan rujukan segera.",
            "temuan_setuju_d": "Dinas Kesehatan siap.",
            "uraian": "Dibahas dalam Rapat Pleno TKKSD.",
            "berita_acara": unggahan_pdf("ba-pleno.pdf"),
        },
        Status.MENUNGGU_TANGGAPAN,
    )

    client.force_login(pemeran.bupati)
    resp = client.get(_url(ksdd, "catat_tanggapan"))
    assert resp.context["hambatan"] == []
    assert resp.context["form"]["keputusan"].value() == "diterima"
    _langkah(
        client,
        ksdd,
        "catat_tanggapan",
        {
            "mitra": "62.13",
            "keputusan": "diterima",
            "nomor": "000.3/77/Pem/2026",
            "tanggal_surat": _tgl(5),
            "tanggal_diterima": _tgl(4),
            "surat": unggahan_pdf("tanggapan.pdf"),
        },
        Status.PENYUSUNAN_KB,
    )


def test_p18_5_rekomendasi_diterima_tanpa_pertimbangan_ditolak(client, pemeran):
    timur = Wilayah.objects.get(kode="62.13")
    ksdd = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=timur)
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    client.force_login(pemeran.sekretariat)
    resp = _kirim(
        client,
        ksdd,
        "catat_rekomendasi_pleno",
        {"tanggal_rapat": _tgl(), "nomor_berita_acara": "BA/1", "keputusan": "diterima"},
    )
    assert resp.status_code == 200
    errors = resp.context["form"].errors["pertimbangan_persetujuan"]
    assert any("[P18-5]" in e for e in errors)
    assert not ksdd.rekomendasi_pleno.exists()


def test_p15_1_telaah_tanpa_temuan_ditolak_formulir(client, pemeran, ksdd):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    client.force_login(pemeran.sekretariat)
    data = {"tanggal": _tgl(), "tanggal_disampaikan": _tgl(), "layak": "1", "kesimpulan": "x"}
    resp = _kirim(client, ksdd, "catat_telaah", data)
    assert resp.status_code == 200
    assert resp.context["form"].errors["uraian_a"]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.TELAAH_TKKSD


def test_p19_3_kb_lebih_dari_5_tahun_ditolak(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    client.force_login(pemeran.operator)
    mulai = HARI_INI - dt.timedelta(days=10)
    resp = _kirim(
        client,
        ksdd,
        "sepakati_rancangan_kb",
        {
            "tentang": ksdd.judul,
            "tanggal_rapat_teknis": _tgl(12),
            "tanggal_disepakati": _tgl(11),
            "tanggal_mulai": mulai.isoformat(),
            "tanggal_berakhir": mulai.replace(year=mulai.year + 6).isoformat(),
            "rancangan": unggahan_naskah("rancangan-kb.docx", "kb", semua_bagian=True),
        },
    )
    assert resp.status_code == 200
    errors = resp.context["form"].errors["tanggal_berakhir"]
    assert any("[P19-3]" in e and "Pasal 19 ayat 3" in e for e in errors)
    assert "rancangan-kb.docx" in resp.content.decode()  # asked to choose it again
    assert not ksdd.naskah.exists()
    assert not Berkas.objects.filter(jenis="rancangan_kb").exists()


def test_p24_2_pks_oleh_pejabat_tanpa_surat_kuasa_ditolak(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    client.force_login(pemeran.sekretariat)
    data = {"tanggal": _ttd_pks(), "tempat": "Buntok", "naskah": unggahan_pdf("pks-ttd.pdf")}
    data |= _penandatangan(
        ksdd,
        pks=True,
        nama="Rahmat Hidayat",
        jabatan="Kepala Dinas Kesehatan",
        kedudukan=KedudukanPenandatangan.PEJABAT_KUASA,
    )
    resp = _kirim(client, ksdd, "tandatangani_pks", data)
    assert resp.status_code == 200
    errors = resp.context["form"].errors["pihak0_surat_kuasa"]
    assert any("[P24-2]" in e for e in errors)
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS
    assert not Berkas.objects.filter(jenis="pks_ttd").exists()


def test_p24_2_pks_oleh_pejabat_dengan_surat_kuasa_sah(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    sk = services.surat_kuasa_create(
        user=pemeran.sekretariat,
        nomor="180/07/SK-Bup/2026",
        tanggal=HARI_INI - dt.timedelta(days=30),
        pemberi="Bupati Barito Selatan",
        penerima_nama=pemeran.operator.perangkat_daerah.kepala_nama,
        penerima_jabatan="Kepala Dinas Kesehatan",
        perangkat_daerah=pemeran.operator.perangkat_daerah,
        lingkup="Menandatangani PKS pelayanan kesehatan rujukan.",
        tanggal_tembusan=HARI_INI - dt.timedelta(days=29),
    )
    client.force_login(pemeran.sekretariat)
    resp = client.get(_url(ksdd, "tandatangani_pks"))
    assert sk in resp.context["form"].fields["pihak0_surat_kuasa"].queryset
    data = {"tanggal": _ttd_pks(), "tempat": "Buntok", "naskah": unggahan_pdf("pks-ttd.pdf")}
    data |= _penandatangan(
        ksdd,
        pks=True,
        nama=pemeran.operator.perangkat_daerah.kepala_nama,
        jabatan="Kepala Dinas Kesehatan",
        kedudukan=KedudukanPenandatangan.PEJABAT_KUASA,
        surat_kuasa=sk.pk,
    )
    resp = _kirim(client, ksdd, "tandatangani_pks", data)
    assert resp.status_code == 302
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PELAKSANAAN
    assert ksdd.naskah.get(jenis="pks").penandatangan.get(urutan=1).surat_kuasa == sk


def test_p24_1_kepala_dinas_dicatat_sebagai_kepala_daerah_ditolak(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    client.force_login(pemeran.sekretariat)
    data = {"tanggal": _ttd_pks(), "tempat": "Buntok", "naskah": unggahan_pdf("pks-ttd.pdf")}
    data |= _penandatangan(
        ksdd,
        pks=True,
        nama=pemeran.operator.perangkat_daerah.kepala_nama,
        jabatan="Kepala Dinas Kesehatan",
        kedudukan=KedudukanPenandatangan.KEPALA_DAERAH,
    )
    resp = _kirim(client, ksdd, "tandatangani_pks", data)
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "bukan kepala daerah yang tercatat" in teks
    assert "Pasal 24 ayat (1)" in teks
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS
    assert not Berkas.objects.filter(jenis="pks_ttd").exists()


def test_batalkan_lewat_formulir(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    _langkah(client, ksdd, "batalkan", {"alasan": "Mitra menarik diri."}, Status.DIBATALKAN)


def test_p16_3_surat_penawaran_wakil_bupati_ditolak_di_formulir(client, pemeran, ksdd):
    """P16-3 on the web: a letter signed by the Wakil Bupati is refused on its field."""
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    client.force_login(pemeran.sekretariat)
    resp = _kirim(
        client,
        ksdd,
        "catat_penawaran",
        {
            "nomor": "000.3/150/Pem/2026",
            "tanggal_surat": _tgl(16),
            "penandatangan": "Wakil Bupati Barito Selatan",
            "diterima_62_13": _tgl(15),
            "surat": unggahan_pdf("surat-penawaran.pdf"),
        },
    )
    assert resp.status_code == 200
    assert resp.context["form"].errors["penandatangan"] == [
        'Surat penawaran "Wakil Bupati Barito Selatan" ditandatangani oleh Wakil Bupati, '
        "bukan ditandatangani oleh Bupati; surat penawaran KSDD ditandatangani oleh Bupati "
        "(Pasal 16 ayat 3). [P16-3]"
    ]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENYIAPKAN_PENAWARAN
    assert not ksdd.penawaran.exists()
    assert not Berkas.objects.filter(ksdd=ksdd, jenis="surat_penawaran").exists()


def test_p13_pks_bertanggal_sebelum_kb_ditandatangani_ditolak_di_formulir(client, pemeran, ksdd):
    """P13 on the web: a PKS dated before the KB was signed is refused, both dates named."""
    from kersa.core.format import tanggal_surat

    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    kb = ksdd.naskah.get(jenis="kb")
    dini = kb.tanggal_ditandatangani - dt.timedelta(days=5)
    client.force_login(pemeran.sekretariat)
    data = {"tanggal": dini.isoformat(), "tempat": "Buntok"}
    data |= {"naskah": unggahan_pdf("pks-ttd.pdf")} | _penandatangan(ksdd, pks=True)
    resp = _kirim(client, ksdd, "tandatangani_pks", data)
    assert resp.status_code == 200
    teks = " ".join(str(e) for e in resp.context["form"].errors["tanggal"])
    assert f"Tanggal penandatanganan PKS ({tanggal_surat(dini)}) tidak boleh sebelum" in teks
    assert (
        f"tanggal penandatanganan Kesepakatan Bersama ({tanggal_surat(kb.tanggal_ditandatangani)})"
        in teks
    )
    assert "(Pasal 13). [P13]" in teks
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS
    assert ksdd.naskah.get(jenis="pks").tanggal_ditandatangani is None
    assert not Berkas.objects.filter(jenis="pks_ttd").exists()
