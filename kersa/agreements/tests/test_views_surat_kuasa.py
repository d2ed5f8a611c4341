"""Surat Kuasa on the KSDD's pages (Pasal 24 ayat 2–3; P24-2, P24-3): the list on the KSDD
page, "Catat Surat Kuasa" and "Cabut" with a reason; the PKS signing form links to it
and takes a partner's own Surat Kuasa (P24-2)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.agreements.models import Penandatangan, SuratKuasa
from kersa.demo.skenario import ke_status
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate()


def _tgl(n: int = 0) -> str:
    return (HARI_INI - dt.timedelta(days=n)).isoformat()


def _url_catat(ksdd) -> str:
    return reverse("agreements:surat_kuasa_catat", args=[ksdd.pk])


def _url_cabut(ksdd, sk) -> str:
    return reverse("agreements:surat_kuasa_cabut", args=[ksdd.pk, sk.pk])


def _isian(pemeran, **ubah) -> dict:
    pd = pemeran.operator.perangkat_daerah
    data = {
        "nomor": "100.3.4/07/Pem/2026",
        "tanggal": _tgl(10),
        "pemberi": "Bupati Barito Selatan",
        "lingkup": "Menandatangani PKS pelayanan kesehatan rujukan.",
        "berlaku_sampai": _tgl(-30),
        "perangkat_daerah": pd.pk,
        "penerima_nama": pd.kepala_nama,
        "penerima_nip": "",
        "penerima_jabatan": "Kepala Dinas Kesehatan",
        "tanggal_tembusan": _tgl(9),
        "berkas": unggahan_pdf("surat-kuasa.pdf"),
    }
    return data | ubah


def _sk(pemeran, ksdd) -> SuratKuasa:
    pd = pemeran.operator.perangkat_daerah
    return services.surat_kuasa_create(
        user=pemeran.sekretariat,
        nomor="100.3.4/09/Pem/2026",
        tanggal=HARI_INI - dt.timedelta(days=10),
        pemberi="Bupati Barito Selatan",
        penerima_nama=pd.kepala_nama,
        penerima_jabatan="Kepala Dinas Kesehatan",
        perangkat_daerah=pd,
        ksdd=ksdd,
        lingkup="Menandatangani PKS pelayanan kesehatan rujukan.",
        tanggal_tembusan=HARI_INI - dt.timedelta(days=9),
    )


def test_p24_2_secretariat_records_a_surat_kuasa_on_the_ksdd_page(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    halaman = client.get(_url_catat(ksdd))
    assert halaman.status_code == 200
    form = halaman.context["form"]
    assert form["penerima_nama"].value() == pemeran.operator.perangkat_daerah.kepala_nama
    assert form["pemberi"].value() == "Bupati Barito Selatan"
    resp = client.post(_url_catat(ksdd), _isian(pemeran))
    assert resp.status_code == 302
    assert resp["Location"] == reverse("agreements:detail", args=[ksdd.pk]) + "#surat-kuasa"
    sk = SuratKuasa.objects.get()
    assert (sk.nomor, sk.ksdd, sk.tanggal, sk.tanggal_tembusan, sk.dicatat_oleh) == (
        "100.3.4/07/Pem/2026",
        ksdd,
        HARI_INI - dt.timedelta(days=10),
        HARI_INI - dt.timedelta(days=9),
        pemeran.sekretariat,
    )
    assert sk.berkas.jenis == JenisBerkas.SURAT_KUASA
    assert ksdd.riwayat.filter(aksi="surat_kuasa").exists()
    html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert 'id="daftar-surat-kuasa"' in html
    assert "100.3.4/07/Pem/2026" in html
    assert f'id="cabut-surat-kuasa-{sk.pk}"' in html
    assert "Surat Kuasa dicatat" in html  # the history row's label


def test_p24_2_recipient_not_the_kepala_is_refused_on_the_page(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    resp = client.post(
        _url_catat(ksdd), _isian(pemeran, penerima_nama="Siti Aminah", tanggal_tembusan=_tgl(11))
    )
    assert resp.status_code == 200
    errors = resp.context["form"].errors
    assert any(
        "Siti Aminah bukan Kepala Dinas Kesehatan yang tercatat" in e and "[P24-2]" in e
        for e in errors["penerima_nama"]
    )
    assert any("(Pasal 24 ayat 3). [P24-3]" in e for e in errors["tanggal_tembusan"])
    assert not SuratKuasa.objects.exists()
    assert not Berkas.objects.filter(jenis=JenisBerkas.SURAT_KUASA).exists()
    assert 'id="berkas-ulang"' in resp.content.decode()


@pytest.mark.parametrize(("peran", "kode"), [("operator", 403), ("operator_lain", 403)])
def test_p24_2_operators_cannot_record_or_revoke(client, pemeran, ksdd, peran, kode):
    sk = _sk(pemeran, ksdd)
    client.force_login(getattr(pemeran, peran))
    assert client.get(_url_catat(ksdd)).status_code == kode
    assert client.post(_url_catat(ksdd), _isian(pemeran, nomor="X/1")).status_code == kode
    resp = client.post(_url_cabut(ksdd, sk), {"tanggal": _tgl(1), "alasan": "x"})
    assert resp.status_code == kode
    assert SuratKuasa.objects.count() == 1
    sk.refresh_from_db()
    assert not sk.dicabut


def test_p24_2_owning_agency_operator_sees_the_list_without_actions(client, pemeran, ksdd):
    sk = _sk(pemeran, ksdd)
    client.force_login(pemeran.operator)
    html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert sk.nomor in html
    assert f'id="cabut-surat-kuasa-{sk.pk}"' not in html
    assert 'id="tautan-catat-surat-kuasa"' not in html
    client.force_login(pemeran.operator_lain)
    assert client.get(reverse("agreements:detail", args=[ksdd.pk])).status_code == 404


def test_p24_2_revocation_with_reason_on_the_page_then_pks_signing_refused(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    sk = _sk(pemeran, ksdd)
    client.force_login(pemeran.sekretariat)
    # an empty reason is refused citing the Pasal, nothing changes
    resp = client.post(_url_cabut(ksdd, sk), {"tanggal": _tgl(2), "alasan": ""})
    assert resp.status_code == 200
    assert resp.context["form"].errors["alasan"] == [
        "Tuliskan alasan pencabutan Surat Kuasa (Pasal 24 ayat 2). [P24-2]"
    ]
    sk.refresh_from_db()
    assert not sk.dicabut
    resp = client.post(_url_cabut(ksdd, sk), {"tanggal": _tgl(2), "alasan": "Kepala dimutasi."})
    assert resp.status_code == 302
    sk.refresh_from_db()
    assert (sk.dicabut, sk.alasan_pencabutan, sk.tanggal_pencabutan) == (
        True,
        "Kepala dimutasi.",
        HARI_INI - dt.timedelta(days=2),
    )
    html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert "Kepala dimutasi." in html and "Dicabut" in html
    assert f'id="cabut-surat-kuasa-{sk.pk}"' not in html
    # revoking again is refused
    resp = client.post(_url_cabut(ksdd, sk), {"tanggal": _tgl(1), "alasan": "Lagi."})
    assert resp.status_code == 200
    assert any("telah dicabut" in e for e in resp.context["form"].non_field_errors())
    # the signing page no longer offers it and links to recording a new one
    resp = client.get(reverse("agreements:langkah", args=[ksdd.pk, "tandatangani_pks"]))
    field = resp.context["form"].fields["pihak0_surat_kuasa"]
    assert sk not in field.queryset
    assert _url_catat(ksdd) in str(field.help_text)
    assert "Catat Surat Kuasa baru" in resp.content.decode()


def _ttd_web(ksdd, **mitra) -> dict:
    data = {
        "versi": ksdd.versi,
        "tanggal": _tgl(3),
        "tempat": "Buntok",
        "naskah": unggahan_pdf("pks-ttd.pdf"),
        "pihak0_nomor_naskah": "100.3.7/12/Pem/2026",
        "pihak0_nama": "Eddy Raya Samsuri",
        "pihak0_jabatan": "Bupati Barito Selatan",
        "pihak0_kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
        "pihak1_nomor_naskah": "100.3/21/Pem/2026",
        "pihak1_nama": "Ahmad Riduan",
        "pihak1_jabatan": "Kepala Dinas Kesehatan Kabupaten Barito Timur",
        "pihak1_kedudukan": KedudukanPenandatangan.PEJABAT_KUASA,
    }
    return data | {f"pihak1_{k}": v for k, v in mitra.items()}


def test_p24_2_partner_official_on_the_signing_page_needs_its_own_surat_kuasa(
    client, pemeran, ksdd
):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    ksdd.refresh_from_db()
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:langkah", args=[ksdd.pk, "tandatangani_pks"])
    resp = client.post(url, _ttd_web(ksdd))
    assert resp.status_code == 200
    assert any(
        "isi nomor dan tanggal Surat Kuasa Bupati Barito Timur" in e and "[P24-2]" in e
        for e in resp.context["form"].errors["pihak1_nomor_surat_kuasa_mitra"]
    )
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
    resp = client.post(
        url,
        _ttd_web(
            ksdd, nomor_surat_kuasa_mitra="180/05/SK-BT/2026", tanggal_surat_kuasa_mitra=_tgl(6)
        ),
    )
    assert resp.status_code == 302
    mitra = Penandatangan.objects.get(naskah__jenis="pks", wilayah_id="62.13")
    assert (mitra.nomor_surat_kuasa_mitra, mitra.tanggal_surat_kuasa_mitra) == (
        "180/05/SK-BT/2026",
        HARI_INI - dt.timedelta(days=6),
    )
