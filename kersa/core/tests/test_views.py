"""Home page, login/lockout, logout, language switch and the layout."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.core.templatetags.kersa_tags import durasi, peran_pengguna, rupiah
from kersa.core.testing import jumlah_kueri
from kersa.demo.skenario import ke_status, ksdd_baru

pytestmark = pytest.mark.django_db

HOME = reverse("beranda:home")
LOGIN = reverse("login")


def _jumlah_query(client, url) -> int:
    return jumlah_kueri(client, url)  # warm visit


# --- Home per role ---------------------------------------------------------------


def test_home_needs_login(client):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@pytest.mark.parametrize(
    "peran",
    ["operator", "operator_lain", "sekretariat", "anggota", "ketua", "bupati", "dprd", "admin"],
)
def test_home_for_each_role(client, pemeran, ksdd, peran):
    client.force_login(getattr(pemeran, peran))
    html = client.get(HOME).content.decode()
    assert "Menunggu tindakan Anda" in html
    assert "KSDD per tahap" in html
    assert "belum mempunyai peran" not in html


def test_home_without_role_says_so_plainly(client, pemeran, ksdd):
    client.force_login(pemeran.publik)
    response = client.get(HOME)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anda belum mempunyai peran" in html
    assert "hubungi administrator" in html.lower()
    assert "Menunggu tindakan Anda" not in html
    assert ksdd.nomor_register not in html
    assert "Register KSDD" not in html  # no nav link to a page that would refuse


def test_home_lists_what_waits_for_this_role(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    html = client.get(HOME).content.decode()
    assert ksdd.nomor_register in html
    assert "Ajukan KAK kepada TKKSD" in html
    # The Bupati has nothing to do in persiapan.
    client.force_login(pemeran.bupati)
    html = client.get(HOME).content.decode()
    assert ksdd.nomor_register not in html
    assert "Tidak ada yang menunggu tindakan Anda" in html
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    html = client.get(HOME).content.decode()
    assert ksdd.nomor_register in html
    assert "Catat surat penawaran" in html


def test_home_counts_per_stage(client, pemeran, ksdd):
    k2 = ksdd_baru(pemeran, judul="KSDD kedua")
    ke_status(k2, Status.MENUNGGU_TANGGAPAN, pemeran)
    client.force_login(pemeran.sekretariat)
    response = client.get(HOME)
    baris = {r["kode"]: r["n"] for r in response.context["per_tahap"]}
    assert baris["a"] == 1
    assert baris["b"] == 1
    assert baris["c"] == 0
    assert response.context["jumlah"] == 2
    assert f"{reverse('agreements:daftar')}?tahap=b" in response.content.decode()


def test_new_ksdd_button_only_for_roles_that_may_add(client, pemeran, ksdd):
    client.force_login(pemeran.anggota)
    assert "Catat KSDD baru" not in client.get(HOME).content.decode()
    try:
        url_buat = reverse("agreements:buat")
    except Exception:  # the form helper has not routed it yet
        pytest.skip("agreements:buat belum tersedia")
    client.force_login(pemeran.operator)
    html = client.get(HOME).content.decode()
    assert "Catat KSDD baru" in html
    assert url_buat in html


def test_home_query_count_does_not_grow(client, pemeran, ksdd):
    for user in (pemeran.sekretariat, pemeran.operator, pemeran.dprd):
        client.force_login(user)
        sedikit = _jumlah_query(client, HOME)
        for i in range(3):
            ksdd_baru(pemeran, judul=f"KSDD tambahan {user.pk}-{i}")
        assert _jumlah_query(client, HOME) == sedikit


# --- Layout ------------------------------------------------------------------------


def test_layout_header_nav_user_and_assets(client, pemeran):
    client.force_login(pemeran.sekretariat)
    html = client.get(HOME).content.decode()
    assert '<html lang="id">' in html
    assert "KERSA — Kerja Sama Daerah" in html.replace('</strong> <span class="merek-sub">', " ")
    assert "Nur Aisyah" in html
    assert "Sekretariat TKKSD" in html
    assert 'action="/akun/logout/"' in html
    assert "/api/docs/" in html
    assert "vendor/pico/pico.min.css" in html
    assert "vendor/htmx/htmx.min.js" in html
    assert "//cdn" not in html and "unpkg" not in html
    assert 'href="/admin/"' not in html  # not staff
    client.force_login(pemeran.admin)
    assert 'href="/admin/"' in client.get(HOME).content.decode()


def test_static_assets_are_vendored_with_licenses():
    from django.contrib.staticfiles import finders

    for name in (
        "vendor/pico/pico.min.css",
        "vendor/pico/LICENSE.md",
        "vendor/htmx/htmx.min.js",
        "vendor/htmx/LICENSE",
        "kersa/kersa.css",
    ):
        assert finders.find(name), name


def test_language_switch_to_english(client, pemeran):
    client.force_login(pemeran.sekretariat)
    response = client.post(reverse("set_language"), {"language": "en", "next": HOME})
    assert response.status_code == 302
    html = client.get(HOME).content.decode()
    assert '<html lang="en">' in html
    assert ">Home<" in html
    assert "Waiting for your action" in html
    assert ">Beranda<" not in html
    client.post(reverse("set_language"), {"language": "id", "next": HOME})
    assert ">Beranda<" in client.get(HOME).content.decode()


def test_logout_is_a_post(client, pemeran):
    client.force_login(pemeran.operator)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(HOME).status_code == 302


# --- Login and lockout (django-axes) ------------------------------------------------


def test_login_page_in_indonesian(client):
    html = client.get(LOGIN).content.decode()
    assert "Masuk ke KERSA" in html
    assert "Kata sandi" in html


def test_login_success_and_wrong_password(client, pemeran):
    response = client.post(LOGIN, {"username": "operator.dinkes", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()
    response = client.post(LOGIN, {"username": "operator.dinkes", "password": "rahasia-uji-123"})
    assert response.status_code == 302
    assert response["Location"] == HOME


def test_login_lockout_after_5_failures_shows_locked_page(client, pemeran, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = client.post(LOGIN, {"username": "operator.dinkes", "password": "salah"})
        assert response.status_code == 200
        assert "dikunci" not in response.content.decode()
    response = client.post(LOGIN, {"username": "operator.dinkes", "password": "salah"})
    html = response.content.decode()
    assert response.status_code in (403, 429)
    assert "Akun dikunci sementara" in html
    assert "5 kali gagal masuk" in html
    assert "30 menit" in html
    # Even the right password is refused while locked.
    response = client.post(LOGIN, {"username": "operator.dinkes", "password": "rahasia-uji-123"})
    assert "Akun dikunci sementara" in response.content.decode()
    assert client.get(HOME).status_code == 302


# --- Error pages -------------------------------------------------------------------


def test_403_page_explains_in_indonesian(client, pemeran):
    client.force_login(pemeran.publik)
    response = client.get(reverse("agreements:daftar"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Akses ditolak" in html
    assert "belum mempunyai peran" in html


# --- Template helpers -----------------------------------------------------------------


def test_peran_pengguna(pemeran):
    assert peran_pengguna(pemeran.bupati) == "Bupati"
    assert peran_pengguna(pemeran.publik) == ""
    assert peran_pengguna(pemeran.admin) == "Administrator"


def test_rupiah_and_durasi():
    assert rupiah(450_000_000) == "Rp450.000.000"
    assert rupiah(1234.5) == "Rp1.234,50"
    assert rupiah(None) == ""
    assert durasi(dt.timedelta(minutes=30)) == "30 menit"
    assert durasi(dt.timedelta(minutes=90)) == "1 jam 30 menit"


def test_indonesian_first_whatever_the_browser_language(client, pemeran, settings):
    i = settings.MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware")
    if "kersa.core.middleware.BahasaIndonesiaDahuluMiddleware" not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [
            *settings.MIDDLEWARE[:i],
            "kersa.core.middleware.BahasaIndonesiaDahuluMiddleware",
            *settings.MIDDLEWARE[i:],
        ]
    client.force_login(pemeran.operator)
    html = client.get(HOME, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in html
    client.post(reverse("set_language"), {"language": "en", "next": HOME})
    html = client.get(HOME, HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert '<html lang="en">' in html


@pytest.mark.parametrize("peran", ["operator", "sekretariat", "anggota", "ketua", "bupati", "dprd"])
def test_p42_every_room_in_the_navigation_opens_for_the_role(client, pemeran, ksdd, peran):
    """P42: KSDD are managed on the web; every room the navigation offers a role opens."""
    import re

    client.force_login(getattr(pemeran, peran))
    html = client.get(HOME).content.decode()
    nav = html[html.index("<nav") : html.index("</nav>")]
    links = set(re.findall(r'<a href="(/[^"]*)"', nav)) - {"/admin/"}
    rooms = {"/ksdd/", "/tenggat/", "/perencanaan/", "/tkksd/", "/laporan/", "/dasbor/"}
    if peran == "operator":  # an agency sees its own work, not TKKSD's meetings
        rooms.remove("/tkksd/")
        assert "/tkksd/" not in links
    if peran == "dprd":  # DPRD sees only the KSDD brought to it
        rooms = {"/ksdd/"}
    assert rooms <= links
    for path in sorted(links):
        assert client.get(path, follow=True).status_code == 200, path
