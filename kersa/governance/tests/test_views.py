"""The TKKSD pages: permissions, the home page, scheduling, agenda, result, documents."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.governance.choices import JenisAgenda, Kedudukan, StatusRapat
from kersa.governance.models import PemangkuJabatan, Rapat
from kersa.governance.services import agenda_tambah

from .conftest import jabatan

pytestmark = pytest.mark.django_db


def _masuk(client, user):
    client.force_login(user)
    return client


def test_home_shows_the_composition_and_meetings(
    client, pemeran, pleno, django_assert_max_num_queries
):
    _masuk(client, pemeran.anggota)
    with django_assert_max_num_queries(16):
        r = client.get(reverse("tkksd:daftar"))
    assert r.status_code == 200
    isi = r.content.decode()
    assert "Edy Purwanto, S.Sos., M.Si." in isi and "Sekretaris Daerah" in isi
    assert "Aula Sekretariat Daerah" in isi
    assert "Jadwalkan rapat" not in isi  # members read only


def test_operator_and_public_may_not_see_tkksd(client, pemeran, tkksd):
    assert _masuk(client, pemeran.operator).get(reverse("tkksd:daftar")).status_code == 403
    assert _masuk(client, pemeran.anggota).get(reverse("tkksd:rapat_buat")).status_code == 403


def test_secretariat_schedules_a_meeting(client, pemeran, tkksd):
    _masuk(client, pemeran.sekretariat)
    r = client.post(
        reverse("tkksd:rapat_buat"),
        {"jenis": "pleno", "tanggal": "2026-03-10", "waktu_mulai": "09:00", "tempat": "Aula Setda"},
    )
    rapat = Rapat.objects.get()
    assert r.status_code == 302 and r.url == reverse("tkksd:rapat", args=[rapat.pk])
    assert rapat.kehadiran.count() == 8


def test_p34_1_schedule_without_decree_shows_the_refusal(client, pemeran, tkksd):
    _masuk(client, pemeran.sekretariat)
    r = client.post(
        reverse("tkksd:rapat_buat"),
        {"jenis": "pleno", "tanggal": "2024-03-12", "tempat": "Aula Setda"},
    )
    assert r.status_code == 200
    assert "[P34-1]" in r.content.decode()


def test_p37_3_result_form_refuses_the_wrong_chair_and_keeps_the_input(
    client, pemeran, pleno, tkksd
):
    a = agenda_tambah(rapat=pleno, judul="Evaluasi KSDD", user=pemeran.sekretariat)
    _masuk(client, pemeran.sekretariat)
    data = {f"hadir_{k.pk}": "on" for k in pleno.kehadiran.all()}
    data |= {
        "pimpinan": jabatan(tkksd, Kedudukan.SEKRETARIS).pk,
        "ringkasan": "Rapat dibuka pukul 09.00 WIB.",
        f"uraian_{a.pk}": "Disepakati.",
    }
    r = client.post(reverse("tkksd:rapat_hasil", args=[pleno.pk]), data)
    assert r.status_code == 422
    isi = r.content.decode()
    assert "Rapat Pleno dipimpin oleh Ketua TKKSD" in isi and "[P37-3]" in isi
    assert "Rapat dibuka pukul 09.00 WIB." in isi
    data["pimpinan"] = jabatan(tkksd, Kedudukan.KETUA).pk
    r = client.post(reverse("tkksd:rapat_hasil", args=[pleno.pk]), data)
    assert r.status_code == 302
    pleno.refresh_from_db()
    assert pleno.status == StatusRapat.SELESAI
    r = client.post(reverse("tkksd:rapat_dokumen", args=[pleno.pk]))
    r = client.get(reverse("tkksd:rapat", args=[pleno.pk]))
    assert "unduh-ba" in r.content.decode()


def test_p37_2_agenda_form_refuses_programme_on_rapat_teknis(client, pemeran, teknis):
    _masuk(client, pemeran.sekretariat)
    r = client.post(
        reverse("tkksd:agenda_tambah", args=[teknis.pk]),
        {"judul": "Kebijakan KSDD", "jenis": JenisAgenda.KEBIJAKAN},
    )
    assert r.status_code == 422
    assert "[P37-2]" in r.content.decode()


def test_p35_1_holder_page_appoints_a_new_holder(client, pemeran, tkksd):
    ketua = jabatan(tkksd, Kedudukan.KETUA)
    _masuk(client, pemeran.sekretariat)
    r = client.post(
        reverse("tkksd:jabatan", args=[ketua.pk]),
        {"nama": "Drs. Hendra Saputra, M.Si.", "status": "plt", "mulai": "2026-07-01"},
    )
    assert r.status_code == 302
    assert PemangkuJabatan.objects.filter(jabatan=ketua).count() == 2
    assert (
        _masuk(client, pemeran.anggota)
        .post(
            reverse("tkksd:jabatan", args=[ketua.pk]),
            {"nama": "X", "status": "plt", "mulai": "2026-08-01"},
        )
        .status_code
        == 403
    )


def test_decree_and_programme_pages(client, pemeran, tkksd):
    _masuk(client, pemeran.sekretariat)
    r = client.post(
        reverse("tkksd:keputusan_buat"),
        {
            "jenis": "tkksd",
            "nomor": "188.45/5/2027",
            "tanggal": "2027-01-04",
            "tentang": "Pembentukan TKKSD",
            "berlaku_mulai": "2027-01-05",
            "jabatan_default": "on",
        },
    )
    assert r.status_code == 302
    assert "Sekretaris Daerah" in client.get(r.url).content.decode()
    r = client.post(reverse("tkksd:program_buat"), {"tahun": 2027})
    assert r.status_code == 302
    r = client.post(
        r.url, {"uraian": "Pemetaan KSDD 2028", "tugas": "b", "triwulan": "1"}, follow=True
    )
    assert "Pemetaan KSDD 2028" in r.content.decode()


def test_cancel_from_the_page(client, pemeran, pleno):
    _masuk(client, pemeran.sekretariat)
    r = client.post(reverse("tkksd:rapat_batal", args=[pleno.pk]), {"alasan": "Ditunda."})
    assert r.status_code == 302
    pleno.refresh_from_db()
    assert pleno.status == StatusRapat.BATAL
    assert dt.date(2026, 3, 10) == pleno.tanggal


def test_meeting_page_query_count(client, pemeran, pleno, tkksd, django_assert_max_num_queries):
    for i in range(3):
        agenda_tambah(rapat=pleno, judul=f"Agenda {i}", user=pemeran.sekretariat)
    _masuk(client, pemeran.sekretariat)
    with django_assert_max_num_queries(16):
        r = client.get(reverse("tkksd:rapat", args=[pleno.pk]))
    assert r.status_code == 200
    assert r.content.decode().count('name="uraian_') == 3
