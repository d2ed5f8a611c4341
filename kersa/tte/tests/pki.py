"""A throw-away PKI for the TTE tests (certomancer): a root, an intermediate with its
OCSP responder and CRL, a timestamp authority, the Bupati's, a Kepala Dinas's, the partner
head's, a Kabag's (paraf), a revoked and an expired signer certificate; served on
127.0.0.1 by certomancer's own animator (OCSP, CRL, TSA) and, on a second port, by
certomancer-csc-dummy (a real CSC API server). Nothing here is a stub of KERSA.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from aiohttp import web
from certomancer.integrations.aiohttp_animator import build_animator_app
from certomancer.registry import CertomancerConfig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

ARSITEKTUR = "kersa-uji"
SANDI_KUNCI = "sandi-kunci"

# label -> (common name, extra cert options)
PENANDA = {
    "bupati": "Eddy Raya Samsuri",
    "kadis": "Rahmat Hidayat",
    "bupati-mitra": "Kepala Daerah Barito Timur",
    "kabag": "Nur Aisyah",
    "ketua": "Edy Purwanto",
    "dicabut": "Eddy Raya Samsuri",
    "kedaluwarsa": "Eddy Raya Samsuri",
}


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kunci(path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(SANDI_KUNCI.encode()),
        )
    )


def _ekstensi_penanda() -> list:
    return [
        {
            "id": "key_usage",
            "critical": True,
            "smart-value": {
                "schema": "key-usage",
                "params": ["digital_signature", "non_repudiation"],
            },
        },
        {
            "id": "crl_distribution_points",
            "smart-value": {"schema": "crl-dist-url", "params": {"crl-repo-names": ["interm"]}},
        },
        {
            "id": "authority_information_access",
            "smart-value": {"schema": "aia-urls", "params": {"ocsp-responder-names": ["interm"]}},
        },
    ]


def konfigurasi(folder: Path, prefix: str) -> dict:
    labels = ["root", "interm", "interm-ocsp", "tsa", *PENANDA]
    for label in labels:
        _kunci(folder / f"{label}.key.pem")
    entitas = {
        "root": {"common-name": "KERSA Uji Root CA"},
        "interm": {"common-name": "KERSA Uji Intermediate CA"},
        "interm-ocsp": {"common-name": "KERSA Uji OCSP"},
        "tsa": {"common-name": "KERSA Uji TSA"},
    }
    for label, cn in PENANDA.items():
        entitas[label] = {"common-name": cn, "organizational-unit-name": "Penandatangan"}
    lama = {"valid-from": "2020-01-01T00:00:00+0000", "valid-to": "2100-01-01T00:00:00+0000"}
    certs = {
        "root": {
            "subject": "root",
            "issuer": "root",
            "validity": lama,
            "extensions": [
                {"id": "basic_constraints", "critical": True, "value": {"ca": True}},
                {
                    "id": "key_usage",
                    "critical": True,
                    "smart-value": {
                        "schema": "key-usage",
                        "params": ["digital_signature", "key_cert_sign", "crl_sign"],
                    },
                },
            ],
        },
        "interm": {
            "issuer": "root",
            "validity": lama,
            "extensions": [
                {
                    "id": "basic_constraints",
                    "critical": True,
                    "value": {"ca": True, "path-len-constraint": 0},
                },
                {
                    "id": "key_usage",
                    "critical": True,
                    "smart-value": {
                        "schema": "key-usage",
                        "params": ["digital_signature", "key_cert_sign", "crl_sign"],
                    },
                },
                {
                    "id": "crl_distribution_points",
                    "smart-value": {
                        "schema": "crl-dist-url",
                        "params": {"crl-repo-names": ["root"]},
                    },
                },
            ],
        },
        "interm-ocsp": {
            "issuer": "interm",
            "validity": lama,
            "extensions": [
                {
                    "id": "key_usage",
                    "critical": True,
                    "smart-value": {"schema": "key-usage", "params": ["digital_signature"]},
                },
                {"id": "extended_key_usage", "critical": True, "value": ["ocsp_signing"]},
                {"id": "ocsp_no_check"},
            ],
        },
        "tsa": {
            "issuer": "root",
            "validity": lama,
            "extensions": [
                {
                    "id": "key_usage",
                    "critical": True,
                    "smart-value": {"schema": "key-usage", "params": ["digital_signature"]},
                },
                {"id": "extended_key_usage", "critical": True, "value": ["time_stamping"]},
                {
                    "id": "crl_distribution_points",
                    "smart-value": {
                        "schema": "crl-dist-url",
                        "params": {"crl-repo-names": ["root"]},
                    },
                },
            ],
        },
    }
    for label in PENANDA:
        certs[label] = {
            "subject": label,
            "subject-key": label,
            "issuer": "interm",
            "validity": lama,
            "extensions": _ekstensi_penanda(),
        }
    certs["dicabut"]["revocation"] = {
        "revoked-since": "2025-06-01T00:00:00+0000",
        "reason": "key_compromise",
    }
    certs["kedaluwarsa"]["validity"] = {
        "valid-from": "2020-01-01T00:00:00+0000",
        "valid-to": "2024-01-01T00:00:00+0000",
    }
    return {
        "external-url-prefix": prefix,
        "keysets": {
            ARSITEKTUR: {
                "path-prefix": str(folder),
                "keys": {
                    label: {"path": f"{label}.key.pem", "password": SANDI_KUNCI} for label in labels
                },
            }
        },
        "pki-architectures": {
            ARSITEKTUR: {
                "keyset": ARSITEKTUR,
                "entity-defaults": {
                    "country-name": "ID",
                    "organization-name": "Pemerintah Daerah Uji",
                },
                "entities": entitas,
                "certs": certs,
                "services": {
                    "ocsp": {
                        "interm": {
                            "for-issuer": "interm",
                            "responder-cert": "interm-ocsp",
                            "signing-key": "interm-ocsp",
                        }
                    },
                    "crl-repo": {
                        "root": {
                            "for-issuer": "root",
                            "signing-key": "root",
                            "simulated-update-schedule": "P90D",
                        },
                        "interm": {
                            "for-issuer": "interm",
                            "signing-key": "interm",
                            "simulated-update-schedule": "P30D",
                        },
                    },
                    "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
                },
            }
        },
    }


@dataclass
class PkiUji:
    """The running PKI: ``tsa_url``, ``csc_url``, ``root_pem`` (the trust root to
    configure), ``p12(label, sandi)`` and ``arch`` (certomancer's architecture)."""

    folder: Path
    port: int = field(default_factory=_port_bebas)
    port_csc: int = field(default_factory=_port_bebas)

    def __post_init__(self):
        self.prefix = f"http://127.0.0.1:{self.port}"
        cfg = konfigurasi(self.folder, self.prefix)
        (self.folder / "certomancer.yml").write_text(yaml.safe_dump(cfg))
        self.config = CertomancerConfig(cfg, key_search_dir=str(self.folder))
        self.arch = self.config.get_pki_arch(ARSITEKTUR)
        self.root_pem = self.folder / "root.cert.pem"
        from asn1crypto import pem

        self.root_pem.write_bytes(pem.armor("CERTIFICATE", self.arch.get_cert("root").dump()))
        self._loop = None
        self._thread = None

    @property
    def tsa_url(self) -> str:
        return f"{self.prefix}/{ARSITEKTUR}/tsa/tsa"

    @property
    def csc_url(self) -> str:
        return f"http://127.0.0.1:{self.port_csc}"

    def credential_id(self, label: str) -> str:
        return f"{ARSITEKTUR}/{label}"

    def p12(self, label: str, sandi: str = "sandi-p12") -> bytes:
        return self.arch.package_pkcs12(label, certs_to_embed=["interm"], password=sandi.encode())

    def mulai(self) -> PkiUji:
        from csc_dummy.csc_dummy_server import CSCWithCertomancer, DummyServiceParams

        animator = build_animator_app(self.config.pki_archs, with_web_ui=False)
        csc = CSCWithCertomancer(
            self.config, service_params=DummyServiceParams(hash_pinning_required=True)
        )
        csc.register_routes()
        siap = threading.Event()

        def jalan():
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            runners = []

            async def buka():
                for app, port in ((animator, self.port), (csc.app, self.port_csc)):
                    runner = web.AppRunner(app)
                    await runner.setup()
                    await web.TCPSite(runner, "127.0.0.1", port).start()
                    runners.append(runner)

            loop.run_until_complete(buka())
            self._runners = runners
            siap.set()
            loop.run_forever()
            for r in runners:
                loop.run_until_complete(r.cleanup())
            loop.close()

        self._thread = threading.Thread(target=jalan, daemon=True)
        self._thread.start()
        siap.wait(10)
        return self

    def berhenti(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
