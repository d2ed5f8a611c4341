"""Dasbor: counts by stage (P13), urusan, bentuk, partner, year; clocks kept and missed;
operators see their own agency's KSDD only; a fixed number of queries."""

import datetime as dt
import io

import pytest

from kersa.agreements.choices import Kategori, Status, Tahap
from kersa.core.testing import jumlah_kueri
from kersa.deadlines.choices import Akibat, Satuan, StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.regions.models import Wilayah

URL = "/dasbor/"


def _pupr(pemeran, **kw):
    return ksdd_baru(
        pemeran,
        user=pemeran.operator_lain,
        perangkat_daerah=pemeran.operator_lain.perangkat_daerah,
        judul="Pemeliharaan Jalan Poros Buntok – Pujon",
        mitra=[Wilayah.objects.get(kode="62.03")],
        **kw,
    )


def _get(client, user, url=URL, **params):
    client.force_login(user)
    return client.get(url, params)


def _tenggat(ksdd, rule, status, n):
    for i in range(n):
        Tenggat.objects.create(
            rule=rule,
            kunci=f"uji:{rule}:{ksdd.pk}:{status}:{i}",
            ksdd=ksdd,
            peristiwa="Surat penawaran diterima",
            tanggal_peristiwa=dt.date(2026, 3, 2),
            satuan=Satuan.HARI_KALENDER,
            panjang=30,
            jatuh_tempo=dt.date(2026, 4, 1),
            status=status,
            akibat=Akibat.BUKA_TUGAS,
        )


@pytest.mark.django_db
def test_dashboard_needs_login_and_view_permission(client, pemeran):
    assert client.get(URL).status_code == 302
    assert _get(client, pemeran.publik).status_code == 403
    assert _get(client, pemeran.sekretariat).status_code == 200


@pytest.mark.django_db
def test_p13_counts_by_stage_urusan_bentuk_partner(client, pemeran, ksdd):
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    _pupr(pemeran)
    resp = _get(client, pemeran.sekretariat)
    g = {x.kunci: x for x in resp.context["grafik"]}
    tahap = {b.kode: b.nilai for b in g["tahap"].baris}
    assert tahap[Tahap.PENAWARAN] == 1
    assert tahap[Tahap.PERSIAPAN] == 1
    assert sum(tahap.values()) == 2
    assert {b.kode: b.nilai for b in g["urusan"].baris} == {"a.2": 2}
    assert {b.kode: b.nilai for b in g["bentuk"].baris} == {"a": 2}
    assert {b.kode: b.nilai for b in g["mitra"].baris} == {"62.13": 1, "62.03": 1}
    html = resp.content.decode()
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "Penawaran" in html


@pytest.mark.django_db
def test_operator_sees_only_own_agency(client, pemeran, ksdd):
    _pupr(pemeran)
    assert _get(client, pemeran.operator).context["total"] == 1
    assert _get(client, pemeran.operator_lain).context["total"] == 1
    assert _get(client, pemeran.sekretariat).context["total"] == 2
    mitra = _get(client, pemeran.operator).context["mitra"]
    assert [r["mitra__kode"] for r in mitra] == ["62.13"]


@pytest.mark.django_db
def test_filter_by_year_and_category(client, pemeran, ksdd):
    tahun = ksdd.dibuat_pada.year
    assert _get(client, pemeran.sekretariat, tahun=tahun).context["total"] == 1
    assert _get(client, pemeran.sekretariat, tahun=tahun - 1).context["total"] == 0
    assert _get(client, pemeran.sekretariat, kategori="sukarela").context["total"] == 0
    assert _get(client, pemeran.sekretariat, kategori="wajib").context["total"] == 1
    # nonsense is ignored, not an error
    assert _get(client, pemeran.sekretariat, tahun="abc", kategori="x").status_code == 200


@pytest.mark.django_db
def test_htmx_filter_returns_the_partial(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    resp = client.get(URL, {"kategori": "wajib"}, headers={"HX-Request": "true"})
    assert resp.status_code == 200
    assert b"<html" not in resp.content and b"grafik-tahap" in resp.content


@pytest.mark.django_db
def test_p16_4_deadlines_kept_and_missed_per_rule(client, pemeran, ksdd):
    before = {r["rule"]: r for r in _get(client, pemeran.sekretariat).context["tenggat"]}
    _tenggat(ksdd, "P16-4", StatusTenggat.TERPENUHI, 2)
    _tenggat(ksdd, "P16-4", StatusTenggat.TERLEWAT, 1)
    rows = {r["rule"]: r for r in _get(client, pemeran.sekretariat).context["tenggat"]}
    lama = before.get("P16-4", {"terpenuhi": 0, "terlewat": 0})
    assert rows["P16-4"]["terpenuhi"] == lama["terpenuhi"] + 2
    assert rows["P16-4"]["terlewat"] == lama["terlewat"] + 1
    assert rows["P16-4"]["pasal"] == "Pasal 16 ayat (4)"
    # the operator of another agency does not see the Dinkes KSDD's clocks
    lain = {r["rule"]: r for r in _get(client, pemeran.operator_lain).context["tenggat"]}
    assert lain.get("P16-4", {"terlewat": 0})["terlewat"] == 0


def _kelas(resp) -> dict[str, str]:
    return {s["kode"]: s["kelas"] for s in resp.context["peta"]["bentuk"]}


@pytest.mark.django_db
def test_p13_map_draws_both_provinces_and_colours_partners_by_state(client, pemeran, ksdd):
    """Every kabupaten/kota of Kalimantan Tengah and Selatan is a shape; a partner whose
    KSDD is at Persiapan is "in progress", never "running" (P13: Pelaksanaan runs)."""
    tanjung = Wilayah.objects.get(kode="63.09")  # Tabalong, Kalimantan Selatan
    k = ksdd_baru(
        pemeran,
        judul="Promosi Bersama Wisata Sungai Barito dengan Kabupaten Tabalong",
        kategori=Kategori.SUKARELA,
        mitra=[tanjung],
    )
    ke_status(k, Status.PELAKSANAAN, pemeran)
    resp = _get(client, pemeran.sekretariat)
    kelas = _kelas(resp)
    assert len(kelas) == 27  # 14 in province 62, 13 in province 63
    assert {k[:2] for k in kelas} == {"62", "63"}
    assert kelas["62.04"] == "daerah"
    assert ksdd.status == Status.PENYUSUNAN_KAK  # Persiapan
    assert kelas["62.13"] == "mitra-proses"
    assert kelas["63.09"] == "mitra-berjalan"
    assert kelas["62.05"] == "tetangga"  # Barito Utara borders Barito Selatan
    assert kelas["62.08"] == "lain"
    html = resp.content.decode()
    assert '<a href="/ksdd/?mitra=63.09" class="wilayah mitra-berjalan" data-kode="63.09">' in html
    assert "<title>Kabupaten Tabalong (63.09): 1 KSDD, berjalan (pelaksanaan)</title>" in html
    assert "<title>Kabupaten Barito Timur (62.13): 1 KSDD, dalam proses, belum pelaksanaan" in html
    assert resp.context["peta"]["luar"] == []
    # every partner lies in 62/63: the national layer is not sent
    assert resp.context["peta"]["nasional"] is None
    assert 'class="negara"' not in html and "Mitra di luar peta" not in html


@pytest.mark.django_db
def test_map_draws_partners_outside_62_63_on_the_national_layer(client, pemeran):
    """Issue 14: every partner region wherever it lies. Kabupaten Bandung (32.04, KSDD at
    Pelaksanaan) and Kota Surabaya (35.78, KSDD at Persiapan) are points of the national
    layer at their seats, coloured by state and linking to the register filtered to them."""
    bandung = Wilayah.objects.get(kode="32.04")
    surabaya = Wilayah.objects.get(kode="35.78")
    k = ksdd_baru(
        pemeran,
        judul="Pemasaran Rotan Barito Selatan di Kabupaten Bandung",
        kategori=Kategori.SUKARELA,
        mitra=[bandung],
    )
    ke_status(k, Status.PELAKSANAAN, pemeran)
    ksdd_baru(
        pemeran,
        judul="Promosi Wisata Sungai Barito di Kota Surabaya",
        kategori=Kategori.SUKARELA,
        mitra=[surabaya],
    )
    resp = _get(client, pemeran.sekretariat)
    peta = resp.context["peta"]
    assert "32.04" not in _kelas(resp) and "35.78" not in _kelas(resp)
    titik = {t["mitra__kode"]: t for t in peta["nasional"]["titik"]}
    assert set(titik) == {"32.04", "35.78"}
    # x = (lng - 94.5) * 12, y = (6.5 - lat) * 12: Soreang -7.13, 107.62; Surabaya -7.26, 112.75
    assert (titik["32.04"]["x"], titik["32.04"]["y"]) == (157, 164)
    assert (titik["35.78"]["x"], titik["35.78"]["y"]) == (219, 165)
    x, y, w, h = peta["nasional"]["kotak"]  # the box of the kabupaten map: Java is south of it
    assert titik["35.78"]["y"] > y + h
    assert peta["nasional"]["daerah"] == {"x": 244, "y": 101}  # Barito Selatan, Buntok
    html = resp.content.decode()
    assert (
        '<a href="/ksdd/?mitra=32.04" class="wilayah mitra-berjalan" data-kode="32.04">'
        "<title>Kabupaten Bandung (32.04): 1 KSDD, berjalan (pelaksanaan)</title>"
        '<circle cx="157" cy="164" r="6"/></a>'
    ) in html
    assert (
        '<a href="/ksdd/?mitra=35.78" class="wilayah mitra-proses" data-kode="35.78">'
        "<title>Kota Surabaya (35.78): 1 KSDD, dalam proses, belum pelaksanaan</title>"
    ) in html
    assert peta["luar"] == [] and "Mitra di luar peta" not in html
    for kode in ("32.04", "35.78"):
        register = client.get(titik[kode]["tautan"])
        assert register.context["halaman"].paginator.count == 1


@pytest.mark.django_db
def test_map_lists_apart_only_a_partner_without_geometry(client, pemeran):
    """A kabupaten formed after the shipped geometry was built (a new code, here 62.14 as a
    pemekaran of Kalimantan Tengah) has neither shape nor point: it is listed apart, never
    dropped, until ``bangun_peta_batas`` is run again; Balikpapan (64.71) is a point."""
    baru = Wilayah.objects.create(
        kode="62.14", nama="Pemekaran Uji", jenis="kabupaten", provinsi_id="62"
    )
    balikpapan = Wilayah.objects.get(kode="64.71")
    ksdd_baru(
        pemeran,
        judul="Pemasaran Rotan Barito Selatan di Balikpapan",
        kategori=Kategori.SUKARELA,
        mitra=[baru, balikpapan],
    )
    resp = _get(client, pemeran.sekretariat)
    peta = resp.context["peta"]
    assert [t["mitra__kode"] for t in peta["nasional"]["titik"]] == ["64.71"]
    assert [(r["mitra__kode"], r["kelas"]) for r in peta["luar"]] == [("62.14", "mitra-proses")]
    html = resp.content.decode()
    assert "Mitra di luar peta" in html
    assert f'<a href="/ksdd/?mitra=62.14">{baru.nama}</a>' in html


@pytest.mark.django_db
def test_map_links_keep_the_dashboard_filter(client, pemeran, ksdd):
    resp = _get(client, pemeran.sekretariat, tahun=2026, kategori=Kategori.WAJIB)
    assert "/ksdd/?tahun=2026&amp;kategori=wajib&amp;mitra=62.13" in resp.content.decode()


@pytest.mark.django_db
def test_chart_bars_link_to_the_filtered_register(client, pemeran, ksdd):
    """A bar stands for KSDD: it opens the register filtered to them, and the register
    then lists exactly that many."""
    _pupr(pemeran)
    resp = _get(client, pemeran.sekretariat)
    html = resp.content.decode()
    grafik = {g.kunci: g for g in resp.context["grafik"]}
    tautan = {b.kode: b.tautan for b in grafik["tahap"].baris}
    assert tautan[Tahap.PERSIAPAN] == "/ksdd/?tahap=a"
    assert '<a href="/ksdd/?tahap=a"><g class="isi">' in html
    assert '<a href="/ksdd/?tahap=b">' not in html  # an empty bar is not a link
    mitra = {b.kode: b.tautan for b in grafik["mitra"].baris}
    assert mitra == {"62.13": "/ksdd/?mitra=62.13", "62.03": "/ksdd/?mitra=62.03"}
    bentuk = grafik["bentuk"].baris[0]
    urusan = grafik["urusan"].baris[0]
    for b in (grafik["tahap"].baris[0], grafik["mitra"].baris[0], bentuk, urusan):
        register = client.get(b.tautan)
        assert register.status_code == 200
        assert register.context["halaman"].paginator.count == b.nilai, b.label


@pytest.mark.django_db
def test_demo_dashboard_map_shows_barito_kuala_and_tabalong(client, pemeran):
    """Issue 14, Done means: the demo's partners across the province line (Barito Kuala
    63.04, KSDD at Persiapan; Tabalong 63.09, KSDD rejected) are drawn and linked."""
    from django.core.management import call_command

    call_command("muat_demo", stdout=io.StringIO())
    resp = _get(client, pemeran.sekretariat)
    kelas = _kelas(resp)
    assert kelas["63.04"] == "mitra-proses"  # Persiapan is not "running"
    assert kelas["63.09"] == "mitra-berakhir"
    assert kelas["62.13"] == "mitra-berjalan"  # the Pelaksanaan KSDD
    html = resp.content.decode()
    for kode, nama in (("63.04", "Barito Kuala"), ("63.09", "Tabalong")):
        assert f'<a href="/ksdd/?mitra={kode}" class="wilayah' in html
        assert f"<title>Kabupaten {nama} ({kode}): 1 KSDD, " in html
        register = client.get(f"/ksdd/?mitra={kode}")
        assert register.context["halaman"].paginator.count == 1


def _hitung(client, user):
    client.force_login(user)
    return jumlah_kueri(client, URL)  # warm visit


@pytest.mark.django_db
def test_dashboard_query_count_does_not_grow(client, pemeran, ksdd):
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    _pupr(pemeran)
    dua = {u: _hitung(client, getattr(pemeran, u)) for u in ("sekretariat", "operator")}
    for i in range(8):
        k = ksdd_baru(pemeran, judul=f"Kerja sama uji {i}")
        if i % 3 == 0:
            ke_status(k, Status.KAK_DIAJUKAN, pemeran)
    sepuluh = {u: _hitung(client, getattr(pemeran, u)) for u in ("sekretariat", "operator")}
    assert sepuluh == dua
    assert max(sepuluh.values()) <= 20


@pytest.mark.django_db
def test_p13_ended_ksdd_counted_apart_and_partner_greyed(client, pemeran):
    from kersa.agreements.services import ksdd_batalkan

    k = _pupr(pemeran)
    ksdd_batalkan(ksdd=k, user=pemeran.sekretariat, alasan="Obyek dialihkan ke APBD Provinsi.")
    resp = _get(client, pemeran.sekretariat)
    tahap = {b.kode: b.nilai for b in resp.context["grafik"][0].baris}
    assert tahap[Status.DIBATALKAN] == 1
    assert sum(v for kode, v in tahap.items() if kode in Tahap.values) == 0
    assert _kelas(resp)["62.03"] == "mitra-berakhir"
