"""The Tenggat page, the home page counts and the countdown on the KSDD page."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from kersa.core.testing import jumlah_kueri
from kersa.deadlines.services import tenggat_mulai
from kersa.demo.skenario import ksdd_baru

D = dt.date
HARI_INI = dt.datetime(2026, 3, 16, 9, 0)  # Monday 16 March 2026, Asia/Jakarta


@pytest.fixture
def hari_ini(time_machine):
    time_machine.move_to(HARI_INI, tick=False)
    return HARI_INI.date()


def _jam(ksdd, rule, mulai, jatuh_tempo=None, kunci=None):
    return tenggat_mulai(
        rule=rule,
        kunci=kunci or f"uji:{rule}:{ksdd.pk}:{mulai}:{jatuh_tempo}",
        tanggal_peristiwa=mulai,
        peristiwa="Surat diterima",
        ksdd=ksdd,
        jatuh_tempo=jatuh_tempo,
    )


def _grup(html: str, kode: str) -> str:
    m = re.search(rf'<section aria-labelledby="grup-{kode}".*?</section>', html, re.S)
    return m.group(0)


@pytest.fixture
def empat_jam(ksdd, hari_ini):
    return {
        "terlewat": _jam(ksdd, "P16-4", D(2026, 2, 8)),  # due Tue 10 March
        "hari_ini": _jam(ksdd, "P16-4", D(2026, 2, 14)),  # due Mon 16 March
        "minggu_ini": _jam(ksdd, "P18-2", D(2026, 2, 24)),  # 15 working days: Tue 17 March
        "berikutnya": _jam(ksdd, "P19-3", D(2025, 10, 1), jatuh_tempo=D(2030, 9, 30)),
    }


def test_tenggat_page_groups_with_rule_pasal_and_countdown(client, pemeran, empat_jam):
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("deadlines:daftar")).content.decode()
    lewat = _grup(html, "terlewat")
    assert "P16-4" in lewat and "Pasal 16 ayat (4)" in lewat
    assert "terlambat 6 hari kalender" in lewat
    assert "Selasa, 10 Maret 2026" in lewat
    assert "Jatuh tempo hari ini" in _grup(html, "hari_ini")
    assert "Senin, 16 Maret 2026" in _grup(html, "hari_ini")
    minggu = _grup(html, "minggu_ini")
    assert "P18-2" in minggu and "1 hari kerja lagi" in minggu
    assert "Selasa, 17 Maret 2026" in minggu
    # Due in 2030: not among what needs action soon (the default view), but in "later".
    assert "P19-3" not in html and 'id="grup-berikutnya"' not in html
    html_nanti = client.get(reverse("deadlines:daftar"), {"tampil": "berikutnya"}).content.decode()
    assert "P19-3" in _grup(html_nanti, "berikutnya") and "P16-4" not in html_nanti
    assert "P19-3" in _grup(
        client.get(reverse("deadlines:daftar"), {"tampil": "semua"}).content.decode(), "berikutnya"
    )
    assert empat_jam["hari_ini"].ksdd.nomor_register in html
    assert reverse("agreements:detail", args=[empat_jam["hari_ini"].ksdd_id]) in html


def test_calendar_day_period_ending_on_a_day_off_is_noted(client, pemeran, ksdd, hari_ini):
    _jam(ksdd, "P16-4", D(2026, 2, 19))  # 30 calendar days: Saturday 21 March (Idul Fitri)
    client.force_login(pemeran.operator)
    html = _grup(client.get(reverse("deadlines:daftar")).content.decode(), "minggu_ini")
    assert "Sabtu, 21 Maret 2026" in html
    assert "Hari Raya Idul Fitri" in html
    assert "tetap berakhir pada tanggal ini" in html


def test_operator_sees_own_agency_only(client, pemeran, empat_jam):
    client.force_login(pemeran.operator_lain)
    html = client.get(reverse("deadlines:daftar")).content.decode()
    assert "P16-4" not in html and 'name="pd"' not in html
    client.force_login(pemeran.operator)
    html = client.get(reverse("deadlines:daftar")).content.decode()
    assert "P16-4" in html and 'name="pd"' not in html


def test_secretariat_filters_by_agency(client, pemeran, empat_jam):
    client.force_login(pemeran.sekretariat)
    dinkes = pemeran.operator.perangkat_daerah
    pupr = pemeran.operator_lain.perangkat_daerah
    html = client.get(reverse("deadlines:daftar"), {"pd": dinkes.pk}).content.decode()
    assert 'name="pd"' in html and "P16-4" in html
    html = client.get(reverse("deadlines:daftar"), {"pd": pupr.pk}).content.decode()
    assert "P16-4" not in html


def test_no_role_is_refused(client, pemeran):
    client.force_login(pemeran.publik)
    assert client.get(reverse("deadlines:daftar")).status_code == 403


def _hitung_kueri(client, url) -> int:
    return jumlah_kueri(client, url, panaskan=False)


def test_tenggat_page_fixed_number_of_queries(client, pemeran, hari_ini, django_assert_num_queries):
    ksdds = [ksdd_baru(pemeran) for _i in range(5)]
    url = reverse("deadlines:daftar")
    client.force_login(pemeran.sekretariat)
    for i, k in enumerate(ksdds[:1]):
        _jam(k, "P16-4", D(2026, 2, 8 + i))
        _jam(k, "P18-2", D(2026, 2, 25), kunci=f"b{i}")
    client.get(url)  # warm the session
    # session, user, permissions (2), agencies, clocks, calendar, counts of the near
    # views, role label, unread count
    with django_assert_num_queries(11):
        client.get(url)
    for i, k in enumerate(ksdds):
        _jam(k, "P16-4", D(2026, 2, 20 + i))
        _jam(k, "P19-3", D(2025, 1, 1), jatuh_tempo=D(2027, 1, 1 + i))
    from kersa.deadlines.models import Tenggat

    assert Tenggat.objects.count() == 12
    with django_assert_num_queries(11):
        client.get(url)


def test_home_page_counts(client, pemeran, empat_jam):
    client.force_login(pemeran.operator)
    html = client.get(reverse("beranda:home")).content.decode()
    m = re.search(r'<p class="hitung-tenggat">(.*?)</p>', html, re.S)
    teks = re.sub(r"<[^>]+>|\s+", " ", m.group(1))
    assert re.sub(r"\s+", " ", teks).strip() == "Tenggat: 1 terlewat · 1 hari ini · 1 minggu ini"
    assert reverse("deadlines:daftar") in m.group(1)
    client.force_login(pemeran.operator_lain)
    html = client.get(reverse("beranda:home")).content.decode()
    assert "0 </span> terlewat" in html or ">0</span> terlewat" in html


def test_ksdd_page_countdown(client, pemeran, ksdd, time_machine):
    # Thursday 5 March 2026: 12 working days to Monday 30 March (18–24 March are off).
    time_machine.move_to(dt.datetime(2026, 3, 5, 9, 0), tick=False)
    _jam(ksdd, "P22-3", D(2026, 1, 1), jatuh_tempo=D(2026, 3, 30))
    selesai = _jam(ksdd, "P16-4", D(2026, 1, 5))
    from kersa.deadlines.services import tenggat_akhiri

    tenggat_akhiri(tenggat=selesai, ke="terpenuhi", pada=D(2026, 1, 20))
    client.force_login(pemeran.operator)
    html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    teks = re.sub(r"<[^>]+>|\s+", " ", html)
    assert "12 hari kerja lagi — jatuh tempo Senin, 30 Maret 2026 · Pasal 22 ayat (3)" in re.sub(
        r"\s+", " ", teks
    )
    assert "1 tenggat selesai" in html and "Terpenuhi" in html


def test_tenggat_page_in_english(client, pemeran):
    client.force_login(pemeran.sekretariat)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("deadlines:daftar")).content.decode()
    assert "<h1>Deadlines</h1>" in html
    assert "Due today" in html and "Overdue" in html
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert "<h1>Tenggat</h1>" in client.get(reverse("deadlines:daftar")).content.decode()


def test_p28_p34_2j_p37_1_clocks_link_to_the_page_where_their_record_is_made(
    client, pemeran, hari_ini
):
    """A clock no KSDD step meets says where its record is made (Pasal 28, 34, 37)."""
    from kersa.deadlines.pekerja import tenggat_periodik_mulai

    tenggat_periodik_mulai(hari_ini=hari_ini)
    pd = pemeran.operator.perangkat_daerah
    tenggat_mulai(
        rule="P28",
        kunci=f"P28:pd:{pd.pk}:2026-1",
        tanggal_peristiwa=D(2026, 1, 1),
        peristiwa="Semester I 2026",
        perangkat_daerah=pd,
        jatuh_tempo=D(2026, 6, 30),
    )
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("deadlines:daftar"), {"tampil": "semua"}).content.decode()
    assert 'href="/pembinaan/monev/?periode=2026-1">Catat di halamannya' in html
    assert 'href="/laporan/tkksd/?periode=2026-1">Catat di halamannya' in html
    assert 'href="/tkksd/">Catat di halamannya' in html
    assert client.get("/pembinaan/monev/?periode=2026-1").status_code == 200


def _baris(html: str) -> list[str]:
    return re.findall(r'<tr data-tenggat="(\d+)">', html)


def test_tenggat_page_shows_what_needs_action_soon_in_pages_of_50_by_keyset(
    client, pemeran, ksdd, hari_ini
):
    """Issue 18 item 3: by default missed clocks and open clocks due within 14 days,
    50 a page; the next page is read after the last row (no OFFSET, no COUNT of the
    rows), with the same queries and about the same bytes on every page."""
    from kersa.deadlines.models import Tenggat

    # 120 P16-4 clocks (30 calendar days) due from Tue 10 March to Sun 29 March 2026.
    for i in range(120):
        _jam(ksdd, "P16-4", D(2026, 2, 8) + dt.timedelta(days=i % 20), kunci=f"s{i}")
    # Due later than 14 days (Thu 2 April): only under "Berikutnya" or with ?hari=30.
    jauh = _jam(ksdd, "P16-4", D(2026, 3, 3), kunci="jauh")
    client.force_login(pemeran.sekretariat)
    url = reverse("deadlines:daftar")

    hal1 = client.get(url).content.decode()
    assert len(_baris(hal1)) == 50
    assert str(jauh.pk) not in _baris(hal1)
    m = re.search(r'href="\?([^"]*setelah=[^"]*)" rel="next"', hal1)
    assert m, "no next page link"
    terlihat = _baris(hal1)
    berikut = m.group(1).replace("&amp;", "&")
    ukuran = [len(hal1)]
    kueri = [_hitung_kueri(client, url)]
    while berikut:
        kueri.append(_hitung_kueri(client, f"{url}?{berikut}"))
        html = client.get(f"{url}?{berikut}").content.decode()
        ukuran.append(len(html))
        terlihat += _baris(html)
        m = re.search(r'href="\?([^"]*setelah=[^"]*)" rel="next"', html)
        berikut = m.group(1).replace("&amp;", "&") if m else ""
    # Every clock of the view once, in due-date order, over three pages of 50, 50, 20.
    urut = list(
        Tenggat.objects.filter(kunci__startswith="s")
        .order_by("jatuh_tempo", "id")
        .values_list("pk", flat=True)
    )
    assert [int(x) for x in terlihat] == urut
    assert len(ukuran) == 3 and len(set(kueri)) == 1
    assert abs(ukuran[1] - ukuran[0]) < 0.1 * ukuran[0]
    # The counts of the near views: one aggregate.
    assert 'Perlu tindakan segera <span class="angka">120</span>' in hal1
    assert 'Terlewat <span class="angka">36</span>' in hal1
    # 30 days reach the far clock (the 121st row: page 3); "later" ends with it.
    tiga_puluh = client.get(url, {"hari": 30, "tampil": "segera"}).content.decode()
    assert 'Perlu tindakan segera <span class="angka">121</span>' in tiga_puluh
    nanti = client.get(url, {"tampil": "berikutnya"}).content.decode()
    assert _baris(nanti)[-1] == str(jauh.pk)


def test_tenggat_page_refuses_an_unknown_view_or_page(client, pemeran, hari_ini):
    client.force_login(pemeran.sekretariat)
    url = reverse("deadlines:daftar")
    r = client.get(url, {"tampil": "besok"})
    assert r.status_code == 400 and "Pilihan tampil “besok” tidak sah." in r.content.decode()
    assert client.get(url, {"hari": "365"}).status_code == 400
    r = client.get(url, {"setelah": "2026-13-01_5"})
    assert r.status_code == 400 and "Halaman “2026-13-01_5” tidak sah." in r.content.decode()
