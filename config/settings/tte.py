"""Electronic signature (TTE, issue 16): the signing provider, trust roots, timestamp
server and second factor. Every value comes from the environment (docs/deployment.md)."""

import environ

env = environ.Env()

# Which signer KERSA uses: "pkcs12" (the signer uploads a PKCS#12 file and its
# passphrase at each signing; nothing is stored), "csc" (a remote signing service
# speaking the Cloud Signature Consortium API) or "bsre" (the BSrE esign-client API).
KERSA_TTE_PENYEDIA = env("KERSA_TTE_PENYEDIA", default="pkcs12")
# CSC: the service's base URL (before /csc/v1/...), an OAuth bearer token, and how long
# to wait for it. The credential of each signer is chosen at signing (credential ID).
KERSA_TTE_CSC_URL = env("KERSA_TTE_CSC_URL", default="")
KERSA_TTE_CSC_TOKEN = env("KERSA_TTE_CSC_TOKEN", default="") or None
# BSrE esign-client API ("bsre"): the service's base URL (before /api/sign/pdf) and the
# application account (HTTP Basic) BSrE gives the office; each signer gives NIK and passphrase.
KERSA_TTE_BSRE_URL = env("KERSA_TTE_BSRE_URL", default="")
KERSA_TTE_BSRE_PENGGUNA = env("KERSA_TTE_BSRE_PENGGUNA", default="")
KERSA_TTE_BSRE_SANDI = env("KERSA_TTE_BSRE_SANDI", default="")
KERSA_TTE_BATAS_DETIK = env.int("KERSA_TTE_BATAS_DETIK", default=30)
# The trust roots (PEM or DER files, comma-separated) every signature is validated
# against, ours and a partner's; and an RFC 3161 timestamp server (PAdES B-T), empty for none.
KERSA_TTE_AKAR_TEPERCAYA = env.list("KERSA_TTE_AKAR_TEPERCAYA", default=[])
KERSA_TTE_TSA_URL = env("KERSA_TTE_TSA_URL", default="")
# Embed the revocation data fetched at signing (PAdES B-LT); revocation checking mode of
# the validator: "soft-fail" (unreachable OCSP/CRL tolerated), "hard-fail" or "require".
KERSA_TTE_LT = env.bool("KERSA_TTE_LT", default=True)
KERSA_TTE_MODE_PENCABUTAN = env("KERSA_TTE_MODE_PENCABUTAN", default="soft-fail")
# Paraf hierarki (P20-4, P24-4): the roles that initial, in order, before the head
# signs; empty when the office does not use paraf on electronic copies.
KERSA_TTE_PARAF_PERAN = env.list(
    "KERSA_TTE_PARAF_PERAN", default=["sekretariat_tkksd", "ketua_tkksd"]
)
# The issuer name shown in authenticator apps for the second factor (django-otp TOTP).
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="KERSA")
