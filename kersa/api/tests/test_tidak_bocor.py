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

import datetime as dt
import io
import re
import zipfile

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from kersa.accounts.services import user_set_peran
from kersa.agreements.selectors import ksdd_dapat_dilihat, ksdd_visible_to
from kersa.agreements.skenario import ksdd_baru
from kersa.core.roles import Peran
from kersa.governance.choices import JenisRapat
from kersa.governance.models import ProgramKerja
from kersa.governance.services import agenda_tambah, rapat_jadwalkan
from kersa.oversight.choices import BentukPembinaan
from kersa.oversight.services.pembinaan import kegiatan_pembinaan_tambah
from kersa.planning import services as rencana
from kersa.planning.choices import ForumProvinsi, Prioritas
from kersa.regions.models import PerangkatDaerah, Wilayah

pytestmark = pytest.mark.django_db

JUDUL_RAHASIA = "Angkutan Sungai Rahasia Zamrud-Kahayan 7QX"
PERAN = ["operator", "operator_lain", "sekretariat", "anggota", "ketua", "bupati"]
PERAN += ["dprd", "publik", "admin"]

# Not list rooms of KERSA: Django's admin (its own permission model), the login and
# password pages, the schema and its browsers, the language switch.
_LEWATI = re.compile(r"^(admin/|akun/|api/schema|api/docs|api/redoc|i18n/|api/v1/token)")


def _rute(pola, awal=""):
    for p in pola:
        if isinstance(p, URLResolver):
            yield from _rute(p.url_patterns, awal + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield awal + str(p.pattern), p.pattern.regex.groupindex


def _teks(r) -> bytes:
    """The body; of a workbook (a zip of XML), the text of its parts."""
    body = b"".join(r.streaming_content) if r.streaming else r.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return b"".join(z.read(n) for n in z.namelist())
    return body


def _isi(rute: str, ids: dict[str, int]) -> str | None:
    """The path of ``rute`` with its ``pk`` filled from ``ids`` (by the room the route
    belongs to), or None when the route needs arguments we do not give."""
    kunci = {
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
    }.get(rute)
    if kunci:
        rute = re.sub(r"<int:pk>|\(\?P<pk>\[0-9\]\+\)", str(ids[kunci]), rute)
    rute = rute.replace("<int:tahun>", "2026")  # the plan workbook, the calendar
    if "<" in rute or "(?P" in rute:
        return None
    path = "/" + rute.replace("^", "").replace("$", "")
    return path.replace("\\.", ".")


@pytest.fixture
def dunia(pemeran, tkksd):
    """The invisible KSDD on a plan item, a guidance activity and a meeting agenda."""
    dishub = PerangkatDaerah.objects.get(nama="Dinas Perhubungan")
    op_dishub, _ = type(pemeran.operator).objects.get_or_create(
        username="operator.dishub", defaults={"perangkat_daerah": dishub}
    )
    user_set_peran(user=op_dishub, peran=Peran.OPERATOR_PD)
    op_dishub = type(op_dishub).objects.get(pk=op_dishub.pk)
    bappeda, _ = PerangkatDaerah.objects.get_or_create(
        nama="Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        defaults={"singkatan": "Bappedalitbang"},
    )
    ident = rencana.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori="wajib",
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 2, 3),
        perangkat_perencanaan=bappeda,
        perangkat_terlibat=[pemeran.operator.perangkat_daerah, dishub],
    )
    from kersa.agreements.models import Urusan

    butir = rencana.butir_tambah(
        identifikasi=ident,
        user=pemeran.sekretariat,
        urusan=Urusan.objects.get(kode="a.3"),
        program="Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan",
        kegiatan="Dermaga angkutan sungai perbatasan",
        perangkat_daerah=dishub,
        mitra=[Wilayah.objects.get(kode="62.13")],
        jangka_waktu_bulan=24,
        prioritas=Prioritas.TINGGI,
        dokumen_rencana="RKPD 2026",
        forum_provinsi=ForumProvinsi.MUSRENBANG,
        tanggal_forum=dt.date(2025, 4, 15),
    )
    rahasia = ksdd_baru(
        pemeran,
        user=op_dishub,
        perangkat_daerah=dishub,
        judul=JUDUL_RAHASIA,
        butir_rencana=butir,
    )
    terlihat = ksdd_baru(pemeran, butir_rencana=butir)  # Dinas Kesehatan's own
    kegiatan = kegiatan_pembinaan_tambah(
        user=pemeran.sekretariat,
        bentuk=BentukPembinaan.values[0],
        judul="Bimbingan teknis penyusunan KAK",
        tanggal=dt.date(2026, 3, 12),
        peserta=[pemeran.operator.perangkat_daerah, dishub],
        ksdd=[rahasia, terlihat],
    )
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),
        waktu_mulai=dt.time(9, 0),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )
    for k in (rahasia, terlihat):
        agenda_tambah(rapat=rapat, judul="Pembahasan KAK", user=pemeran.sekretariat, ksdd=k)
    program = ProgramKerja.objects.first()
    ids = {
        "rencana": ident.pk,
        "rapat": rapat.pk,
        "keputusan": tkksd.pk,
        "program": program.pk if program else 0,
        "kegiatan": kegiatan.pk,
    }
    return rahasia, terlihat, ids


def test_no_list_shows_a_ksdd_the_user_may_not_see(dunia, pemeran):
    rahasia, terlihat, ids = dunia
    paths = sorted(
        {
            path
            for rute, _ in _rute(get_resolver().url_patterns)
            if not _LEWATI.match(rute) and (path := _isi(rute, ids))
        }
    )
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
            body = _teks(r)
            dilihat += r.status_code == 200
            for jejak in (rahasia.nomor_register, JUDUL_RAHASIA):
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
    assert JUDUL_RAHASIA in c.get("/ksdd/?q=Zamrud-Kahayan").content.decode()
