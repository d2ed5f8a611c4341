"""P21-1: the inputs that decide whether DPRD approval is needed are fixed once the KAK
is submitted; the secretariat or the Ketua change them with a reason and evidence."""

import pgtrigger
import pytest
from django.core.exceptions import PermissionDenied

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status
from kersa.documents.contoh import unggahan_pdf

pytestmark = pytest.mark.django_db

ALASAN = "Anggaran kegiatan dialihkan dalam Perubahan APBD 2026."


def test_p21_1_operator_cannot_change_the_dprd_inputs_after_submission(ksdd, pemeran):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    versi = ksdd.versi
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_update(
            ksdd=ksdd, user=pemeran.operator, dianggarkan_apbd=False, lokasi="Buntok"
        )
    assert (exc.value.rule, exc.value.pelanggaran[0].field) == ("P21-1", "dianggarkan_apbd")
    assert "(Pasal 21 ayat 1)" in exc.value.detail
    ksdd.refresh_from_db()
    assert (ksdd.dianggarkan_apbd, ksdd.lokasi, ksdd.versi) == (True, ksdd.lokasi, versi)
    assert ksdd.lokasi != "Buntok"


def test_p21_1_operator_may_change_them_while_the_kak_is_drafted(ksdd, pemeran):
    services.ksdd_update(ksdd=ksdd, user=pemeran.operator, membebani_masyarakat=True)
    ksdd.refresh_from_db()
    assert ksdd.membebani_masyarakat


@pytest.mark.parametrize("peran", ["sekretariat", "ketua"])
def test_p21_1_secretariat_or_ketua_change_with_reason_recorded_in_history(ksdd, pemeran, peran):
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    user = getattr(pemeran, peran)
    services.ksdd_ubah_dasar_dprd(
        ksdd=ksdd,
        user=user,
        alasan=ALASAN,
        bukti=unggahan_pdf("perubahan-apbd.pdf"),
        dianggarkan_apbd=False,
        nomor_dpa="",
    )
    ksdd.refresh_from_db()
    assert (ksdd.dianggarkan_apbd, ksdd.nomor_dpa) == (False, "")
    assert ksdd.memerlukan_persetujuan_dprd
    row = ksdd.riwayat.get(aksi="ubah_dasar_dprd")
    assert (row.oleh, row.rule, row.alasan) == (user, "P21-1", ALASAN)
    assert row.data["lama"]["dianggarkan_apbd"] is True
    assert row.data["baru"] == {"dianggarkan_apbd": False, "nomor_dpa": ""}
    assert row.berkas.count() == 1
    assert ksdd.status == Status.PENYUSUNAN_KB


@pytest.mark.parametrize("kosong", ["alasan", "bukti"])
def test_p21_1_change_needs_a_reason_and_evidence(ksdd, pemeran, kosong):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    data = {"alasan": ALASAN, "bukti": unggahan_pdf("bukti.pdf"), kosong: None}
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_ubah_dasar_dprd(
            ksdd=ksdd, user=pemeran.sekretariat, membebani_masyarakat=True, **data
        )
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P21-1", kosong)]
    ksdd.refresh_from_db()
    assert not ksdd.membebani_masyarakat
    assert not ksdd.riwayat.filter(aksi="ubah_dasar_dprd").exists()


def test_p21_1_operator_cannot_use_the_secretariat_change(ksdd, pemeran):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    with pytest.raises(PermissionDenied):
        services.ksdd_ubah_dasar_dprd(
            ksdd=ksdd,
            user=pemeran.operator,
            alasan=ALASAN,
            bukti=unggahan_pdf("bukti.pdf"),
            membebani_masyarakat=True,
        )


def test_p21_1_judged_again_at_pks_signing_against_the_fiscal_year(ksdd, pemeran):
    """Budgeted in the APBD of the year the KAK was submitted; a PKS signed in a later
    fiscal year is not budgeted there, so it needs DPRD approval."""

    from kersa.agreements.models import Naskah

    from .test_services_naskah import _ttd

    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    assert not ksdd.memerlukan_persetujuan_dprd
    row = ksdd.riwayat.get(aksi="ajukan_kak")
    tahun_lalu = row.waktu.replace(year=row.waktu.year - 1)
    # A history row is written once (P13); the test moves its date with the trigger off.
    with pgtrigger.ignore("agreements.RiwayatTahap:riwayat_tetap_ubah"):
        ksdd.riwayat.filter(pk=row.pk).update(waktu=tahun_lalu)
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran.bupati, pks=True)
    assert exc.value.rule == "P21-1"
    assert f"APBD tahun {tahun_lalu.year}" in exc.value.detail
    assert "(Pasal 21 ayat 1)" in exc.value.detail
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS
    assert Naskah.objects.get(ksdd=ksdd, jenis="pks").tanggal_ditandatangani is None
    # Same fiscal year: signed.
    with pgtrigger.ignore("agreements.RiwayatTahap:riwayat_tetap_ubah"):
        ksdd.riwayat.filter(pk=row.pk).update(waktu=row.waktu)
    _ttd(ksdd, pemeran.bupati, pks=True)  # P12: on the day its komparisi says
    assert ksdd.status == Status.PELAKSANAAN


# --- the web page (P21-1) -----------------------------------------------------------------


def _url_dasar(ksdd):
    from django.urls import reverse

    return reverse("agreements:dasar_dprd", args=[ksdd.pk])


def test_p21_1_web_secretariat_changes_the_dprd_inputs_from_the_ksdd_page(client, ksdd, pemeran):
    from django.urls import reverse

    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    client.force_login(pemeran.sekretariat)
    halaman = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert f'href="{_url_dasar(ksdd)}"' in halaman
    form = client.get(_url_dasar(ksdd)).context["form"]
    assert (form["dianggarkan_apbd"].value(), form["nomor_dpa"].value()) == (True, ksdd.nomor_dpa)
    resp = client.post(
        _url_dasar(ksdd),
        {
            "versi": ksdd.versi,
            "membebani_masyarakat": "on",
            "dianggarkan_apbd": "on",
            "nomor_dpa": ksdd.nomor_dpa,
            "alasan": ALASAN,
            "bukti": unggahan_pdf("perubahan-apbd.pdf"),
        },
    )
    assert resp.status_code == 302
    ksdd.refresh_from_db()
    assert ksdd.membebani_masyarakat and ksdd.memerlukan_persetujuan_dprd
    row = ksdd.riwayat.get(aksi="ubah_dasar_dprd")
    assert (row.oleh, row.data["baru"]) == (pemeran.sekretariat, {"membebani_masyarakat": True})


def test_p21_1_web_change_without_evidence_is_refused_and_saves_nothing(client, ksdd, pemeran):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    client.force_login(pemeran.ketua)
    resp = client.post(
        _url_dasar(ksdd),
        {"versi": ksdd.versi, "dianggarkan_apbd": "", "nomor_dpa": "", "alasan": ALASAN},
    )
    assert resp.status_code == 200
    assert resp.context["form"].errors["bukti"] == [
        "Unggah bukti perubahan dasar Persetujuan DPRD (Pasal 21 ayat 1). [P21-1]"
    ]
    ksdd.refresh_from_db()
    assert ksdd.dianggarkan_apbd and not ksdd.riwayat.filter(aksi="ubah_dasar_dprd").exists()


def test_p21_1_web_operator_has_no_dprd_input_page(client, ksdd, pemeran):
    from django.urls import reverse

    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    client.force_login(pemeran.operator)
    assert client.get(_url_dasar(ksdd)).status_code == 403
    halaman = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert "ubah-dasar-dprd" not in halaman
