"""Small real HTTP servers for the TTE tests, on 127.0.0.1, each in its own thread:

- ``LayananBsre``: a signing service speaking the BSrE esign-client API shape (the shape
  the PHP client opendesa/e-sign-bsre calls): ``POST /api/sign/pdf`` (HTTP Basic,
  multipart ``file``, ``nik``, ``passphrase``, ``tampilan``, ``linkQR``, ``page``,
  ``xAxis``, ``yAxis``, ``width``, ``height``) answering the signed PDF, ``POST
  /api/sign/verify`` (``signed_file``) answering ``nama_dokumen``, ``jumlah_signature``,
  ``details``, and ``GET /api/user/status/<nik>``. It signs with the certomancer key of
  the NIK's holder (PKCS#12 unlocked by the passphrase) and the certomancer TSA.
- ``TsaLambat``: an RFC 3161 timestamp server that waits before answering (it forwards
  to the certomancer TSA), calling a hook while it waits: the test of "no lock held
  while the TSA is called" writes to the KSDD from there.

Neither is a stub of KERSA: KERSA reaches them over HTTP as it would reach BSrE or a TSA.
"""

from __future__ import annotations

import asyncio
import io
import threading
import time

import aiohttp
from aiohttp import web
from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from .pki import _port_bebas

PENGGUNA, SANDI = "kersa-app", "rahasia-bsre"


class _Server:
    def __init__(self):
        self.port = _port_bebas()
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = None

    def app(self) -> web.Application:
        raise NotImplementedError

    def mulai(self):
        siap = threading.Event()

        def jalan():
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            runner = web.AppRunner(self.app())
            loop.run_until_complete(runner.setup())
            loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
            siap.set()
            loop.run_forever()
            loop.run_until_complete(runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=jalan, daemon=True)
        self._thread.start()
        siap.wait(10)
        return self

    def berhenti(self):
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)


class LayananBsre(_Server):
    """``nik_ke_label``: which certomancer signer each NIK is; ``permintaan`` keeps the
    form fields of every signing request (the passphrase left out)."""

    def __init__(self, pki, nik_ke_label: dict[str, str], passphrase: str = "sandi-p12"):
        super().__init__()
        self.pki = pki
        self.nik_ke_label = nik_ke_label
        self.passphrase = passphrase
        self.permintaan: list[dict] = []

    def _auth_ok(self, request) -> bool:
        try:
            auth = aiohttp.BasicAuth.decode(request.headers.get("Authorization", ""))
        except ValueError:
            return False
        return (auth.login, auth.password) == (PENGGUNA, SANDI)

    def app(self) -> web.Application:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_post("/api/sign/pdf", self.sign)
        app.router.add_post("/api/sign/verify", self.verify)
        app.router.add_get("/api/user/status/{nik}", self.status)
        return app

    async def status(self, request):
        if not self._auth_ok(request):
            return web.json_response({"error": "Unauthorized"}, status=401)
        nik = request.match_info["nik"]
        if nik not in self.nik_ke_label:
            return web.json_response(
                {
                    "status_code": 1111,
                    "message": "Dokumen gagal ditandatangani / NIK belum terdaftar",
                },
                status=404,
            )
        return web.json_response({"status_code": 1111, "message": "ISSUE", "status": "ISSUE"})

    async def sign(self, request):
        if not self._auth_ok(request):
            return web.json_response({"error": "Unauthorized"}, status=401)
        form = await request.post()
        self.permintaan.append({k: v for k, v in form.items() if k not in ("passphrase", "file")})
        nik = form.get("nik", "")
        label = self.nik_ke_label.get(nik)
        if label is None:
            return web.json_response(
                {"error": "Pengguna tidak terdaftar", "status_code": 2021}, status=400
            )
        if form.get("passphrase") != self.passphrase:
            return web.json_response(
                {"error": "Passphrase anda salah", "status_code": 2031}, status=400
            )
        data = form["file"].file.read()
        signer = signers.SimpleSigner.load_pkcs12_data(
            self.pki.p12(label), other_certs=[], passphrase=self.passphrase.encode()
        )
        w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        ada = len(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
        nama_field = f"BSrE-{ada + 1}"
        visible = form.get("tampilan") == "visible"
        if visible:
            x, y = int(form["xAxis"]), int(form["yAxis"])
            box = (x, y, x + int(form["width"]), y + int(form["height"]))
            fields.append_signature_field(
                w, fields.SigFieldSpec(nama_field, on_page=int(form["page"]) - 1, box=box)
            )
        async with aiohttp.ClientSession() as sesi:
            pdf_signer = signers.PdfSigner(
                signers.PdfSignatureMetadata(
                    field_name=nama_field,
                    subfilter=fields.SigSeedSubFilter.PADES,
                    reason=form.get("reason") or None,
                    location=form.get("location") or None,
                ),
                signer=signer,
                timestamper=timestamps.HTTPTimeStamper(self.pki.tsa_url, session=sesi),
                stamp_style=stamp.QRStampStyle(
                    stamp_text="Ditandatangani secara elektronik\n%(signer)s\n%(ts)s"
                )
                if visible
                else None,
            )
            out = await pdf_signer.async_sign_pdf(
                w,
                appearance_text_params={"url": form.get("linkQR", "")} if visible else None,
                in_place=False,
            )
        return web.Response(body=out.getvalue(), content_type="application/pdf")

    async def verify(self, request):
        if not self._auth_ok(request):
            return web.json_response({"error": "Unauthorized"}, status=401)
        form = await request.post()
        berkas = form["signed_file"]
        reader = PdfFileReader(io.BytesIO(berkas.file.read()), strict=False)
        details = []
        for sig in reader.embedded_signatures:
            vc = ValidationContext(
                trust_roots=[self.pki.arch.get_cert("root")], allow_fetching=True
            )
            st = await async_validate_pdf_signature(sig, vc)
            cert = sig.signer_cert
            details.append(
                {
                    "signature_field": sig.field_name,
                    "info_signer": {
                        "signer_name": cert.subject.native.get("common_name", ""),
                        "signer_dn": cert.subject.human_friendly,
                        "issuer_dn": cert.issuer.human_friendly,
                        "cert_user_certified": bool(st.trusted),
                        "signer_cert_validity": cert.not_valid_after.isoformat(),
                    },
                    "signature_document": {
                        "document_integrity": bool(st.intact and st.valid),
                        "signed_using_tsa": st.timestamp_validity is not None,
                        "signed_in": st.signer_reported_dt.isoformat()
                        if st.signer_reported_dt
                        else None,
                        "reason": None,
                        "location": None,
                    },
                    "info_tsa": {"name": "KERSA Uji TSA", "tsa_cert_validity": None},
                }
            )
        return web.json_response(
            {
                "nama_dokumen": berkas.filename,
                "jumlah_signature": len(details),
                "notes": "Dokumen valid" if details else "Dokumen tidak memiliki tanda tangan",
                "details": details,
                "summary": "VALID"
                if details and all(d["signature_document"]["document_integrity"] for d in details)
                else "INVALID",
            }
        )


class TsaLambat(_Server):
    """A timestamp server that calls ``saat_menunggu()`` (in a worker thread, so it may
    use the database) and waits ``detik`` before forwarding to ``tsa_asli``."""

    def __init__(self, tsa_asli: str, saat_menunggu, detik: float = 1.0):
        super().__init__()
        self.tsa_asli = tsa_asli
        self.saat_menunggu = saat_menunggu
        self.detik = detik
        self.hasil: list = []

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/tsa", self.tsa)
        return app

    async def tsa(self, request):
        body = await request.read()
        mulai = time.monotonic()
        self.hasil.append(await asyncio.to_thread(self.saat_menunggu))
        await asyncio.sleep(max(0.0, self.detik - (time.monotonic() - mulai)))
        async with (
            aiohttp.ClientSession() as sesi,
            sesi.post(
                self.tsa_asli,
                data=body,
                headers={"Content-Type": "application/timestamp-query"},
            ) as resp,
        ):
            jawab = await resp.read()
        return web.Response(body=jawab, content_type="application/timestamp-reply")
