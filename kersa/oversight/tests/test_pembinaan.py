"""Association memberships (Pasal 43; P43), guidance activities (Pasal 44; P44), the
oversight home and the demo records."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.agreements.models import BantuanPendanaan
from kersa.core.errors import RuleViolation
from kersa.demo.pembinaan import demo_muat
from kersa.demo.skenario import ke_status
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.oversight import services
from kersa.oversight.choices import BentukPembinaan, JenisAsosiasi
from kersa.oversight.models import KeanggotaanAsosiasi, KegiatanPembinaan, StatusKeanggotaan

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
APKASI = "Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)"


@pytest.fixture
def waktu():
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


def _apkasi(pemeran, **ubah):
    data = {
        "user": pemeran.sekretariat,
        "jenis": JenisAsosiasi.APKASI,
        "nama": APKASI,
        "dasar": "Keputusan Bupati Barito Selatan tentang Keanggotaan APKASI",
        "mulai": dt.date(2019, 1, 1),
        "iuran_tahunan": Decimal("50000000"),
    }
    data.update(ubah)
    return services.keanggotaan_tambah(**data)


def _sosialisasi(pemeran, **ubah):
    data = {
        "user": pemeran.sekretariat,
        "bentuk": BentukPembinaan.SOSIALISASI,
        "judul": "Sosialisasi Perbup Barito Selatan Nomor 23 Tahun 2023",
        "tanggal": dt.date(2026, 2, 11),
        "tempat": "Aula Bappedalitbang, Buntok",
        "peserta": [pemeran.operator.perangkat_daerah, pemeran.operator_lain.perangkat_daerah],
    }
    data.update(ubah)
    return services.kegiatan_pembinaan_tambah(**data)


# --- P43 -------------------------------------------------------------------------------


def test_p43_membership_recorded_and_ended(pemeran, waktu):
    """Every change of a membership is a history row: who, when, from which date, why."""
    k = _apkasi(pemeran)
    assert k.selesai is None
    (dicatat,) = k.riwayat.all()
    assert (dicatat.dari, dicatat.ke) == ("", StatusKeanggotaan.BERJALAN)
    assert dicatat.tanggal == dt.date(2019, 1, 1) and dicatat.oleh == pemeran.sekretariat
    assert "Keanggotaan APKASI" in dicatat.alasan and dicatat.rule == "P43"
    alasan = "Keputusan Bupati Barito Selatan Nomor 188.45/112/2026 tentang penghentian iuran"
    services.keanggotaan_akhiri(
        keanggotaan=k, user=pemeran.sekretariat, selesai=dt.date(2026, 4, 30), alasan=alasan
    )
    k.refresh_from_db()
    assert k.selesai == dt.date(2026, 4, 30)
    akhir = k.riwayat.last()
    assert (akhir.dari, akhir.ke) == (StatusKeanggotaan.BERJALAN, StatusKeanggotaan.BERAKHIR)
    assert akhir.tanggal == dt.date(2026, 4, 30) and akhir.oleh == pemeran.sekretariat
    assert akhir.alasan == alasan
    assert akhir.pada == dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB)
    with pytest.raises(RuleViolation) as e:
        services.keanggotaan_akhiri(
            keanggotaan=k, user=pemeran.sekretariat, selesai=dt.date(2026, 5, 1), alasan="Lagi"
        )
    assert e.value.rule == "P43" and "Pasal 43" in e.value.detail
    assert k.riwayat.count() == 2


def test_p43_ending_without_a_reason_is_refused_and_leaves_no_row(pemeran, waktu):
    k = _apkasi(pemeran)
    with pytest.raises(RuleViolation) as e:
        services.keanggotaan_akhiri(
            keanggotaan=k, user=pemeran.sekretariat, selesai=dt.date(2026, 4, 30), alasan="  "
        )
    assert e.value.pelanggaran[0].field == "alasan" and "Pasal 43" in e.value.detail
    k.refresh_from_db()
    assert k.selesai is None and k.riwayat.count() == 1


def test_p43_overlapping_membership_of_same_association_is_refused(pemeran):
    _apkasi(pemeran)
    with pytest.raises(RuleViolation) as e:
        _apkasi(pemeran, mulai=dt.date(2024, 1, 1))
    assert e.value.rule == "P43" and e.value.pelanggaran[0].field == "nama"
    assert KeanggotaanAsosiasi.objects.count() == 1


def test_p43_ending_before_start_is_refused(pemeran):
    with pytest.raises(RuleViolation) as e:
        _apkasi(pemeran, selesai=dt.date(2018, 12, 31))
    assert e.value.pelanggaran[0].field == "selesai"


def test_p43_operator_may_not_record(pemeran):
    with pytest.raises(PermissionDenied):
        _apkasi(pemeran, user=pemeran.operator)


def test_p43_page_lists_adds_and_ends(client, pemeran, waktu):
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:asosiasi")
    r = client.post(
        url,
        {"jenis": "apkasi", "nama": APKASI, "mulai": "2019-01-01", "iuran_tahunan": "50000000"},
    )
    assert r.status_code == 302
    k = KeanggotaanAsosiasi.objects.get()
    html = client.get(url).content.decode()
    assert APKASI in html and "1 Januari 2019" in html
    r = client.post(
        reverse("pembinaan:asosiasi_akhiri", args=[k.pk]),
        {"selesai": "2026-04-30", "alasan": "Keputusan Bupati Nomor 188.45/112/2026"},
    )
    assert r.status_code == 302
    k.refresh_from_db()
    assert k.selesai == dt.date(2026, 4, 30)
    html = client.get(url).content.decode()
    berakhir = html[html.index('id="asosiasi-berakhir"') :]
    baris = berakhir[berakhir.index('data-ke="berakhir"') :]
    baris = baris[: baris.index("</li>")]
    assert "Keputusan Bupati Nomor 188.45/112/2026" in baris
    assert "Nur Aisyah" in baris and "30-04-2026" in baris and "[P43]" in baris


def test_p43_refused_ending_shows_on_its_row_with_what_was_typed(client, pemeran, waktu):
    apkasi = _apkasi(pemeran)
    forum = _apkasi(
        pemeran,
        jenis=JenisAsosiasi.WADAH_WAJIB,
        nama="Forum Kerja Sama Daerah Kawasan Barito",
        mulai=dt.date(2024, 8, 12),
    )
    client.force_login(pemeran.sekretariat)
    ketikan = "Forum dibubarkan menurut kesepakatan para Bupati"
    r = client.post(
        reverse("pembinaan:asosiasi_akhiri", args=[forum.pk]),
        {"selesai": "2024-01-31", "alasan": ketikan},  # before it began
    )
    assert r.status_code == 200
    html = r.content.decode()

    def baris(k):
        awal = html.index(f'id="asosiasi-{k.pk}"')
        return html[awal : html.index("</tr>", awal)]

    galat = "tidak dapat berakhir sebelum dimulai (Pasal 43). [P43]"
    assert html.count(galat) == 1 and galat in baris(forum)
    assert ketikan in baris(forum) and 'value="2024-01-31"' in baris(forum)
    assert "<details open>" in baris(forum) and "<details open>" not in baris(apkasi)
    assert ketikan not in baris(apkasi)
    forum.refresh_from_db()
    assert forum.selesai is None and forum.riwayat.count() == 1
    # without a reason: refused on its field, not saved
    r = client.post(
        reverse("pembinaan:asosiasi_akhiri", args=[forum.pk]), {"selesai": "2026-04-30"}
    )
    assert r.status_code == 200 and 'aria-invalid="true"' in r.content.decode()
    forum.refresh_from_db()
    assert forum.selesai is None


def test_p43_membership_starting_later_is_listed(client, pemeran, waktu):
    _apkasi(pemeran, nama="Forum Kawasan DAS Barito", mulai=dt.date(2026, 7, 1))
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("pembinaan:asosiasi")).content.decode()
    assert "Forum Kawasan DAS Barito" in html and "1 Juli 2026" in html


def test_p43_form_shows_refusal(client, pemeran):
    _apkasi(pemeran)
    client.force_login(pemeran.sekretariat)
    r = client.post(
        reverse("pembinaan:asosiasi"), {"jenis": "apkasi", "nama": APKASI, "mulai": "2020-01-01"}
    )
    assert r.status_code == 200 and "[P43]" in r.content.decode()


def test_p43_members_of_tkksd_read_but_cannot_add(client, pemeran):
    client.force_login(pemeran.anggota)
    r = client.get(reverse("pembinaan:asosiasi"))
    assert r.status_code == 200 and r.context["form"] is None
    assert client.post(reverse("pembinaan:asosiasi"), {}).status_code == 404
    client.force_login(pemeran.operator)
    assert client.get(reverse("pembinaan:asosiasi")).status_code == 403


# --- P44 -------------------------------------------------------------------------------


def test_p44_sosialisasi_for_dinkes_and_pupr(pemeran, ksdd):
    k = _sosialisasi(pemeran, ksdd=[ksdd])
    assert {pd.pk for pd in k.peserta.all()} == {
        pemeran.operator.perangkat_daerah_id,
        pemeran.operator_lain.perangkat_daerah_id,
    }
    assert list(k.ksdd.all()) == [ksdd]


def test_p44_activity_without_participants_is_refused(pemeran):
    with pytest.raises(RuleViolation) as e:
        _sosialisasi(pemeran, peserta=[])
    assert e.value.rule == "P44" and e.value.pelanggaran[0].field == "peserta"
    assert not KegiatanPembinaan.objects.exists()


def test_p44_activity_without_title_or_known_form_is_refused_all_at_once(pemeran):
    """A caller other than the web form (API, script) gets every missing part at once."""
    with pytest.raises(RuleViolation) as e:
        _sosialisasi(pemeran, bentuk="seminar", judul="   ", peserta=[])
    assert {(p.rule, p.field) for p in e.value.pelanggaran} == {
        ("P44", "bentuk"),
        ("P44", "judul"),
        ("P44", "peserta"),
    }
    assert "Pasal 44 ayat 2" in e.value.pelanggaran[0].detail
    assert not KegiatanPembinaan.objects.exists()


def test_p44_page_adds_and_filters(client, pemeran, django_assert_max_num_queries):
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:kegiatan")
    r = client.post(
        url,
        {
            "bentuk": "sosialisasi",
            "judul": "Sosialisasi Perbup 23/2023",
            "tanggal": "2026-02-11",
            "tempat": "Buntok",
            "peserta": [
                pemeran.operator.perangkat_daerah_id,
                pemeran.operator_lain.perangkat_daerah_id,
            ],
        },
    )
    assert r.status_code == 302
    for i in range(4):
        _sosialisasi(pemeran, judul=f"Bimbingan teknis {i}", bentuk=BentukPembinaan.BIMBINGAN)
    with django_assert_max_num_queries(20):
        html = client.get(url, {"tahun": 2026}).content.decode()
    assert "Sosialisasi Perbup 23/2023" in html and "11 Februari 2026" in html
    html = client.get(url, {"bentuk": "sosialisasi"}).content.decode()
    assert "Bimbingan teknis" not in html


def test_p44_form_without_participants_shows_pasal(client, pemeran):
    client.force_login(pemeran.sekretariat)
    r = client.post(
        reverse("pembinaan:kegiatan"),
        {"bentuk": "pedoman", "judul": "Pedoman laporan", "tanggal": "2026-02-11"},
    )
    assert r.status_code == 200
    assert "[P44]" in r.content.decode() and "Pasal 44" in r.content.decode()


def test_p44_operator_reads_guidance_only(client, pemeran):
    client.force_login(pemeran.operator)
    r = client.get(reverse("pembinaan:kegiatan"))
    assert r.status_code == 200 and r.context["form"] is None


# --- home and demo ---------------------------------------------------------------------


def test_home_links_the_sections_the_user_may_open(client, pemeran):
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("pembinaan:daftar")).content.decode()
    for name in ("monev", "perselisihan", "kegiatan", "asosiasi", "sekretariat"):
        assert reverse(f"pembinaan:{name}") in html
    client.force_login(pemeran.operator)
    html = client.get(reverse("pembinaan:daftar")).content.decode()
    assert reverse("pembinaan:kegiatan") in html
    assert reverse("pembinaan:sekretariat") not in html


def test_p31_1_p43_p44_demo_is_idempotent(pemeran, ksdd, waktu):
    penomoran_muat_default()
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    waktu.move_to(dt.datetime(2026, 8, 3, 9, 0, tzinfo=WIB))
    pertama = demo_muat(pemeran)
    assert pertama == {"asosiasi": 2, "kegiatan": 2, "bantuan": 1, "sekretariat": 0}
    assert demo_muat(pemeran) == {"asosiasi": 0, "kegiatan": 0, "bantuan": 0, "sekretariat": 0}
    assert KeanggotaanAsosiasi.objects.get(jenis="apkasi").mulai == dt.date(2019, 1, 1)
    assert BantuanPendanaan.objects.get().ksdd == ksdd


def test_p44_ksdd_typed_by_register_number_not_listed(
    client, pemeran, django_assert_max_num_queries
):
    """Issue 18: the form names no KSDD (a national register has 100,000); the KSDD
    discussed are typed by register number and saved, an unknown number refused."""
    from kersa.demo.skenario import ksdd_baru

    a = ksdd_baru(pemeran, judul="Pelayanan Kesehatan Rujukan Barito Selatan – Barito Timur")
    b = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito Selatan – Kapuas")
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:kegiatan")
    with django_assert_max_num_queries(20):
        html = client.get(url).content.decode()
    assert a.judul not in html and b.judul not in html  # no option per KSDD
    data = {
        "bentuk": "asistensi",
        "judul": "Asistensi pelaksanaan KSDD",
        "tanggal": "2026-03-10",
        "peserta": [pemeran.operator.perangkat_daerah_id],
    }
    r = client.post(url, data | {"ksdd": f"{b.nomor_register}, KSDD/2026/9999"})
    assert r.status_code == 200
    assert "KSDD/2026/9999 tidak ada" in " ".join(r.context["form"].errors["ksdd"])
    assert not KegiatanPembinaan.objects.filter(judul="Asistensi pelaksanaan KSDD").exists()
    r = client.post(url, data | {"ksdd": f"{b.nomor_register}\n{a.nomor_register}"})
    assert r.status_code == 302
    k = KegiatanPembinaan.objects.get(judul="Asistensi pelaksanaan KSDD")
    assert set(k.ksdd.all()) == {a, b}
