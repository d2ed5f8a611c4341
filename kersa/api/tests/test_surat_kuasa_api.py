"""Surat Kuasa through the API (Pasal 24 ayat 2–3; P24-2, P24-3):
``ksdd/{id}/surat_kuasa/`` GET / POST (multipart for the scan), ``surat-kuasa/{id}/`` and
``surat-kuasa/{id}/cabut/``; a revoked one refused at the PKS signing; a partner's
official signing under the partner's own Surat Kuasa."""

import pytest
from django.urls import reverse

from kersa.agreements import services
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.agreements.models import Penandatangan, SuratKuasa
from kersa.demo.skenario import ke_status
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas

from .bantuan import data_tandatangani, hari, langkah, multipart

pytestmark = pytest.mark.django_db


def _url(ksdd) -> str:
    return reverse("api:ksdd-surat-kuasa", kwargs={"pk": ksdd.pk})


def _url_cabut(sk) -> str:
    return reverse("api:surat-kuasa-cabut", kwargs={"pk": sk.pk})


def _data(pemeran, **ubah) -> dict:
    pd = pemeran.operator.perangkat_daerah
    data = {
        "nomor": "100.3.4/07/Pem/2026",
        "tanggal": hari(10),
        "pemberi": "Bupati Barito Selatan",
        "penerima_nama": pd.kepala_nama,
        "penerima_jabatan": "Kepala Dinas Kesehatan",
        "perangkat_daerah": pd.pk,
        "lingkup": "Menandatangani PKS pelayanan kesehatan rujukan.",
        "berlaku_sampai": hari(-30),
        "tanggal_tembusan": hari(9),
        "berkas": unggahan_pdf("surat-kuasa.pdf"),
    }
    return data | ubah


def _post(client, ksdd, data):
    return client.post(_url(ksdd), multipart(data), format="multipart")


def test_p24_2_secretariat_records_a_surat_kuasa_through_the_api(ksdd, pemeran, klien):
    sekretariat = klien(pemeran.sekretariat)
    r = _post(sekretariat, ksdd, _data(pemeran))
    assert r.status_code == 201, r.json()
    body = r.json()
    sk = SuratKuasa.objects.get()
    assert body["id"] == sk.pk
    assert (body["ksdd"], body["nomor"], body["tanggal"], body["tanggal_tembusan"]) == (
        ksdd.pk,
        "100.3.4/07/Pem/2026",
        hari(10).isoformat(),
        hari(9).isoformat(),
    )
    assert (body["dicabut"], body["dicatat_oleh"]) == (False, pemeran.sekretariat.username)
    assert sk.berkas.jenis == JenisBerkas.SURAT_KUASA
    assert ksdd.riwayat.filter(aksi="surat_kuasa").exists()
    # the owning agency's operator reads the list; another agency's gets 404
    r = klien(pemeran.operator).get(_url(ksdd))
    assert r.status_code == 200
    assert [row["nomor"] for row in r.json()] == ["100.3.4/07/Pem/2026"]
    assert klien(pemeran.operator_lain).get(_url(ksdd)).status_code == 404


@pytest.mark.parametrize(("peran", "kode"), [("operator", 403), ("operator_lain", 404)])
def test_p24_2_operators_cannot_record_through_the_api(ksdd, pemeran, klien, peran, kode):
    r = _post(klien(getattr(pemeran, peran)), ksdd, _data(pemeran))
    assert r.status_code == kode
    assert not SuratKuasa.objects.exists()
    assert not Berkas.objects.filter(jenis=JenisBerkas.SURAT_KUASA).exists()


def test_p24_2_recipient_not_the_kepala_returns_422_and_saves_nothing(ksdd, pemeran, klien):
    r = _post(klien(pemeran.sekretariat), ksdd, _data(pemeran, penerima_nama="Siti Aminah"))
    assert r.status_code == 422
    body = r.json()
    assert body["rule"] == "P24-2"
    assert "Siti Aminah bukan Kepala Dinas Kesehatan yang tercatat" in body["detail"]
    assert "(Pasal 24 ayat 2)" in body["detail"]
    assert body["pelanggaran"][0]["field"] == "penerima_nama"
    assert not SuratKuasa.objects.exists()
    assert not Berkas.objects.filter(jenis=JenisBerkas.SURAT_KUASA).exists()


def test_p24_3_copy_dated_before_the_surat_kuasa_returns_422(ksdd, pemeran, klien):
    r = _post(klien(pemeran.sekretariat), ksdd, _data(pemeran, tanggal_tembusan=hari(11)))
    assert r.status_code == 422
    assert r.json()["rule"] == "P24-3"
    assert "tidak boleh sebelum tanggal Surat Kuasa" in r.json()["detail"]
    assert not SuratKuasa.objects.exists()
    assert not Berkas.objects.exists()


def test_p24_2_duplicate_number_returns_400(ksdd, pemeran, klien):
    sekretariat = klien(pemeran.sekretariat)
    assert _post(sekretariat, ksdd, _data(pemeran)).status_code == 201
    r = _post(sekretariat, ksdd, _data(pemeran))
    assert r.status_code == 400
    assert "nomor" in r.json()
    assert SuratKuasa.objects.count() == 1
    assert Berkas.objects.filter(jenis=JenisBerkas.SURAT_KUASA).count() == 1


def test_p24_2_revocation_through_the_api_then_pks_signing_refused(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    sekretariat = klien(pemeran.sekretariat)
    assert _post(sekretariat, ksdd, _data(pemeran)).status_code == 201
    sk = SuratKuasa.objects.get()
    # an empty reason: 422 citing the Pasal, nothing changes
    r = sekretariat.post(_url_cabut(sk), {"tanggal": hari(2), "alasan": ""}, format="json")
    assert r.status_code == 422
    assert r.json()["detail"] == "Tuliskan alasan pencabutan Surat Kuasa (Pasal 24 ayat 2)."
    sk.refresh_from_db()
    assert not sk.dicabut
    # the operator may not revoke
    r = klien(pemeran.operator).post(
        _url_cabut(sk), {"tanggal": hari(2), "alasan": "x"}, format="json"
    )
    assert r.status_code == 403
    r = sekretariat.post(
        _url_cabut(sk), {"tanggal": hari(2), "alasan": "Kepala dimutasi."}, format="json"
    )
    assert r.status_code == 200, r.json()
    body = r.json()
    assert (body["dicabut"], body["alasan_pencabutan"], body["tanggal_pencabutan"]) == (
        True,
        "Kepala dimutasi.",
        hari(2).isoformat(),
    )
    assert body["dicabut_oleh"] == pemeran.sekretariat.username
    assert sk.history.count() == 2
    assert ksdd.riwayat.filter(aksi="cabut_surat_kuasa").count() == 1
    # twice: 422
    r = sekretariat.post(_url_cabut(sk), {"tanggal": hari(1), "alasan": "Lagi."}, format="json")
    assert r.status_code == 422
    assert "telah dicabut" in r.json()["detail"]
    # the PKS signed under it is refused (P24-2)
    data = data_tandatangani(ksdd, hari(3))
    data["penandatangan"][0].update(
        kedudukan=KedudukanPenandatangan.PEJABAT_KUASA,
        nama=sk.penerima_nama,
        jabatan=sk.penerima_jabatan,
        surat_kuasa=sk.pk,
    )
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_pks", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P24-2"
    assert "telah dicabut" in r.json()["detail"]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()


def test_p24_2_one_surat_kuasa_is_read_with_view_suratkuasa(ksdd, pemeran, klien):
    pd = pemeran.operator.perangkat_daerah
    sk = services.surat_kuasa_create(
        user=pemeran.sekretariat,
        nomor="100.3.4/08/Pem/2026",
        tanggal=hari(5),
        pemberi="Bupati Barito Selatan",
        penerima_nama=pd.kepala_nama,
        penerima_jabatan="Kepala Dinas Kesehatan",
        perangkat_daerah=pd,
        ksdd=ksdd,
        lingkup="PKS.",
    )
    url = reverse("api:surat-kuasa-detail", kwargs={"pk": sk.pk})
    assert klien(pemeran.anggota).get(url).json()["nomor"] == sk.nomor
    assert klien(pemeran.operator).get(url).status_code == 403  # no view_suratkuasa


def test_p24_2_partner_official_under_its_own_surat_kuasa_through_the_api(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    data = data_tandatangani(ksdd, hari(3))
    data["penandatangan"][1].update(
        nama="Ahmad Riduan",
        jabatan="Kepala Dinas Kesehatan Kabupaten Barito Timur",
        kedudukan=KedudukanPenandatangan.PEJABAT_KUASA,
    )
    bupati = klien(pemeran.bupati)
    r = langkah(bupati, ksdd, "tandatangani_pks", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P24-2"
    assert "isi nomor dan tanggal Surat Kuasa Bupati Barito Timur" in r.json()["detail"]
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
    data["penandatangan"][1].update(
        nomor_surat_kuasa_mitra="180/05/SK-BT/2026", tanggal_surat_kuasa_mitra=hari(6)
    )
    data["naskah"] = unggahan_pdf("naskah-ttd.pdf")
    r = langkah(bupati, ksdd, "tandatangani_pks", data)
    assert r.status_code == 200, r.json()
    mitra = Penandatangan.objects.get(naskah__jenis="pks", wilayah_id="62.13")
    assert (mitra.nomor_surat_kuasa_mitra, mitra.tanggal_surat_kuasa_mitra) == (
        "180/05/SK-BT/2026",
        hari(6),
    )
