"""Issue 19 ("No Content-Security-Policy"): every page carries a strict policy; its
scripts are files from this server or carry the response's nonce; no template has an
inline event handler, a style attribute or a <style> block, which the policy refuses."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

KERSA = Path(settings.BASE_DIR) / "kersa"


def _kebijakan(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        nama: nilai
        for nama, *nilai in (bagian.split() for bagian in header.split(";") if bagian.strip())
    }


def test_page_has_the_policy_and_its_scripts_carry_its_nonce(client, pemeran):
    client.force_login(pemeran.operator)
    r = client.get(reverse("beranda:home"))
    assert r.status_code == 200
    csp = _kebijakan(r)
    assert csp["default-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in r["Content-Security-Policy"]
    (nonce_header,) = [v for v in csp["script-src"] if v.startswith("'nonce-")]
    html = r.content.decode()
    nonces = re.findall(r'<script\b[^>]*\bnonce="([^"]+)"', html)
    assert len(nonces) == len(re.findall(r"<script\b", html)) >= 1
    assert {f"'nonce-{n}'" for n in nonces} == {nonce_header}


def test_each_response_has_its_own_nonce(client):
    a = _kebijakan(client.get(reverse("login")))["script-src"]
    b = _kebijakan(client.get(reverse("login")))["script-src"]
    assert a != b


_DILARANG = [
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "inline event handler"),
    (re.compile(r"<[^>]*\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style\b", re.I), "<style> block"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def _templat() -> list[Path]:
    return sorted(KERSA.rglob("templates/**/*.html"))


def test_no_template_has_what_the_policy_refuses():
    temuan = []
    for berkas in _templat():
        teks = berkas.read_text(encoding="utf-8")
        for pola, apa in _DILARANG:
            for m in pola.finditer(teks):
                baris = teks.count("\n", 0, m.start()) + 1
                temuan.append(f"{berkas.relative_to(KERSA)}:{baris}: {apa}")
    assert len(_templat()) > 50
    assert temuan == []


def test_every_inline_script_in_a_template_carries_the_nonce():
    for berkas in _templat():
        for tag in re.findall(r"<script\b[^>]*>", berkas.read_text(encoding="utf-8")):
            assert 'nonce="{{ request.csp_nonce }}"' in tag, f"{berkas}: {tag}"


def test_api_docs_relax_only_what_they_need(client, pemeran):
    client.force_login(pemeran.operator)
    swagger = client.get(reverse("api:docs"))
    assert swagger.status_code == 200
    csp = _kebijakan(swagger)
    assert "'unsafe-inline'" in csp["style-src"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "<script>" not in swagger.content.decode()  # the start script is a file
    skrip = client.get(reverse("api:docs") + "?script=")
    assert skrip.status_code == 200 and "SwaggerUIBundle" in skrip.content.decode()

    redoc = client.get(reverse("api:redoc"))
    assert redoc.status_code == 200
    csp = _kebijakan(redoc)
    assert "'unsafe-inline'" in csp["script-src"] and "blob:" in csp["worker-src"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
