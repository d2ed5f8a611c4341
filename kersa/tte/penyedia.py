"""The signer interface (issue 16): one small abstract class, two providers, chosen by
the ``KERSA_TTE_PENYEDIA`` setting.

- ``Pkcs12``: the signer's own certificate file and passphrase, given for this one
  signing and never stored (not even encrypted: it lives in memory for the request).
- ``Csc``: a remote signing service speaking the Cloud Signature Consortium API, through
  pyHanko's CSC client (credentials/info, credentials/authorize, signatures/signHash).

Each gives a pyHanko ``Signer`` inside an async context; a failure is a ``PenyediaGagal``
with a message in Bahasa Indonesia.
"""

from __future__ import annotations

import abc
import contextlib
from collections.abc import AsyncIterator

import aiohttp
from asn1crypto import core
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import csc_signer

from kersa.core.errors import KersaError

from .choices import Penyedia

__all__ = ["Csc", "Pkcs12", "PenyediaGagal", "PenyediaTte", "penyedia_dari_setelan"]


class PenyediaGagal(KersaError):
    """The provider could not give a signer: unreadable certificate, wrong passphrase,
    a service that does not answer or refuses."""


class PenyediaTte(abc.ABC):
    """A source of signatures. ``kode`` names it in the record."""

    kode: str

    @abc.abstractmethod
    def penanda(self) -> contextlib.AbstractAsyncContextManager[signers.Signer]:
        """An async context giving a pyHanko Signer (certificate included)."""


class Pkcs12(PenyediaTte):
    kode = Penyedia.PKCS12

    def __init__(self, data: bytes, sandi: str):
        self.data = data or b""
        self.sandi = sandi or ""

    def _muat(self) -> signers.SimpleSigner:
        try:
            core.Asn1Value.load(self.data, strict=True)
        except (ValueError, TypeError, OSError):
            raise PenyediaGagal(
                _(
                    "Berkas sertifikat tidak dapat dibaca: unggah sertifikat elektronik dalam "
                    "format PKCS#12 (.p12 atau .pfx)."
                )
            ) from None
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(
                self.data, other_certs=[], passphrase=self.sandi.encode() or None
            )
        except (ValueError, TypeError):
            signer = None
        if signer is None:
            raise PenyediaGagal(
                _("Kata sandi sertifikat salah, atau berkas bukan sertifikat PKCS#12.")
            )
        return signer

    @contextlib.asynccontextmanager
    async def penanda(self) -> AsyncIterator[signers.Signer]:
        yield self._muat()


class _OtorisasiCsc(csc_signer.CSCAuthorizationManager):
    """Asks credentials/authorize for the SAD of the hashes about to be signed (hash
    pinning, SCAL 2), with the signer's PIN where the service wants one."""

    def __init__(self, info, kredensial, sesi: aiohttp.ClientSession, pin: str | None):
        super().__init__(info, kredensial)
        self.sesi = sesi
        self.pin = pin

    async def authorize_signature(self, hash_b64s):
        body = self.format_csc_auth_request(hash_b64s=hash_b64s, pin=self.pin or None)
        url = self.csc_session_info.endpoint_url("credentials/authorize")
        async with self.sesi.post(url, json=body, headers=self.auth_headers) as resp:
            if resp.status != 200:
                raise SigningError(f"credentials/authorize: HTTP {resp.status}")
            return self.parse_csc_auth_response(await resp.json())


class Csc(PenyediaTte):
    kode = Penyedia.CSC

    def __init__(
        self,
        *,
        kredensial: str,
        url: str | None = None,
        token: str | None = None,
        pin: str | None = None,
        batas_detik: int | None = None,
    ):
        self.url = (url or settings.KERSA_TTE_CSC_URL or "").rstrip("/")
        self.kredensial = (kredensial or "").strip()
        self.token = token if token is not None else settings.KERSA_TTE_CSC_TOKEN
        self.pin = pin
        self.batas = batas_detik or settings.KERSA_TTE_BATAS_DETIK

    @contextlib.asynccontextmanager
    async def penanda(self) -> AsyncIterator[signers.Signer]:
        if not self.url:
            raise PenyediaGagal(_("Alamat layanan tanda tangan (KERSA_TTE_CSC_URL) belum diatur."))
        if not self.kredensial:
            raise PenyediaGagal(_("Isi ID kredensial penanda tangan pada layanan TTE."))
        info = csc_signer.CSCServiceSessionInfo(
            service_url=self.url, credential_id=self.kredensial, oauth_token=self.token
        )
        timeout = aiohttp.ClientTimeout(total=self.batas)
        async with aiohttp.ClientSession(timeout=timeout) as sesi:
            try:
                kredensial = await csc_signer.fetch_certs_in_csc_credential(
                    sesi, info, timeout=self.batas
                )
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                raise PenyediaGagal(
                    _(
                        "Layanan tanda tangan %(url)s tidak menjawab (%(pesan)s); tidak ada yang dicatat."
                    )
                    % {"url": self.url, "pesan": exc.__class__.__name__}
                ) from exc
            except SigningError as exc:
                sebab = exc.__cause__ or exc.__context__
                if isinstance(sebab, aiohttp.ClientConnectionError | TimeoutError | OSError):
                    raise PenyediaGagal(
                        _(
                            "Layanan tanda tangan %(url)s tidak menjawab (%(pesan)s); tidak "
                            "ada yang dicatat."
                        )
                        % {"url": self.url, "pesan": sebab.__class__.__name__}
                    ) from exc
                raise PenyediaGagal(
                    _("Layanan tanda tangan menolak kredensial %(id)s: %(pesan)s")
                    % {"id": self.kredensial, "pesan": exc}
                ) from exc
            yield csc_signer.CSCSigner(
                sesi, auth_manager=_OtorisasiCsc(info, kredensial, sesi, self.pin)
            )


def penyedia_dari_setelan(
    *, berkas: bytes | None = None, sandi: str = "", kredensial: str = "", pin: str = ""
) -> PenyediaTte:
    """The provider the ``KERSA_TTE_PENYEDIA`` setting selects, with what the signer gave."""
    if settings.KERSA_TTE_PENYEDIA == Penyedia.CSC:
        return Csc(kredensial=kredensial, pin=pin or None)
    return Pkcs12(berkas or b"", sandi)
