"""P25-7: an amendment of the PKS that adds a burden to the public or the budget needs
DPRD's approval first, a record of its own (number, date, signatory, scan) dated on or
after the amendment was proposed to DPRD; recorded through the service, the web step
and the API action, the amendment version accepted once it exists. Refusals cite the
Pasal, give both dates, and save nothing."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import PersetujuanDprdPerubahan, RiwayatTahap
from kersa.api.tests.bantuan import langkah as api_langkah
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import naskah_docx, unggahan_naskah, unggahan_pdf
from kersa.documents.models import Berkas, Dokumen
from kersa.documents.services.versi import versi_tambah

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    c = APIClient()
    c.force_login(user)
    return c


# Wednesday 10 June 2026; the PKS signed 3 days before (skenario): 7 June 2026.
HARI = dt.date(2026, 6, 10)


@pytest.fixture
def pelaksanaan(pemeran, ksdd):
    with time_machine.travel(dt.datetime(2026, 6, 10, 9, 0), tick=False):
        ke_status(ksdd, Status.PELAKSANAAN, pemeran)
        yield ksdd


def _data(**ubah) -> dict:
    data = {
        "perihal": "Addendum I: retribusi layanan rujukan",
        "nomor_usulan": "100.3/301/Pem/2026",
        "tanggal_usulan": dt.date(2026, 6, 8),
        "nomor": "170/30/DPRD/2026",
        "tanggal": dt.date(2026, 6, 9),
        "penandatangan_nama": "H. Ketua Dewan",
        "penandatangan_jabatan": "Ketua DPRD Kabupaten Barito Selatan",
        "surat": unggahan_pdf("persetujuan-dprd-addendum.pdf"),
    }
    data.update(ubah)
    return data


def _catat(ksdd, user, **ubah):
    ksdd.refresh_from_db()
    return services.ksdd_catat_persetujuan_dprd_perubahan(ksdd=ksdd, user=user, **_data(**ubah))


def _addendum(ksdd, user, **kw):
    pks = Dokumen.objects.get(ksdd=ksdd, jenis="pks")
    return versi_tambah(
        dokumen=pks,
        data=naskah_docx("pks", ksdd, tanpa=("lain_lain",)),
        nama="addendum-1.docx",
        asal=AsalVersi.PERUBAHAN,
        user=user,
        menambah_beban=True,
        **kw,
    )


def test_p25_7_approval_dated_before_the_proposal_is_refused_with_both_dates(pelaksanaan, pemeran):
    berkas = Berkas.objects.count()
    riwayat = RiwayatTahap.objects.count()
    with pytest.raises(RuleViolation) as exc:
        _catat(
            pelaksanaan,
            pemeran.sekretariat,
            tanggal=dt.date(2026, 6, 8),
            tanggal_usulan=dt.date(2026, 6, 9),
        )
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P25-7", "tanggal")]
    assert exc.value.detail == (
        "Persetujuan DPRD bertanggal 08-06-2026, sebelum perubahan diusulkan kepada DPRD "
        "pada 09-06-2026; persetujuan atas perubahan yang menambah beban diberikan atas "
        "usulan itu, tidak sebelumnya (Pasal 25 ayat 7)."
    )
    assert not PersetujuanDprdPerubahan.objects.exists()
    assert Berkas.objects.count() == berkas and RiwayatTahap.objects.count() == riwayat


def test_p25_7_proposal_before_the_pks_was_signed_is_refused(pelaksanaan, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pelaksanaan, pemeran.sekretariat, tanggal_usulan=dt.date(2026, 6, 1))
    assert exc.value.rule == "P25-3"
    assert "01-06-2026" in exc.value.detail and "07-06-2026" in exc.value.detail
    assert not PersetujuanDprdPerubahan.objects.exists()


def test_p25_7_approval_needs_number_signatory_and_scan(pelaksanaan, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pelaksanaan, pemeran.sekretariat, nomor="", penandatangan_nama="", surat=None)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [
        ("P25-7", "nomor"),
        ("P25-7", "penandatangan_nama"),
        ("P25-7", "surat"),
    ]
    assert str(exc.value.pelanggaran[0].detail) == (
        "Sebutkan nomor surat Persetujuan DPRD atas perubahan (Pasal 25 ayat 7)."
    )
    assert not PersetujuanDprdPerubahan.objects.exists()


def test_p25_7_amendment_refused_then_accepted_once_the_approval_is_recorded(pelaksanaan, pemeran):
    pks = Dokumen.objects.get(ksdd=pelaksanaan, jenis="pks")
    n = pks.versi.count()
    with pytest.raises(RuleViolation) as exc:
        _addendum(pelaksanaan, pemeran.operator)
    assert exc.value.rule == "P25-7"
    assert "catat Persetujuan DPRD atas perubahan ini" in exc.value.detail
    assert pks.versi.count() == n
    _catat(pelaksanaan, pemeran.sekretariat)
    pelaksanaan.refresh_from_db()
    assert pelaksanaan.status == Status.PELAKSANAAN
    row = pelaksanaan.riwayat.order_by("-id").first()
    assert (row.aksi, row.rule, row.dari, row.ke) == (
        "catat_persetujuan_dprd_perubahan",
        "P25-7",
        Status.PELAKSANAAN,
        Status.PELAKSANAAN,
    )
    assert "diusulkan pada 08-06-2026" in row.alasan and "tanggal 09-06-2026" in row.alasan
    v = _addendum(pelaksanaan, pemeran.operator)
    p = PersetujuanDprdPerubahan.objects.get()
    assert v.persetujuan_dprd_perubahan == p and v.nomor == n + 1
    assert (p.tanggal_usulan, p.tanggal, p.penandatangan_jabatan) == (
        dt.date(2026, 6, 8),
        dt.date(2026, 6, 9),
        "Ketua DPRD Kabupaten Barito Selatan",
    )
    # one approval covers one amendment: a second burdening amendment needs its own
    with pytest.raises(RuleViolation) as exc:
        _addendum(pelaksanaan, pemeran.operator)
    assert exc.value.rule == "P25-7"


def test_p25_7_api_action_refuses_then_records(pelaksanaan, pemeran):
    api = _api(pemeran.sekretariat)
    pelaksanaan.refresh_from_db()
    r = api_langkah(
        api,
        pelaksanaan,
        "catat_persetujuan_dprd_perubahan",
        _data(tanggal=dt.date(2026, 6, 7), tanggal_usulan=dt.date(2026, 6, 8)),
    )
    assert r.status_code == 422, r.json()
    assert r.json()["rule"] == "P25-7"
    assert "07-06-2026" in r.json()["detail"] and "08-06-2026" in r.json()["detail"]
    assert not PersetujuanDprdPerubahan.objects.exists()
    r = api_langkah(api, pelaksanaan, "catat_persetujuan_dprd_perubahan", _data())
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.PELAKSANAAN
    assert PersetujuanDprdPerubahan.objects.get().nomor == "170/30/DPRD/2026"


def test_p25_7_web_step_and_amendment_upload(client, pelaksanaan, pemeran):
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:langkah", args=[pelaksanaan.pk, "catat_persetujuan_dprd_perubahan"])
    assert client.get(url).status_code == 200

    def kirim(**ubah):
        pelaksanaan.refresh_from_db()
        data = _data(**ubah)
        data["tanggal"] = data["tanggal"].isoformat()
        data["tanggal_usulan"] = data["tanggal_usulan"].isoformat()
        return client.post(url, {"versi": pelaksanaan.versi, **data})

    resp = kirim(tanggal=dt.date(2026, 6, 7), tanggal_usulan=dt.date(2026, 6, 8))
    assert resp.status_code == 200
    galat = resp.context["form"].errors["tanggal"][0]
    assert "07-06-2026" in galat and "08-06-2026" in galat and "P25-7" in galat
    assert not PersetujuanDprdPerubahan.objects.exists()
    resp = kirim()
    assert resp.status_code == 302
    p = PersetujuanDprdPerubahan.objects.get()

    # the KSDD page offers it for the amendment upload, which then rests on it
    halaman = client.get(reverse("agreements:detail", args=[pelaksanaan.pk]))
    assert "170/30/DPRD/2026 (09-06-2026)" in halaman.content.decode()
    client.force_login(pemeran.operator)
    pks = Dokumen.objects.get(ksdd=pelaksanaan, jenis="pks")
    resp = client.post(
        reverse("documents:unggah_versi", args=[pelaksanaan.pk]),
        {
            "dokumen": pks.pk,
            "asal": "perubahan",
            "berkas": unggahan_naskah("addendum-1.docx", "pks", pelaksanaan, tanpa=("lain_lain",)),
            "menambah_beban": "on",
            "persetujuan_perubahan": p.pk,
        },
    )
    assert resp.status_code == 302
    v = pks.versi.order_by("-nomor").first()
    assert v.asal == "perubahan" and v.persetujuan_dprd_perubahan == p
