"""End to end in a real browser (issue 16): the Bupati logs in, signs the agreed KB with
his certificate and his second factor (TOTP) on the KSDD page; the QR code printed on the
signed PDF is decoded from the rendered page (zxing-cpp) and its URL, opened without
login, shows the document as validly signed. The PKI (CA, OCSP, CRL, TSA) is
certomancer's, served on 127.0.0.1 by the test.

Dates are today's (no time-machine): the browser keeps the real clock.
"""

import subprocess
import tempfile
from pathlib import Path

import pytest
import zxingcpp
from django.contrib.auth import get_user_model
from PIL import Image
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.services.versi import dokumen_naskah
from kersa.tte import services
from kersa.tte.choices import PeranTte
from kersa.tte.models import TandaTanganTte
from kersa.tte.penyedia import Pkcs12
from kersa.tte.tests.conftest import otp
from kersa.tte.tests.pki import PkiUji

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


@pytest.fixture
def pki():
    p = PkiUji(Path(tempfile.mkdtemp(prefix="kersa-pki-"))).mulai()
    yield p
    p.berhenti()


def _qr(pdf: bytes, folder: Path) -> list[str]:
    """The texts of the QR codes on every page of ``pdf`` (rendered by poppler)."""
    (folder / "ttd.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(folder / "ttd.pdf"), str(folder / "hal")], check=True
    )
    teks = []
    for png in sorted(folder.glob("hal*.png")):
        teks += [r.text for r in zxingcpp.read_barcodes(Image.open(png))]
    return teks


def test_p20_3_bupati_menandatangani_kb_dengan_faktor_kedua_dan_qr_menuju_verifikasi_sah(
    live_server, page: Page, pemeran, settings, pki, tmp_path
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.KERSA_BASE_URL = live_server.url
    settings.KERSA_TTE_AKAR_TEPERCAYA = [str(pki.root_pem)]
    settings.KERSA_TTE_TSA_URL = pki.tsa_url
    settings.KERSA_TTE_PARAF_PERAN = ["sekretariat_tkksd"]
    p = pemeran
    for u in (p.bupati, p.sekretariat):
        TOTPDevice.objects.create(user=u, name="autentikator", confirmed=True)
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_KB, p)
    kb = dokumen_naskah(ksdd=ksdd, jenis="kb", user=p.sekretariat)
    # P20-4: the secretariat's paraf first (through the same service)
    services.tte_tandatangani(
        dokumen=kb,
        user=p.sekretariat,
        peran=PeranTte.PARAF,
        penyedia=Pkcs12(pki.p12("kabag"), "sandi-p12"),
        kode_otp=otp(p.sekretariat),
    )
    p12 = tmp_path / "bupati.p12"
    p12.write_bytes(pki.p12("bupati"))
    page.set_default_timeout(30_000)

    page.goto(f"{live_server.url}/akun/login/")
    page.fill("input[name=username]", p.bupati.username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    # his account has a second factor: the login ends with its code
    expect(page.locator("h1")).to_have_text("Masukkan kode faktor kedua")
    page.fill("input[name=kode_otp]", otp(get_user_model().objects.get(pk=p.bupati.pk)))
    page.get_by_role("button", name="Lanjutkan").click()
    expect(page.locator("body")).to_contain_text(p.bupati.first_name)

    page.goto(f"{live_server.url}/ksdd/{ksdd.pk}/")
    bagian = page.locator(f"#tte-{kb.pk}")
    bagian.get_by_text("Tandatangani secara elektronik").click()
    bagian.locator("select[name=peran]").select_option(PeranTte.TANDA_TANGAN)
    bagian.locator("input[name=kode_otp]").fill(otp(get_user_model().objects.get(pk=p.bupati.pk)))
    bagian.locator("input[name=sertifikat]").set_input_files(str(p12))
    bagian.locator("input[name=sandi]").fill("sandi-p12")
    bagian.get_by_role("button", name="Tandatangani").click()
    expect(page.locator("body")).to_contain_text(
        "Tanda tangan elektronik Eddy Raya Samsuri disimpan"
    )
    expect(page.locator(f"#tte-{kb.pk}")).to_contain_text(
        "Tanda tangan: Eddy Raya Samsuri (Bupati Barito Selatan)"
    )

    ttd = TandaTanganTte.objects.get(peran=PeranTte.TANDA_TANGAN)
    with ttd.versi.berkas.file.open("rb") as f:
        data = f.read()
    urls = _qr(data, tmp_path)
    assert len(urls) == 2  # the paraf's stamp and the Bupati's, the same document code
    assert len(set(urls)) == 1 and urls[0].startswith(f"{live_server.url}/verifikasi/")

    page.context.clear_cookies()  # the public page needs no login
    page.goto(urls[0])
    expect(page.locator("#status-tte")).to_contain_text("SAH")
    expect(page.locator("#status-tte")).to_contain_text("2 tanda tangan elektronik sah")
    expect(page.locator("#penanda-tangan")).to_contain_text("Eddy Raya Samsuri")
    expect(page.locator("#judul-dokumen")).to_have_text(kb.judul)
    page.locator("input[name=berkas]").set_input_files(str(tmp_path / "ttd.pdf"))
    page.get_by_role("button", name="Cocokkan").click()
    expect(page.locator("#hasil-cocok")).to_contain_text(
        f"Berkas cocok dengan versi {ttd.versi.nomor}"
    )
