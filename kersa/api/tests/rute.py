"""Every GET route of the URLconf, filled with the ids a test gives: the walks of issue 19
(no leak through a side room, no 500 from a query string) read the resolver, so a list
route added later is walked too."""

from __future__ import annotations

import io
import re
import zipfile

from django.urls import URLPattern, URLResolver, get_resolver

# Not list rooms of KERSA: Django's admin (its own permission model), the login and
# password pages, the schema and its browsers, the language switch.
LEWATI = re.compile(r"^(admin/|akun/|api/schema|api/docs|api/redoc|i18n/|api/v1/token)")

# Detail routes walked with the id of the room they belong to.
KUNCI_ID = {
    "perencanaan/<int:pk>/": "rencana",
    "api/v1/^rencana/(?P<pk>[0-9]+)/$": "rencana",
    "api/v1/^rencana/(?P<pk>[0-9]+)/butir/$": "rencana",
    "tkksd/rapat/<int:pk>/": "rapat",
    "api/v1/^rapat/(?P<pk>[0-9]+)/$": "rapat",
    "api/v1/^rapat/(?P<pk>[0-9]+)/agenda/$": "rapat",
    "tkksd/rapat/<int:pk>/agenda/": "rapat",
    "tkksd/keputusan/<int:pk>/": "keputusan",
    "api/v1/^tkksd/keputusan/(?P<pk>[0-9]+)/$": "keputusan",
    "tkksd/program/<int:pk>/": "program",
    "api/v1/^tkksd/program-kerja/(?P<pk>[0-9]+)/$": "program",
    "api/v1/^pembinaan/kegiatan/(?P<pk>[0-9]+)/$": "kegiatan",
}


def rute(pola=None, awal=""):
    """(route, its named groups) of every pattern, resolvers walked."""
    for p in get_resolver().url_patterns if pola is None else pola:
        if isinstance(p, URLResolver):
            yield from rute(p.url_patterns, awal + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield awal + str(p.pattern), p.pattern.regex.groupindex


def isi(r: str, ids: dict[str, int]) -> str | None:
    """The path of route ``r`` with its ``pk`` filled from ``ids`` (by the room the route
    belongs to), or None when the route needs arguments we do not give."""
    kunci = KUNCI_ID.get(r)
    if kunci:
        r = re.sub(r"<int:pk>|\(\?P<pk>\[0-9\]\+\)", str(ids[kunci]), r)
    r = r.replace("<int:tahun>", "2026")  # the plan workbook, the calendar
    if "<" in r or "(?P" in r:
        return None
    path = "/" + r.replace("^", "").replace("$", "")
    return path.replace("\\.", ".")


def jalur(ids: dict[str, int]) -> list[str]:
    """Every GET path of KERSA's rooms we can fill (sorted, no duplicates)."""
    return sorted({p for r, _ in rute() if not LEWATI.match(r) and (p := isi(r, ids))})


def teks(r) -> bytes:
    """The body; of a workbook (a zip of XML), the text of its parts."""
    body = b"".join(r.streaming_content) if r.streaming else r.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return b"".join(z.read(n) for n in z.namelist())
    return body
