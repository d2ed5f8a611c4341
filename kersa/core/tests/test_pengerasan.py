"""Issue 19 hardening: NUL bytes and impossible years are 400, not 500; error pages, headers, passwords, compression."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PESAN = "Permintaan memuat karakter NUL"


def test_nul_in_public_register_search_is_400(client, acuan):
    response = client.get("/publik/?q=%00")
    assert response.status_code == 400
    assert PESAN in response.content.decode()


def test_nul_in_public_register_csv_is_400(client, acuan):
    response = client.get("/publik/?q=abc%00&format=csv")
    assert response.status_code == 400


def test_nul_in_api_json_body_is_json_400(client, pemeran):
    client.force_login(pemeran.operator)
    response = client.post(
        "/api/v1/ksdd/",
        data=json.dumps({"judul": "Uji", "mitra": ["62.12\u0000"]}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert PESAN in response.json()["detail"]


def test_nul_in_form_post_is_400(client, pemeran):
    client.force_login(pemeran.operator)
    response = client.post(
        reverse("login"),
        "username=a%00b&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_clean_request_passes(client, acuan):
    assert client.get("/publik/?q=kesehatan").status_code == 200


def test_guidance_list_with_negative_year_is_400_not_500(client, pemeran):
    """Refused with the range, as the API's filter refuses it (kersa.core.saring)."""
    client.force_login(pemeran.sekretariat)
    response = client.get(reverse("pembinaan:kegiatan") + "?tahun=-1")
    assert response.status_code == 400
    assert "isi tahun antara 1900 dan 2100" in response.content.decode()


# --- Error pages, headers and passwords (issue 19, point 5) ------------------------


def test_server_error_is_indonesian_page_and_json_on_api(rf):
    from kersa.core.views import galat_server

    page = galat_server(rf.get("/ksdd/1/"))
    assert page.status_code == 500
    assert "Terjadi kesalahan pada server" in page.content.decode()
    api = galat_server(rf.get("/api/v1/ksdd/1/"))
    assert api.status_code == 500
    assert api["Content-Type"] == "application/json"
    assert "kesalahan pada server" in json.loads(api.content)["detail"]


def test_permissions_policy_header_on_every_answer(client, acuan):
    response = client.get("/publik/")
    assert "camera=()" in response["Permissions-Policy"]


def test_short_password_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("kersa123")
    validate_password("Buntok-Barsel-2026")


def test_html_is_gzip_compressed_when_the_browser_accepts_it(client, acuan):
    response = client.get("/publik/", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    import gzip

    assert b"</html>" in gzip.decompress(response.content)


# --- Login lockout across addresses, spray, proxy header (issue 19, point 5) --------

LOGIN_URL = "/akun/login/"


def _gagal(client, username, alamat, **meta):
    return client.post(
        LOGIN_URL, {"username": username, "password": "salah"}, REMOTE_ADDR=alamat, **meta
    )


def test_guesses_from_ten_addresses_lock_the_username(client, pemeran):
    for i in range(5):
        _gagal(client, "bupati", f"10.0.0.{i + 1}")
    response = client.post(
        LOGIN_URL,
        {"username": "bupati", "password": "rahasia-uji-123"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert "Akun dikunci sementara" in response.content.decode()


def test_a_spray_over_many_users_locks_the_address(client, pemeran):
    for nama in ["bupati", "dprd", "admin", "ketua.tkksd", "operator.pupr"]:
        _gagal(client, nama, "10.0.1.7")
    response = client.post(
        LOGIN_URL,
        {"username": "operator.dinkes", "password": "rahasia-uji-123"},
        REMOTE_ADDR="10.0.1.7",
    )
    assert "Akun dikunci sementara" in response.content.decode()
    # Another address still logs in.
    ok = client.post(
        LOGIN_URL,
        {"username": "operator.dinkes", "password": "rahasia-uji-123"},
        REMOTE_ADDR="10.0.1.8",
    )
    assert ok.status_code == 302


def test_forwarded_for_is_believed_only_behind_a_configured_proxy(rf, settings):
    from kersa.core.alamat import alamat_klien

    req = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    settings.KERSA_PROXY_COUNT = 0
    assert alamat_klien(req) == "127.0.0.1"
    settings.KERSA_PROXY_COUNT = 1
    # The proxy appended the real client last; what the client wrote before is ignored.
    assert alamat_klien(req) == "203.0.113.5"


def test_idle_session_is_logged_out(client, pemeran, settings, monkeypatch):
    import time as waktu

    settings.KERSA_IDLE_MENIT = 60
    client.force_login(pemeran.operator)
    mulai = waktu.time()
    monkeypatch.setattr(waktu, "time", lambda: mulai)
    assert client.get("/").status_code == 200
    # 59 minutes later: still in (and the activity is refreshed).
    monkeypatch.setattr(waktu, "time", lambda: mulai + 59 * 60)
    assert client.get("/").status_code == 200
    # 61 idle minutes after that: logged out, the next page asks for the login.
    monkeypatch.setattr(waktu, "time", lambda: mulai + 59 * 60 + 61 * 60)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/login/")
