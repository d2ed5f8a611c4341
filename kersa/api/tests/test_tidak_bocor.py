"""No leak through a side room (issue 19): a KSDD a user may not see
(``agreements.selectors.ksdd_visible_to`` / ``ksdd_dapat_dilihat``) shows neither its
register number nor its title on any list page or API list of another room — plans,
guidance, meetings, reports, dashboards, exports, the public register.

One setup, every role: a draft KSDD of a third agency (Dinas Perhubungan), never brought
to DPRD, with a title found nowhere else, sits on a plan item, a guidance activity and a
meeting agenda. Every GET route of the URLconf without a required argument is walked,
and the detail routes of the plan, the meeting, the guidance activity, the TKKSD decree
and the work programme with their ids, for each role of ``pemeran``, anonymous included.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from kersa.agreements.selectors import ksdd_dapat_dilihat, ksdd_visible_to

from .rute import jalur, teks

pytestmark = pytest.mark.django_db

PERAN = ["operator", "operator_lain", "sekretariat", "anggota", "ketua", "bupati"]
PERAN += ["dprd", "publik", "admin"]


def test_no_list_shows_a_ksdd_the_user_may_not_see(dunia, pemeran):
    rahasia, terlihat, ids = dunia
    judul_rahasia = rahasia.judul
    paths = jalur(ids)
    # Search too: every list without an id, asked for the hidden title (register,
    # dashboard, public register, API filters ``q``).
    paths += [f"{p}?q=Zamrud-Kahayan" for p in paths if not re.search(r"/\d+/", p)]
    assert f"/perencanaan/{ids['rencana']}/" in paths
    assert f"/api/v1/rencana/{ids['rencana']}/" in paths
    assert "/pembinaan/kegiatan/" in paths and "/api/v1/publik/ksdd/" in paths
    assert "/perencanaan/tahun/2026/xlsx/" in paths and "/publik/unduh.csv" in paths
    bocor, dilihat = [], 0
    for nama in [*PERAN, None]:
        user = getattr(pemeran, nama) if nama else None
        client = Client()
        if user is not None:
            client.force_login(user)
            # One rule: the list selector and the one-KSDD check agree.
            for k in (rahasia, terlihat):
                assert ksdd_dapat_dilihat(user, k) == ksdd_visible_to(user).filter(pk=k.pk).exists()
            if ksdd_dapat_dilihat(user, rahasia):
                continue  # nothing is hidden from this role
        for path in paths:
            r = client.get(path)
            assert r.status_code < 500, (nama, path, r.status_code)
            body = teks(r)
            dilihat += r.status_code == 200
            for jejak in (rahasia.nomor_register, judul_rahasia):
                if jejak.encode() in body:
                    bocor.append(f"{nama or 'anonim'} {path}: {jejak}")
    assert not bocor, "\n".join(bocor)
    assert dilihat > 40
    # The walk does read the side rooms: the operator sees its own KSDD on the plan.
    c = Client()
    c.force_login(pemeran.operator)
    body = c.get(f"/perencanaan/{ids['rencana']}/").content.decode()
    assert terlihat.nomor_register in body
    # ... and the search finds the hidden KSDD for whom it is not hidden.
    c.force_login(pemeran.sekretariat)
    assert judul_rahasia in c.get("/ksdd/?q=Zamrud-Kahayan").content.decode()
