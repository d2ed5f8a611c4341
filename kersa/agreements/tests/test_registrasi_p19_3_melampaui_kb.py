"""P19-3 (WARN) at the registration of an existing agreement (P26), as at signing.

A PKS registered with its KB is set against that KB by the very function the PKS
signing runs (``services.naskah.pks_melampaui_kb``): a PKS that runs past the KB's end,
or was signed after the KB ended, is refused without a reason, naming Pasal 19 ayat 3,
on the page, in the XLSX/CSV import and in the service; with a reason it is registered
and the reason kept on the PKS and in the history.

The registration row of ``baris_impor``: KB 05-02-2024 … 04-02-2029, PKS signed
11-03-2024, running 11-03-2024 … 10-03-2027.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements import impor, services
from kersa.agreements.forms import RegistrasiForm
from kersa.agreements.models import Ksdd
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import baris_impor as baris
from kersa.documents.contoh import unggahan_pdf

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
LEWAT = "PKS berlaku sampai 04-02-2030, melewati berakhirnya Kesepakatan Bersama pada 04-02-2029"


@pytest.fixture
def waktu():
    with time_machine.travel(dt.datetime(2026, 11, 16, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


def _argumen(user, **ubah):
    form = RegistrasiForm(data=impor._nilai_form(baris(**ubah), impor._Acuan()), user=user)
    assert form.is_valid(), form.errors
    return form.argumen()


def test_p19_3_registered_pks_past_its_kb_is_refused_without_a_reason(waktu, pemeran):
    arg = _argumen(pemeran.sekretariat, pks_berakhir="04-02-2030")
    with pytest.raises(RuleViolation) as e:
        services.ksdd_daftarkan(user=pemeran.sekretariat, pindaian_wajib=False, **arg)
    (p,) = e.value.pelanggaran
    assert (p.rule, p.field) == ("P19-3", "alasan_melampaui_kb")
    assert LEWAT in p.detail and "Pasal 19 ayat 3" in p.detail
    assert not Ksdd.objects.exists()


def test_p19_3_registered_pks_past_its_kb_with_a_reason_keeps_it(waktu, pemeran):
    alasan = "Addendum perpanjangan KB sedang ditandatangani para pihak."
    arg = _argumen(pemeran.sekretariat, pks_berakhir="04-02-2030", alasan_melampaui_kb=alasan)
    k = services.ksdd_daftarkan(user=pemeran.sekretariat, pindaian_wajib=False, **arg)
    assert k.naskah.get(jenis="pks").alasan_melampaui_kb == alasan
    r = k.riwayat.get()
    assert LEWAT in r.alasan and alasan in r.alasan
    assert r.data["melampaui_kb"]["kb_berakhir"] == "2029-02-04"


def test_p19_3_pks_within_its_kb_needs_no_reason(waktu, pemeran):
    k = services.ksdd_daftarkan(
        user=pemeran.sekretariat, pindaian_wajib=False, **_argumen(pemeran.sekretariat)
    )
    assert k.naskah.get(jenis="pks").alasan_melampaui_kb == ""
    assert "melampaui_kb" not in k.riwayat.get().data


def test_p19_3_pks_signed_after_its_kb_ended_is_refused_in_the_import(waktu, pemeran):
    """The spreadsheet: a KB that ended 04-02-2025 and a PKS signed on 11-03-2025 (row 3)
    is refused with its row, column and Pasal; with the reason column it is imported."""
    rows = [
        baris(1),
        baris(
            2,
            kb_berakhir="04-02-2025",
            pks_tanggal="11-03-2025",
            pks_mulai="11-03-2025",
            pks_berakhir="10-03-2026",
        ),
    ]
    from kersa.agreements.tests.test_registrasi import xlsx

    hasil = impor.impor_ksdd(
        user=pemeran.sekretariat, dataset=impor.baca_berkas(xlsx(rows), "a.xlsx")
    )
    assert [(k.baris, k.kolom) for k in hasil.kesalahan] == [(3, "alasan_melampaui_kb")]
    assert "setelah Kesepakatan Bersama berakhir pada 04-02-2025" in hasil.kesalahan[0].pesan
    assert not Ksdd.objects.exists()
    rows[1]["alasan_melampaui_kb"] = "PKS meneruskan layanan rujukan sampai KB baru."
    hasil = impor.impor_ksdd(
        user=pemeran.sekretariat, dataset=impor.baca_berkas(xlsx(rows), "a.xlsx")
    )
    assert hasil.kesalahan == [] and len(hasil.tersimpan) == 2


def test_p19_3_register_page_shows_the_warning_on_its_field(waktu, pemeran, client):
    client.force_login(pemeran.sekretariat)
    data = impor._nilai_form(baris(1, pks_berakhir="04-02-2030"), impor._Acuan())
    data["kb_pindaian"] = unggahan_pdf("kb.pdf")
    data["pks_pindaian"] = unggahan_pdf("pks.pdf")
    r = client.post(reverse("agreements:daftarkan"), data)
    assert r.status_code == 200
    html = r.content.decode()
    assert 'name="alasan_melampaui_kb"' in html and LEWAT in html
    assert not Ksdd.objects.exists()
    data["alasan_melampaui_kb"] = "Perpanjangan KB menyusul."
    data["kb_pindaian"] = unggahan_pdf("kb.pdf")
    data["pks_pindaian"] = unggahan_pdf("pks.pdf")
    r = client.post(reverse("agreements:daftarkan"), data)
    assert r.status_code == 302, r.content.decode()[:2000]
