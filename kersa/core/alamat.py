"""The client's address, for the login lockout and the API throttle.

Behind the documented reverse proxy every request comes from the proxy's address; the
real client is in ``X-Forwarded-For``. That header is believed only when the operator
says how many proxies stand in front (``KERSA_PROXY_COUNT``): the address that many
places from the right end of the header, which the last trusted proxy wrote. Without
it the header is ignored (anyone can send one) and ``REMOTE_ADDR`` counts.

django-ipware would do this too; it is not installed and this is the whole rule.
"""

from django.conf import settings


def alamat_klien(request) -> str | None:
    jumlah = getattr(settings, "KERSA_PROXY_COUNT", 0)
    if jumlah > 0:
        rantai = [
            a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
        ]
        if len(rantai) >= jumlah:
            return rantai[-jumlah]
    return request.META.get("REMOTE_ADDR")
