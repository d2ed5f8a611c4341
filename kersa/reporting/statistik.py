"""Reads of the dashboard and the public register (Pasal 13 stages, Pasal 26 register).

Every count is aggregated in the database (``values`` + ``annotate(Count)``): one
query per table whatever the number of KSDD. The only Python loops run over the
aggregated groups (at most a few dozen rows), never over KSDD.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _

from kersa.agreements.choices import (
    STATUS_AKHIR,
    TAHAP_STATUS,
    JenisNaskah,
    Kategori,
    Status,
    Tahap,
)
from kersa.agreements.models import Ksdd
from kersa.agreements.models.langkah import Naskah, Penandatangan
from kersa.agreements.selectors import ksdd_visible_to
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.definisi import DEFINISI
from kersa.deadlines.selectors import tenggat_terlihat
from kersa.regions import batas
from kersa.regions.choices import JenisWilayah
from kersa.regions.models import Perbatasan, Wilayah

# ---------------------------------------------------------------- charts


@dataclass
class Baris:
    label: str
    nilai: int
    kode: str = ""
    # the register's filter behind the bar (``?tahap=a``), made a link by ``pasang_tautan``
    saring: dict = field(default_factory=dict)
    tautan: str = ""


@dataclass
class Grafik:
    """A horizontal bar chart, drawn as inline SVG by ``dasbor_grafik.html``; the same
    numbers are shown in a table beside it (accessibility)."""

    kunci: str
    judul: str
    baris: list[Baris] = field(default_factory=list)
    keterangan: str = ""

    LEBAR = 540  # viewBox width; labels left, bars from X_BATANG, the number after the bar
    X_BATANG = 250
    PANJANG_BATANG = 250
    TINGGI = 24

    @property
    def total(self) -> int:
        return sum(b.nilai for b in self.baris)

    @property
    def maks(self) -> int:
        return max((b.nilai for b in self.baris), default=0)

    @property
    def batang(self) -> list[dict]:
        """Geometry of each bar in the viewBox (x, y, width, label and number positions)."""
        maks = self.maks or 1
        hasil = []
        for i, b in enumerate(self.baris):
            # whole numbers: the template would localise a float ("12,5") and break the SVG
            lebar = max(round(self.PANJANG_BATANG * b.nilai / maks), 2 if b.nilai else 0)
            label = b.label if len(b.label) <= 34 else b.label[:33] + "…"
            hasil.append(
                {
                    "label": label,
                    "label_penuh": b.label,
                    "nilai": b.nilai,
                    "tautan": b.tautan if b.nilai else "",
                    "y": i * self.TINGGI + 5,
                    "y_teks": i * self.TINGGI + 17,
                    "x": self.X_BATANG,
                    "lebar": lebar,
                    "x_teks": self.X_BATANG + lebar + 6,
                }
            )
        return hasil

    @property
    def tinggi(self) -> int:
        return max(len(self.baris), 1) * self.TINGGI + 4


# ---------------------------------------------------------------- filters


@dataclass
class Saring:
    tahun: int | None = None
    kategori: str = ""

    @classmethod
    def dari_get(cls, data) -> Saring:
        tahun = data.get("tahun") or ""
        kategori = data.get("kategori") or ""
        return cls(
            tahun=int(tahun) if tahun.isdigit() and 1990 < int(tahun) < 2200 else None,
            kategori=kategori if kategori in Kategori.values else "",
        )

    @property
    def aktif(self) -> bool:
        return bool(self.tahun or self.kategori)

    def querystring(self) -> str:
        parts = []
        if self.tahun:
            parts.append(f"tahun={self.tahun}")
        if self.kategori:
            parts.append(f"kategori={self.kategori}")
        return "&".join(parts)


def ksdd_dasbor(*, user, saring: Saring) -> QuerySet[Ksdd]:
    """The KSDD the dashboard counts: those the user may see (operators: their agency's),
    created in ``saring.tahun`` and of ``saring.kategori`` when given."""
    qs = ksdd_visible_to(user)
    if saring.tahun:
        qs = qs.filter(dibuat_pada__year=saring.tahun)
    if saring.kategori:
        qs = qs.filter(kategori=saring.kategori)
    return qs


def tahun_tersedia(*, user) -> list[int]:
    rows = (
        ksdd_visible_to(user)
        .annotate(t=ExtractYear("dibuat_pada"))
        .values_list("t", flat=True)
        .distinct()
        .order_by("-t")
    )
    return [t for t in rows if t]


# ---------------------------------------------------------------- counts


def per_tahap(qs: QuerySet[Ksdd]) -> Grafik:
    """KSDD by the Pasal 13 stage of their status (P13); ended KSDD by how they ended."""
    per_status = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    baris = []
    for tahap in Tahap:
        n = sum(v for s, v in per_status.items() if TAHAP_STATUS.get(s) == tahap)
        baris.append(Baris(f"{tahap.value}. {tahap.label}", n, tahap.value, {"tahap": tahap.value}))
    for s in (Status.DIAKHIRI, Status.DITOLAK, Status.DIBATALKAN):
        baris.append(Baris(str(Status(s).label), per_status.get(s, 0), s, {"status": s}))
    return Grafik("tahap", _("KSDD menurut tahapan (Pasal 13)"), baris)


def per_urusan(qs: QuerySet[Ksdd]) -> Grafik:
    rows = (
        qs.order_by()
        .filter(urusan__isnull=False)
        .values("urusan__id", "urusan__kode", "urusan__nama", "urusan__urutan")
        .annotate(n=Count("id", distinct=True))
        .order_by("-n", "urusan__urutan")
    )
    baris = [
        Baris(r["urusan__nama"], r["n"], r["urusan__kode"], {"urusan": r["urusan__id"]})
        for r in rows
    ]
    return Grafik("urusan", _("KSDD menurut urusan pemerintahan (Pasal 5)"), baris)


def per_bentuk(qs: QuerySet[Ksdd]) -> Grafik:
    rows = (
        qs.order_by()
        .values("bentuk__id", "bentuk__kode", "bentuk__nama")
        .annotate(n=Count("id"))
        .order_by("bentuk__kode")
    )
    baris = [
        Baris(
            f"{r['bentuk__kode']}. {r['bentuk__nama']}",
            r["n"],
            r["bentuk__kode"],
            {"bentuk": r["bentuk__id"]},
        )
        for r in rows
    ]
    return Grafik("bentuk", _("KSDD menurut bentuk (Pasal 9)"), baris)


def per_mitra(qs: QuerySet[Ksdd]) -> list[dict]:
    """One row per partner region: KSDD in total, not ended (``aktif``), at Pelaksanaan
    (``berjalan``) and before it (``proses``)."""
    return list(
        qs.order_by()
        .filter(mitra__isnull=False)
        .values("mitra__kode", "mitra__nama", "mitra__jenis", "mitra__provinsi_id")
        .annotate(
            n=Count("id", distinct=True),
            aktif=Count("id", distinct=True, filter=~Q(status__in=STATUS_AKHIR)),
            berjalan=Count("id", distinct=True, filter=Q(status=Status.PELAKSANAAN)),
            proses=Count(
                "id",
                distinct=True,
                filter=~Q(status__in=[*STATUS_AKHIR, Status.PELAKSANAAN]),
            ),
        )
        .order_by("-n", "mitra__kode")
    )


def grafik_mitra(rows: list[dict]) -> Grafik:

    baris = [
        Baris(
            f"{JenisWilayah(r['mitra__jenis']).label} {r['mitra__nama']}",
            r["n"],
            r["mitra__kode"],
            {"mitra": r["mitra__kode"]},
        )
        for r in rows
    ]
    return Grafik("mitra", _("KSDD menurut daerah mitra"), baris)


def per_tahun(qs: QuerySet[Ksdd]) -> Grafik:
    """KSDD recorded per year, and Kesepakatan Bersama signed per year."""
    dibuat = dict(
        qs.order_by()
        .annotate(t=ExtractYear("dibuat_pada"))
        .values_list("t")
        .annotate(n=Count("id"))
    )
    ttd = dict(
        Naskah.objects.filter(
            ksdd__in=qs, jenis=JenisNaskah.KB, tanggal_ditandatangani__isnull=False
        )
        .annotate(t=ExtractYear("tanggal_ditandatangani"))
        .values_list("t")
        .annotate(n=Count("id"))
    )
    baris = []
    for t in sorted(set(dibuat) | set(ttd)):
        baris.append(
            Baris(_("%(t)s — dicatat") % {"t": t}, dibuat.get(t, 0), f"{t}-dicatat", {"tahun": t})
        )
        baris.append(Baris(_("%(t)s — KB ditandatangani") % {"t": t}, ttd.get(t, 0), f"{t}-kb"))
    return Grafik("tahun", _("KSDD menurut tahun"), baris)


def tenggat_per_aturan(*, user, saring: Saring) -> list[dict]:
    """Statutory clocks per rule: kept (TERPENUHI, DIANGGAP), missed (TERLEWAT), running."""
    qs = tenggat_terlihat(user)
    if saring.tahun:
        qs = qs.filter(jatuh_tempo__year=saring.tahun)
    if saring.kategori:
        qs = qs.filter(ksdd__kategori=saring.kategori)
    rows = (
        qs.order_by()
        .values("rule")
        .annotate(
            terpenuhi=Count("id", filter=Q(status=StatusTenggat.TERPENUHI)),
            dianggap=Count("id", filter=Q(status=StatusTenggat.DIANGGAP)),
            terlewat=Count("id", filter=Q(status=StatusTenggat.TERLEWAT)),
            berjalan=Count("id", filter=Q(status=StatusTenggat.BERJALAN)),
            dihentikan=Count("id", filter=Q(status=StatusTenggat.DIHENTIKAN)),
        )
    )
    hasil = []
    for r in sorted(rows, key=lambda r: r["rule"]):
        d = DEFINISI.get(r["rule"])
        hasil.append(
            {
                **r,
                "pasal": str(d.pasal) if d else r["rule"],
                "judul": str(d.judul) if d else r["rule"],
            }
        )
    return hasil


def grafik_tenggat(rows: list[dict]) -> Grafik:
    t = {k: sum(r[k] for r in rows) for k in ("terpenuhi", "dianggap", "terlewat", "berjalan")}
    baris = [
        Baris(str(StatusTenggat.TERPENUHI.label), t["terpenuhi"], "terpenuhi"),
        Baris(str(StatusTenggat.DIANGGAP.label), t["dianggap"], "dianggap"),
        Baris(str(StatusTenggat.TERLEWAT.label), t["terlewat"], "terlewat"),
        Baris(str(StatusTenggat.BERJALAN.label), t["berjalan"], "berjalan"),
    ]
    return Grafik("tenggat", _("Tenggat: dipenuhi dan terlewat"), baris)


def pasang_tautan(grafik: list[Grafik], saring: Saring) -> None:
    """Each bar that stands for KSDD links to the register filtered to them (issue 14)."""
    for g in grafik:
        for b in g.baris:
            if b.saring:
                b.tautan = tautan_register(saring, **b.saring)


# ---------------------------------------------------------------- map (region outlines)


def tautan_register(saring: Saring | None = None, **param) -> str:
    """The KSDD register filtered by ``param`` (and the dashboard's year and category)."""
    q = {}
    if saring and saring.tahun:
        q["tahun"] = saring.tahun
    if saring and saring.kategori:
        q["kategori"] = saring.kategori
    q.update(param)
    return f"{reverse('agreements:daftar')}?{urlencode(q)}"


def keadaan_mitra(r: dict) -> str:
    """A partner's state from its KSDD: running (one at Pelaksanaan), in progress (one before
    Pelaksanaan, Persiapan included), or ended (all ended). P13: only Pelaksanaan runs."""
    if r.get("berjalan"):
        return "mitra-berjalan"
    if r.get("proses"):
        return "mitra-proses"
    return "mitra-berakhir"


def peta_batas(mitra_rows: list[dict], saring: Saring | None = None) -> dict:
    """Every kabupaten/kota of the shipped outlines (Kalimantan Tengah and Selatan) as a
    shape: the home region, each partner coloured by the state of its KSDD and linking to
    the register filtered to it, the home region's land neighbours, the rest. Partners
    without an outline are listed apart (never dropped). Two queries."""
    geo = batas.muat()
    home = settings.KERSA_HOME_REGION
    per_kode = {r["mitra__kode"]: r for r in mitra_rows}
    wilayah = {
        w.kode: w
        for w in Wilayah.objects.filter(kode__in=list(geo["wilayah"])).only("kode", "nama", "jenis")
    }
    tetangga = set()
    for a, b in Perbatasan.objects.filter(Q(wilayah_a_id=home) | Q(wilayah_b_id=home)).values_list(
        "wilayah_a_id", "wilayah_b_id"
    ):
        tetangga.add(b if a == home else a)
    latar, depan = [], []
    for kode, g in geo["wilayah"].items():
        w = wilayah.get(kode)
        r = per_kode.get(kode)
        if kode == home:
            kelas = "daerah"
        elif r:
            kelas = keadaan_mitra(r)
        elif kode in tetangga:
            kelas = "tetangga"
        else:
            kelas = "lain"
        bentuk = {
            "kode": kode,
            "nama": w.nama if w else g["nama"],
            "nama_lengkap": w.nama_lengkap if w else g["nama"],
            "d": g["d"],
            "x": g["x"],
            "y": g["y"],
            "kelas": kelas,
            "n": r["n"] if r else 0,
            "berjalan": r["berjalan"] if r else 0,
            "proses": r["proses"] if r else 0,
            "tautan": tautan_register(saring, mitra=kode) if r else "",
        }
        (depan if kelas not in ("lain", "tetangga") else latar).append(bentuk)
    luar = [
        {**r, "kelas": keadaan_mitra(r), "tautan": tautan_register(saring, mitra=r["mitra__kode"])}
        for r in mitra_rows
        if r["mitra__kode"] not in geo["wilayah"]
    ]
    return {"viewBox": geo["viewBox"], "bentuk": latar + depan, "luar": luar}


# ---------------------------------------------------------------- register rows (exports)


def ksdd_register(qs: QuerySet[Ksdd]) -> QuerySet[Ksdd]:
    """The register rows for an export, with their signing dates: a fixed number of queries."""
    return (
        qs.select_related("perangkat_daerah", "bentuk")
        .prefetch_related(
            "mitra",
            "urusan",
            Prefetch(
                "naskah",
                queryset=Naskah.objects.only(
                    "id",
                    "ksdd_id",
                    "jenis",
                    "tanggal_mulai",
                    "tanggal_berakhir",
                    "tanggal_ditandatangani",
                ),
            ),
        )
        .order_by("-dibuat_pada", "-id")
    )


# ---------------------------------------------------------------- public register (P26)


def _ttd_naskah() -> QuerySet[Naskah]:
    return Naskah.objects.filter(tanggal_ditandatangani__isnull=False)


def ksdd_publik(*, q: str = "", tahun: int | None = None) -> QuerySet[Ksdd]:
    """Signed agreements only: KSDD whose Kesepakatan Bersama or PKS is signed. Drafts,
    the KAK, internal letters and every person's name stay out: of the signatories only
    their office (jabatan) and region are loaded."""
    ttd = _ttd_naskah().filter(ksdd=OuterRef("pk"))
    qs = Ksdd.objects.filter(Exists(ttd))
    if tahun:
        qs = qs.filter(Exists(ttd.filter(tanggal_ditandatangani__year=tahun)))
    q = (q or "").strip()[:100]
    if q:
        cocok_mitra = Wilayah.objects.filter(ksdd_sebagai_mitra=OuterRef("pk"), nama__icontains=q)
        cocok_urusan = Ksdd.urusan.through.objects.filter(
            ksdd=OuterRef("pk"), urusan__nama__icontains=q
        )
        qs = qs.filter(
            Q(judul__icontains=q)
            | Q(nomor_register__icontains=q)
            | Q(Exists(cocok_mitra))
            | Q(Exists(cocok_urusan))
        )
    return (
        qs.select_related("bentuk")
        .only("id", "nomor_register", "judul", "status", "kategori", "bentuk__kode", "bentuk__nama")
        .prefetch_related(
            Prefetch("mitra", queryset=Wilayah.objects.only("kode", "nama", "jenis")),
            Prefetch("urusan"),
            Prefetch(
                "naskah",
                queryset=_ttd_naskah()
                .only(
                    "id",
                    "ksdd_id",
                    "jenis",
                    "tanggal_mulai",
                    "tanggal_berakhir",
                    "tanggal_ditandatangani",
                    "tempat_penandatanganan",
                )
                .order_by("jenis")
                .prefetch_related(
                    Prefetch(
                        "penandatangan",
                        queryset=Penandatangan.objects.only(
                            "id", "naskah_id", "urutan", "jabatan"
                        ).order_by("urutan"),
                    )
                ),
                to_attr="naskah_ttd",
            ),
        )
        .order_by("-id")
    )


def baris_publik(k: Ksdd, hari_ini: dt.date) -> dict:
    """One public row, from a KSDD loaded by ``ksdd_publik``."""
    naskah = {n.jenis: n for n in k.naskah_ttd}
    kb, pks = naskah.get(JenisNaskah.KB), naskah.get(JenisNaskah.PKS)
    berlaku = pks or kb
    if k.status == Status.DIBATALKAN:
        keadaan = _("Dibatalkan")
    elif k.status == Status.DIAKHIRI or (berlaku and berlaku.tanggal_berakhir < hari_ini):
        keadaan = _("Berakhir")
    elif pks:
        keadaan = _("Dilaksanakan")
    else:
        keadaan = _("Kesepakatan Bersama ditandatangani")
    return {
        "ksdd": k,
        "mitra": [w.nama_lengkap for w in k.mitra.all()],
        "urusan": [u.nama for u in k.urusan.all()],
        "kb": kb,
        "pks": pks,
        "mulai": berlaku.tanggal_mulai if berlaku else None,
        "berakhir": berlaku.tanggal_berakhir if berlaku else None,
        "penandatangan": [p.jabatan for p in berlaku.penandatangan.all()] if berlaku else [],
        "keadaan": keadaan,
    }


def tahun_publik() -> list[int]:
    return [
        t
        for t in _ttd_naskah()
        .annotate(t=ExtractYear("tanggal_ditandatangani"))
        .values_list("t", flat=True)
        .distinct()
        .order_by("-t")
        if t
    ]


def versi_publik() -> str:
    """A cheap fingerprint of the public register (for its ETag): the last change and
    the newest KSDD, two index lookups (a COUNT scanned the whole table on every
    request, 304s included). A KSDD with history is never deleted, only cancelled
    (issue 19), and every change moves ``diubah_pada``."""
    agg = Ksdd.objects.aggregate(m=Max("diubah_pada"), n=Max("id"))
    return f"{agg['m'].timestamp() if agg['m'] else 0}-{agg['n']}"
