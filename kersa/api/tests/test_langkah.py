"""The whole workflow through the API: one POST per transition, with the rules each
step is refused by (422 with the rule ID) and lost races (409)."""

import pytest

from kersa.agreements import services
from kersa.agreements.choices import Keputusan, Pemrakarsa, PertimbanganPersetujuan, Status
from kersa.agreements.models import Bentuk, Kak, Ksdd, Naskah, Tujuan, Urusan
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.regions.models import Wilayah

from .bantuan import (
    data_ajukan_kak,
    data_penawaran,
    data_petunjuk,
    data_rancangan,
    data_tandatangani,
    data_tanggapan,
    data_telaah,
    hari,
    langkah,
    url_ksdd,
)

pytestmark = pytest.mark.django_db


def _nama_transisi(client, ksdd) -> dict:
    body = client.get(url_ksdd(ksdd)).json()
    return {t["nama"]: t["hambatan"] for t in body["transisi"]}


def _jalan(client, ksdd, aksi, data, ke):
    """Check the step is offered without blockers, take it, check the new status."""
    assert _nama_transisi(client, ksdd).get(aksi) == [], aksi
    r = langkah(client, ksdd, aksi, data)
    assert r.status_code == 200, (aksi, r.json())
    assert r.json()["status"] == ke, aksi
    return r.json()


def test_p13_full_path_with_dprd_stage_through_the_api(pemeran, klien):
    """Create, write the KAK, and take every step from persiapan to pengakhiran, each by
    the role that does it, including persetujuan DPRD (P21-1, P22-1a, P22-2)."""
    operator, sekretariat = klien(pemeran.operator), klien(pemeran.sekretariat)
    ketua, bupati, dprd = klien(pemeran.ketua), klien(pemeran.bupati), klien(pemeran.dprd)

    r = operator.post(
        url_ksdd(),
        {
            "judul": "Pengelolaan Air Minum Lintas Daerah Barito Selatan – Barito Timur",
            "kategori": "wajib",
            "bentuk": Bentuk.objects.get(kode="a").pk,
            "mitra": ["62.13"],
            "urusan": [Urusan.objects.get(kode="a.2").pk],
            "tujuan": list(Tujuan.objects.filter(kode__in=["b", "c"]).values_list("pk", flat=True)),
            "eksternalitas": "Sumber air baku berada di wilayah Barito Timur.",
            "dokumen_rencana": "RPJMD 2025–2029",
            "lokasi": "Kecamatan Dusun Selatan",
            "nilai_anggaran": "450000000.00",
            "sumber_dana": "APBD",
            "dianggarkan_apbd": False,
            "membebani_masyarakat": True,
            "jangka_waktu_bulan": 36,
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    body = r.json()
    assert body["status"] == Status.PENYUSUNAN_KAK
    assert body["perangkat_daerah"] == pemeran.operator.perangkat_daerah_id
    assert body["mitra"] == ["62.13"]
    assert body["memerlukan_persetujuan_dprd"] is True
    ksdd = Ksdd.objects.get(pk=body["id"])

    # P14-2: the KAK is incomplete, so ajukan_kak is listed with its blocker.
    hambatan = _nama_transisi(operator, ksdd)["ajukan_kak"]
    assert [h["rule"] for h in hambatan] == ["P14-2"]
    r = operator.put(
        url_ksdd(ksdd, "kak"),
        {f: f"Isi {f}." for f, _label in Kak.BAGIAN} | {"versi": body["versi"]},
        format="json",
    )
    assert r.status_code == 200, r.json()
    assert r.json()["bagian_kosong"] == []

    _jalan(operator, ksdd, "ajukan_kak", data_ajukan_kak(ksdd), Status.KAK_DIAJUKAN)
    _jalan(ketua, ksdd, "catat_petunjuk_tertulis", data_petunjuk(), Status.TELAAH_TKKSD)
    _jalan(sekretariat, ksdd, "catat_telaah", data_telaah(), Status.MENYIAPKAN_PENAWARAN)
    _jalan(bupati, ksdd, "catat_penawaran", data_penawaran(ksdd), Status.MENUNGGU_TANGGAPAN)
    _jalan(sekretariat, ksdd, "catat_tanggapan", data_tanggapan("62.13"), Status.PENYUSUNAN_KB)
    _jalan(operator, ksdd, "sepakati_rancangan_kb", data_rancangan(ksdd), Status.PENANDATANGANAN_KB)

    # DPRD does not see the KSDD before it is brought to DPRD.
    assert dprd.get(url_ksdd(ksdd)).status_code == 404
    _jalan(
        bupati, ksdd, "tandatangani_kb", data_tandatangani(ksdd, hari(18)), Status.PERMOHONAN_DPRD
    )
    _jalan(
        sekretariat,
        ksdd,
        "ajukan_persetujuan_dprd",
        {
            "nomor": "100.3/210/Pem/2026",
            "tanggal_surat": hari(16),
            "tanggal_diterima": hari(15),
            "surat": unggahan_pdf("permohonan-dprd.pdf"),
            "rancangan_pks": unggahan_naskah(
                "rancangan-pks.docx", "pks", semua_bagian=True, komparisi=hari(3)
            ),
        },
        Status.MENUNGGU_DPRD,
    )
    assert dprd.get(url_ksdd(ksdd)).status_code == 200
    _jalan(
        dprd,
        ksdd,
        "catat_persetujuan_dprd",
        {
            "nomor": "170/12/DPRD/2026",
            "tanggal": hari(10),
            "penandatangan_nama": "H. Ketua Dewan",
            "penandatangan_jabatan": "Ketua DPRD Kabupaten Barito Selatan",
            "surat": unggahan_pdf("dprd.pdf"),
        },
        Status.PENYUSUNAN_PKS,
    )
    # P22-2: the PKS agreed is the draft DPRD approved (no material difference)
    pks = data_rancangan(ksdd, mulai=hari(5), tahun=2, komparisi=hari(3), jenis="pks")
    _jalan(operator, ksdd, "sepakati_rancangan_pks", pks, Status.PENANDATANGANAN_PKS)
    _jalan(bupati, ksdd, "tandatangani_pks", data_tandatangani(ksdd, hari(3)), Status.PELAKSANAAN)
    _jalan(sekretariat, ksdd, "akhiri", {"alasan": "Tujuan kerja sama tercapai."}, Status.DIAKHIRI)

    r = operator.get(url_ksdd(ksdd, "riwayat"))
    assert r.status_code == 200
    rows = r.json()
    assert [row["aksi"] for row in rows] == [
        "buat",
        "ubah_kak",
        "ajukan_kak",
        "catat_petunjuk_tertulis",
        "catat_telaah",
        "catat_penawaran",
        "catat_tanggapan",
        "sepakati_rancangan_kb",
        "tandatangani_kb",
        "ajukan_persetujuan_dprd",
        "catat_persetujuan_dprd",
        "sepakati_rancangan_pks",
        "tandatangani_pks",
        "akhiri",
    ]
    ttd_kb = rows[8]
    assert (ttd_kb["dari"], ttd_kb["ke"], ttd_kb["rule"]) == (
        Status.PENANDATANGANAN_KB,
        Status.PERMOHONAN_DPRD,
        "P21-1",
    )
    assert ttd_kb["oleh"] == pemeran.bupati.username
    assert len(ttd_kb["berkas"]) == 1
    assert rows[2]["oleh"] == pemeran.operator.username
    assert len(rows[2]["berkas"]) == 2  # surat permohonan + izin DPRD (P32-1)
    assert operator.get(url_ksdd(ksdd)).json()["transisi"] == []


def test_p18_3_partner_offer_needs_pleno_then_reply_through_the_api(pemeran, klien):
    """A partner's offer: the Bupati's reply is refused until TKKSD's Rapat Pleno has
    recommended (P18-3); then recorded as recommended (P18-5)."""
    ksdd = ksdd_baru(
        pemeran,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=Wilayah.objects.get(kode="62.13"),
        # outside the plan: the reply needs a pleno (P18-1, P18-3)
        dalam_rencana=False,
        pengecualian_rencana="darurat",
        alasan_pengecualian="Wabah demam berdarah di wilayah perbatasan.",
    )
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    bupati, ketua = klien(pemeran.bupati), klien(pemeran.ketua)

    r = langkah(bupati, ksdd, "catat_tanggapan", data_tanggapan("62.13"))
    assert r.status_code == 422
    assert r.json()["rule"] == "P18-3"

    r = langkah(
        ketua,
        ksdd,
        "catat_rekomendasi_pleno",
        {
            "tanggal_rapat": hari(40),
            "nomor_berita_acara": "BA/03/TKKSD/2026",
            "keputusan": Keputusan.DITERIMA,
            "pertimbangan_persetujuan": [
                PertimbanganPersetujuan.SANGAT_MENDESAK,
                PertimbanganPersetujuan.PD_SIAP,
            ],
            "temuan": {"a": "Wabah memerlukan rujukan segera.", "d": "Dinas siap."},
            "uraian": "Dibahas dalam Rapat Pleno TKKSD.",
            "berita_acara": unggahan_pdf("ba-pleno.pdf"),
        },
    )
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.MENUNGGU_TANGGAPAN
    assert ksdd.rekomendasi_pleno.get().pertimbangan_persetujuan == ["a", "d"]

    r = langkah(bupati, ksdd, "catat_tanggapan", data_tanggapan("62.13"))
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.PENYUSUNAN_KB


def test_p18_4_pleno_rejection_without_grounds_returns_422(pemeran, klien):
    ksdd = ksdd_baru(
        pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=Wilayah.objects.get(kode="62.13")
    )
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    r = langkah(
        klien(pemeran.sekretariat),
        ksdd,
        "catat_rekomendasi_pleno",
        {"tanggal_rapat": hari(40), "nomor_berita_acara": "BA/1", "keputusan": "ditolak"},
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P18-4"


def test_p19_3_kb_over_5_years_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    r = langkah(
        klien(pemeran.operator), ksdd, "sepakati_rancangan_kb", data_rancangan(ksdd, tahun=6)
    )
    assert r.status_code == 422, r.json()
    body = r.json()
    assert body["rule"] == "P19-3"
    assert "Pasal 19 ayat 3" in body["detail"]
    assert body["pelanggaran"][0] == {
        "rule": "P19-3",
        "detail": body["detail"],
        "field": "tanggal_berakhir",
    }
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KB
    assert not Naskah.objects.filter(ksdd=ksdd).exists()


def test_p14_2_incomplete_kak_returns_422(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    r = client.put(url_ksdd(ksdd, "kak"), {"analisis_dampak": ""}, format="json")
    assert r.status_code == 200
    assert r.json()["bagian_kosong"] == ["analisis_dampak"]
    r = langkah(client, ksdd, "ajukan_kak", data_ajukan_kak(ksdd))
    assert r.status_code == 422
    assert r.json()["rule"] == "P14-2"
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK


def test_p14_3_kak_cannot_be_changed_after_submission(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    r = klien(pemeran.operator).put(url_ksdd(ksdd, "kak"), {"manfaat": "Baru"}, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P14-3"


def test_p32_1_missing_dpa_copy_returns_422(ksdd, pemeran, klien):
    data = data_ajukan_kak(ksdd) | {"salinan_dpa": None}
    r = langkah(klien(pemeran.operator), ksdd, "ajukan_kak", data)
    assert r.status_code == 422
    assert r.json()["pelanggaran"] == [
        {"rule": "P32-1", "detail": r.json()["detail"], "field": "salinan_dpa"}
    ]


def test_p32_2_petunjuk_without_content_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    r = langkah(
        klien(pemeran.ketua), ksdd, "catat_petunjuk_tertulis", data_petunjuk() | {"isi": ""}
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P32-2"


def test_p15_1_review_missing_a_criterion_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    data = data_telaah()
    del data["temuan"]["e"]
    r = langkah(klien(pemeran.sekretariat), ksdd, "catat_telaah", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P15-1"


def test_p15_2_review_not_feasible_returns_kak_to_the_agency(ksdd, pemeran, klien):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    r = langkah(klien(pemeran.sekretariat), ksdd, "catat_telaah", data_telaah(layak=False))
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.PENYUSUNAN_KAK


def test_p16_3_offer_not_signed_by_bupati_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    data = data_penawaran(ksdd) | {"penandatangan": "Sekretaris Daerah"}
    r = langkah(klien(pemeran.sekretariat), ksdd, "catat_penawaran", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P16-3"


def test_p16_3_offer_signed_an_bupati_returns_422_and_saves_nothing(ksdd, pemeran, klien):
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    data = data_penawaran(ksdd) | {"penandatangan": "a.n. Bupati Barito Selatan"}
    r = langkah(klien(pemeran.sekretariat), ksdd, "catat_penawaran", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P16-3"
    assert "ditandatangani atas nama (a.n.) Bupati" in r.json()["detail"]
    assert "Pasal 16 ayat 3" in r.json()["detail"]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENYIAPKAN_PENAWARAN
    assert not ksdd.penawaran.exists()


def test_p16_4_offer_reply_rejected_ends_the_ksdd(ksdd, pemeran, klien):
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    data = data_tanggapan("62.13", "ditolak") | {"alasan": "Anggaran belum tersedia."}
    r = langkah(klien(pemeran.sekretariat), ksdd, "catat_tanggapan", data)
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.DITOLAK
    assert r.json()["transisi"] == []


def test_p20_3_kb_signed_under_mandate_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    data = data_tandatangani(ksdd, hari(18))
    data["penandatangan"][0]["kedudukan"] = "pejabat_kuasa"
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_kb", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P20-3"


def test_p20_3_kb_home_signer_not_the_recorded_head_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    data = data_tandatangani(ksdd, hari(18))
    data["penandatangan"][0].update(nama="Martina Luwi", jabatan="Kepala Dinas Kesehatan")
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_kb", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P20-3"
    assert "bukan kepala daerah yang tercatat" in str(r.json())
    assert not ksdd.naskah.get(jenis="kb").penandatangan.exists()


def test_p24_2_pks_signed_by_official_without_surat_kuasa_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    data = data_tandatangani(ksdd, hari(3))
    data["penandatangan"][0].update(
        kedudukan="pejabat_kuasa", nama="Rahmat Hidayat", surat_kuasa=987654
    )
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_pks", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P24-2"


def test_p21_1_pks_needs_dprd_approval_returns_422(ksdd, pemeran, klien):
    """DPRD approval became required after the KB was signed (the KSDD now burdens the
    public): the PKS cannot be signed, and the detail says why before the user tries."""
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    sekretariat = klien(pemeran.sekretariat)
    services.ksdd_ubah_dasar_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        alasan="Tarif retribusi baru dibebankan kepada masyarakat.",
        bukti=unggahan_pdf("perda-retribusi.pdf"),
        membebani_masyarakat=True,
    )
    r = sekretariat.get(url_ksdd(ksdd))
    hambatan = {t["nama"]: t["hambatan"] for t in r.json()["transisi"]}
    assert [h["rule"] for h in hambatan["tandatangani_pks"]] == ["P21-1"]
    assert hambatan["ajukan_persetujuan_dprd"] == []

    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_pks", data_tandatangani(ksdd, hari(3)))
    assert r.status_code == 422
    assert r.json()["rule"] == "P21-1"


def test_p13_step_out_of_order_returns_422(ksdd, pemeran, klien):
    r = langkah(
        klien(pemeran.sekretariat), ksdd, "tandatangani_kb", data_tandatangani(ksdd, hari(1))
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P13"


def test_p13_cancel_needs_a_reason(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    r = langkah(client, ksdd, "batalkan", {"alasan": "  "})
    assert r.status_code == 422
    assert r.json()["rule"] == "P13"
    r = client.post(url_ksdd(ksdd, "batalkan"), {"alasan": "Mitra mundur."}, format="json")
    assert r.status_code == 200
    assert r.json()["status"] == Status.DIBATALKAN


def test_stale_versi_on_a_step_returns_409(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    versi = client.get(url_ksdd(ksdd)).json()["versi"]
    client.patch(url_ksdd(ksdd), {"judul": "Judul baru", "versi": versi}, format="json")
    r = langkah(client, ksdd, "ajukan_kak", data_ajukan_kak(ksdd) | {"versi": versi})
    assert r.status_code == 409
    assert r.json()["detail"]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK
    r = langkah(client, ksdd, "ajukan_kak", data_ajukan_kak(ksdd) | {"versi": versi + 1})
    assert r.status_code == 200


def test_json_body_is_accepted_for_steps_without_files(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    data = {k: str(v) for k, v in data_petunjuk().items()}
    r = klien(pemeran.ketua).post(url_ksdd(ksdd, "catat_petunjuk_tertulis"), data, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.TELAAH_TKKSD


@pytest.mark.parametrize("bentuk", ["json", "multipart-berulang", "multipart-json"])
def test_p18_5_lists_as_json_or_repeated_form_keys(pemeran, klien, bentuk):
    ksdd = ksdd_baru(
        pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=Wilayah.objects.get(kode="62.13")
    )
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    data = {
        "tanggal_rapat": hari(40).isoformat(),
        "nomor_berita_acara": "BA/03/TKKSD/2026",
        "keputusan": "diterima",
        "pertimbangan_persetujuan": ["a", "c"],
        "temuan": '{"a": "Mendesak.", "c": "Tercantum dalam RPJMD."}',
    }
    client, url = klien(pemeran.ketua), url_ksdd(ksdd, "catat_rekomendasi_pleno")
    if bentuk == "json":
        r = client.post(url, data, format="json")
    elif bentuk == "multipart-berulang":
        r = client.post(url, data, format="multipart")
    else:
        r = langkah(client, ksdd, "catat_rekomendasi_pleno", data)
    assert r.status_code == 200, r.json()
    assert ksdd.rekomendasi_pleno.get().pertimbangan_persetujuan == ["a", "c"]
