"""A clock's starting event in the reader's language (issue 14): the event is kept as a
key and its facts (``deadlines.peristiwa``) and put into words when shown, so the
English Tenggat page reads it in English; rows written before the key are read back by
the data migration (0008)."""

import datetime as dt
import importlib
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.agreements import services as ksdd_services
from kersa.agreements.choices import Status
from kersa.deadlines.models import Tenggat
from kersa.deadlines.services import tenggat_mulai
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
ID_TEKS = "Permohonan Persetujuan DPRD 100.3/210/Pem/2026 diterima DPRD pada 02-03-2026"
EN_TEKS = "Request for DPRD approval 100.3/210/Pem/2026 received by the DPRD on 02-03-2026"


def _permohonan(pemeran):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=WIB), tick=False):
        ksdd = ke_status(
            ksdd_baru(pemeran, membebani_masyarakat=True), Status.PERMOHONAN_DPRD, pemeran
        )
        ksdd_services.ksdd_ajukan_persetujuan_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="100.3/210/Pem/2026",
            tanggal_surat=dt.date(2026, 2, 27),
            tanggal_diterima=dt.date(2026, 3, 2),
            surat=unggahan_pdf("permohonan-dprd.pdf"),
            rancangan_pks=unggahan_naskah("rancangan-pks.docx", "pks", semua_bagian=True),
        )
    return ksdd


def _bahasa(client, kode):
    client.post(reverse("set_language"), {"language": kode, "next": "/"})


def test_english_tenggat_page_shows_the_starting_event_in_english(pemeran, client):
    ksdd = _permohonan(pemeran)
    jam = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
    assert jam.peristiwa == ID_TEKS  # stored in Indonesian, with its key and facts
    assert (jam.peristiwa_kode, jam.peristiwa_data) == (
        "dprd_permohonan",
        {"n": "100.3/210/Pem/2026", "t": "02-03-2026"},
    )
    with time_machine.travel(dt.datetime(2026, 3, 10, 9, tzinfo=WIB), tick=False):
        client.force_login(pemeran.sekretariat)
        _bahasa(client, "en")
        html = client.get(reverse("deadlines:daftar"), {"tampil": "semua"}).content.decode()
        assert EN_TEKS in html
        assert "diterima DPRD pada" not in html
        _bahasa(client, "id")
        assert (
            ID_TEKS in client.get(reverse("deadlines:daftar"), {"tampil": "semua"}).content.decode()
        )

        api = APIClient()
        api.force_authenticate(pemeran.sekretariat)
        data = api.get(f"/api/v1/tenggat/{jam.pk}/").json()
        assert (data["peristiwa"], data["peristiwa_kode"]) == (ID_TEKS, "dprd_permohonan")


def test_the_data_migration_reads_old_rows_back_into_a_key(pemeran, client):
    lama = [
        tenggat_mulai(
            rule="P37-1",
            kunci="uji:P37-1:2026",
            tanggal_peristiwa=dt.date(2026, 1, 1),
            peristiwa="Tahun 2026: Rapat Pleno TKKSD paling sedikit sekali setahun",
            jatuh_tempo=dt.date(2026, 12, 31),
        ),
        tenggat_mulai(
            rule="P19-3",
            kunci="uji:P19-3:1",
            tanggal_peristiwa=dt.date(2026, 3, 2),
            peristiwa="Kesepakatan Bersama ditandatangani pada 02-03-2026, berlaku sampai "
            "01-03-2031",
            jatuh_tempo=dt.date(2031, 3, 1),
        ),
        tenggat_mulai(
            rule="P28",
            kunci="uji:P28:bebas",
            tanggal_peristiwa=dt.date(2026, 7, 1),
            peristiwa="Catatan bebas dari petugas",
            jatuh_tempo=dt.date(2026, 12, 31),
        ),
    ]
    assert all(t.peristiwa_kode == "" for t in lama)
    migrasi = importlib.import_module("kersa.deadlines.migrations.0008_i12cal_peristiwa_kode")
    migrasi.isi_kode(apps, None)
    kode = dict(
        Tenggat.objects.filter(pk__in=[t.pk for t in lama]).values_list("kunci", "peristiwa_kode")
    )
    assert kode == {"uji:P37-1:2026": "pleno_tahunan", "uji:P19-3:1": "naskah", "uji:P28:bebas": ""}
    assert Tenggat.objects.get(kunci="uji:P19-3:1").peristiwa_data == {
        "naskah": "kb",
        "t": "02-03-2026",
        "s": "01-03-2031",
    }
    from django.utils import translation

    with translation.override("en"):
        teks = {t.kunci: t.peristiwa_teks for t in Tenggat.objects.filter(kunci__startswith="uji:")}
    assert teks["uji:P37-1:2026"] == "Year 2026: TKKSD plenary meeting at least once a year"
    assert teks["uji:P19-3:1"] == (
        "Kesepakatan Bersama (joint agreement) signed on 02-03-2026, valid until 01-03-2031"
    )
    assert teks["uji:P28:bebas"] == "Catatan bebas dari petugas"  # free text, as stored
