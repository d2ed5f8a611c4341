"""Reads for KSDD. Query-count discipline lives here."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from kersa.core.errors import RuleViolation
from kersa.documents.diff import bandingkan_teks, perubahan_materiil, teks_berkas
from kersa.documents.selectors import berkas_disepakati
from kersa.documents.validators import DOCX

from .choices import STATUS_AKHIR, Status
from .models import Ksdd, PermohonanDprd, RiwayatTahap
from .workflow import TRANSISI, Transisi


def _dprd_filter() -> Q:
    return Q(Exists(PermohonanDprd.objects.filter(ksdd=OuterRef("pk"))))


def _hak_lihat(user) -> tuple[bool, int | None, bool]:
    """The one rule of who sees which KSDD, read by both ``ksdd_visible_to`` (a
    queryset, for every list of every room) and ``ksdd_dapat_dilihat`` (one KSDD):
    (sees all, own agency's id or None, those brought to DPRD)."""
    if not user.is_authenticated:
        return False, None, False
    if user.has_perm("agreements.lihat_semua_ksdd"):
        return True, None, False
    pd = user.perangkat_daerah_id if user.has_perm("agreements.view_ksdd") else None
    return False, pd or None, user.has_perm("agreements.lihat_ksdd_dprd")


def ksdd_visible_to(user) -> QuerySet[Ksdd]:
    """The KSDD this user may see: all (secretariat, TKKSD, Bupati), those brought to
    DPRD (DPRD), or its own agency's (operator). Nothing for anyone else. Every room
    that lists a KSDD (plans, guidance, reports, dashboards, the API) filters by this."""
    qs = Ksdd.objects.all()
    semua, pd, dprd = _hak_lihat(user)
    if semua:
        return qs
    cond = Q(pk__in=[])
    if dprd:
        cond |= _dprd_filter()
    if pd:
        cond |= Q(perangkat_daerah_id=pd)
    return qs.filter(cond)


def ksdd_dapat_dilihat(user, ksdd: Ksdd) -> bool:
    """Whether ``user`` may see this one KSDD: the same rule as ``ksdd_visible_to``."""
    semua, pd, dprd = _hak_lihat(user)
    if semua:
        return True
    if pd and pd == ksdd.perangkat_daerah_id:
        return True
    return dprd and ksdd.permohonan_dprd.exists()


def ksdd_list(*, user) -> QuerySet[Ksdd]:
    """The register: a fixed number of queries whatever the number of KSDD."""
    return (
        ksdd_visible_to(user)
        .select_related("perangkat_daerah", "bentuk", "pemrakarsa_mitra")
        .prefetch_related("mitra", "urusan")
        .order_by("-dibuat_pada", "-id")
    )


def ksdd_detail(*, user, pk: int) -> Ksdd:
    """One KSDD with what its page shows, or Ksdd.DoesNotExist if the user may not see it."""
    return (
        ksdd_visible_to(user)
        .select_related(
            "perangkat_daerah",
            "bentuk",
            "pemrakarsa_mitra",
            "pembayar",
            "penerima_pembayaran",
            "kak",
            "dibuat_oleh",
            "butir_rencana__identifikasi",
        )
        .prefetch_related(
            "mitra",
            "urusan",
            "tujuan",
            "naskah",
            Prefetch(
                "riwayat",
                queryset=RiwayatTahap.objects.select_related("oleh").prefetch_related("berkas"),
            ),
            # The DPRD preconditions of every step read the latest request and its letters
            # (``prasyarat``): loaded once here, not once per step listed on the page.
            Prefetch(
                "permohonan_dprd",
                queryset=PermohonanDprd.objects.select_related(
                    "persetujuan", "jawaban", "penolakan", "telaahan", "tindak_lanjut"
                ),
            ),
        )
        .get(pk=pk)
    )


def ksdd_menunggu_tindakan(*, user) -> QuerySet[Ksdd]:
    """KSDD whose next step this user's role can take ("what waits for my action")."""
    statuses = {
        s
        for t in TRANSISI.values()
        if t.nama != "batalkan" and user.has_perm(f"agreements.{t.izin}")
        for s in t.sumber
    }
    return ksdd_list(user=user).filter(status__in=statuses)


def ksdd_hitung_per_status(*, user) -> dict[str, int]:
    from django.db.models import Count

    rows = ksdd_visible_to(user).values("status").annotate(n=Count("id"))
    return {r["status"]: r["n"] for r in rows}


def ksdd_aktif(qs: QuerySet[Ksdd]) -> QuerySet[Ksdd]:
    return qs.exclude(status__in=STATUS_AKHIR)


__all__ = [
    "Status",
    "ksdd_aktif",
    "ksdd_dapat_dilihat",
    "ksdd_detail",
    "ksdd_hitung_per_status",
    "ksdd_list",
    "ksdd_menunggu_tindakan",
    "ksdd_visible_to",
    "boleh",
    "transisi_tersedia",
]


# --- P22-2: the PKS signed against the draft DPRD approved ----------------------------


@dataclass
class BedaRancanganDprd:
    """The draft PKS sent with the DPRD request that was approved (P22-1a, P22-2) set
    against the agreed PKS about to be signed: the side-by-side text difference, the
    material changes (``documents.diff.perubahan_materiil``), or why they cannot be
    computed (``pesan``: a PDF, a file that cannot be read, no agreed PKS yet)."""

    persetujuan: object
    rancangan: object  # Berkas: the draft DPRD approved
    naskah: object | None  # Berkas: the agreed PKS
    perbandingan: object | None = None
    materiil: list = field(default_factory=list)
    pesan: str = ""

    def baris_ringkas(self, konteks: int = 1) -> list[tuple[str, str, str, str, str] | None]:
        """The side-by-side rows near a change (``konteks`` unchanged rows either side);
        ``None`` stands for the unchanged rows left out."""
        if self.perbandingan is None:
            return []
        baris = self.perbandingan.baris
        dekat = {
            j
            for i, b in enumerate(baris)
            if b[0] != "sama"
            for j in range(i - konteks, i + konteks + 1)
        }
        out: list = []
        for i, b in enumerate(baris):
            if i in dekat:
                out.append(b)
            elif out and out[-1] is not None:
                out.append(None)
        return out

    @property
    def ringkas(self):
        return self.baris_ringkas()

    @property
    def perlu_alasan(self) -> bool:
        """A material change, or one that cannot be ruled out, needs a reason."""
        return bool(self.materiil) or self.perbandingan is None


def beda_rancangan_dprd(ksdd: Ksdd) -> BedaRancanganDprd | None:
    """None when the KSDD has no DPRD approval (P21-1 did not require one)."""
    from django.utils.translation import gettext as _

    persetujuan = (
        ksdd.persetujuan_dprd.select_related("permohonan__berkas_rancangan_pks")
        .order_by("-tanggal", "-id")
        .first()
    )
    if persetujuan is None:
        return None
    rancangan = persetujuan.permohonan.berkas_rancangan_pks
    naskah = berkas_disepakati(ksdd, "pks")
    hasil = BedaRancanganDprd(persetujuan=persetujuan, rancangan=rancangan, naskah=naskah)
    if naskah is None:
        hasil.pesan = _("Rancangan PKS yang disepakati belum dicatat.")
        return hasil
    pdf = [
        label
        for b, label in (
            (rancangan, _("rancangan yang dimohonkan persetujuan DPRD")),
            (naskah, _("PKS yang disepakati")),
        )
        if b.content_type != DOCX
    ]
    if pdf:
        hasil.pesan = _(
            "%s berupa PDF; perbedaan teks tidak dapat ditunjukkan. Bandingkan secara "
            "manual dan sebutkan alasannya bila berbeda (Pasal 22 ayat 2)."
        ) % ", ".join(str(p) for p in pdf)
        return hasil
    try:
        a, b = teks_berkas(rancangan), teks_berkas(naskah)
    except (RuleViolation, OSError):
        hasil.pesan = _("Salah satu naskah tidak dapat dibaca sebagai DOCX (Pasal 22 ayat 2).")
        return hasil
    hasil.perbandingan = bandingkan_teks(a, b, nama_a=rancangan.nama_asli, nama_b=naskah.nama_asli)
    hasil.materiil = perubahan_materiil(a, b)
    return hasil


def boleh(user, transisi: Transisi, ksdd: Ksdd) -> bool:
    """Whether this user may take this step on this KSDD (role and agency)."""
    return user.has_perm(f"agreements.{transisi.izin}") and ksdd_dapat_dilihat(user, ksdd)


def transisi_tersedia(ksdd: Ksdd, user=None) -> list[Transisi]:
    """The steps open from the KSDD's status (for this user, when given)."""
    return [
        t
        for t in TRANSISI.values()
        if t.berlaku_untuk(ksdd) and (user is None or boleh(user, t, ksdd))
    ]
