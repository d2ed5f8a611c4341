"""One check, two uses (issue 13 item 1): the blockers the KSDD page lists for a step
are exactly what the step's service refuses with.

For every step of ``TRANSISI`` in every status a KSDD reaches through the real services
(``skenario``: home-initiated with and without DPRD approval P21-1, partner-initiated
P17/P18, two partners P16-4), and in the states the status-keeping letter steps lead to
(second request P16-5/P18-2, report P16-6, the DPRD letters P22-1b…d), the test
computes the blockers as the page does (``Transisi.hambatan_penuh(ksdd)``; per partner
``hambatan_penuh(ksdd, mitra)``), then calls the service with realistic valid input
(the ``skenario`` builders) inside a savepoint that is rolled back, and asserts:

    no blocker  ⇔  the service accepts;  a refusal cites exactly the listed blockers.

Every other step, not open in that status, is tried too: the service refuses it with the
P13 line the API lists for it (the page does not offer it); a user who may not see the
KSDD at that stage (DPRD before its request) is refused permission. The final statuses a
step leads to (batalkan, akhiri, a refusal) are walked the same way.

A step on one partner's offer (``catat_tanggapan``, ``catat_permintaan_kedua``,
``catat_laporan_gubernur``) is tried for each partner: the page shows no blocker iff
some partner passes.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from kersa.agreements.choices import STATUS_AKHIR, Pemrakarsa, Status
from kersa.agreements.models import Ksdd, LaporanGubernur
from kersa.agreements.workflow import TRANSISI
from kersa.api.tests.bantuan import multipart, url_ksdd
from kersa.core.errors import RuleViolation
from kersa.demo import skenario as sk
from kersa.demo.management.commands import muat_demo
from kersa.documents.contoh import unggahan_pdf
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


class _Batal(Exception):
    """Raised to roll a tried step back."""


# The realistic input of each step: (name of the variant, builder); a builder takes
# (ksdd, pemeran, **ubah) as in ``skenario``.
LANGKAH: dict[str, list[tuple[str, object]]] = {
    "ajukan_kak": [("", sk._ajukan)],
    "catat_petunjuk_tertulis": [("", sk._petunjuk)],
    "catat_telaah": [("", sk._telaah)],
    "catat_telaah_kak_mitra": [("", sk.telaah_kak_mitra)],
    "catat_penawaran": [("", sk._penawaran)],
    "catat_rekomendasi_pleno": [("", sk.rekomendasi_pleno)],
    "catat_tanggapan": [("", sk.tanggapan)],
    "sepakati_rancangan_kb": [("", sk._rancangan_kb)],
    "tandatangani_kb": [("", sk._ttd_kb)],
    "ajukan_persetujuan_dprd": [("", sk._ajukan_dprd)],
    "catat_persetujuan_dprd": [("", sk._setuju_dprd)],
    # 18 days ago: the 15 days of P16-6 have passed by today; 5 days ago: they have not.
    "catat_permintaan_kedua": [
        ("lama", sk.permintaan_kedua),
        ("baru", lambda k, p, **u: sk.permintaan_kedua(k, p, hari_diterima=5, **u)),
    ],
    "catat_laporan_gubernur": [("", sk.laporan_gubernur)],
    "catat_jawaban_dprd": [("", sk.jawaban_dprd)],
    "catat_telaahan_dprd": [("", sk.telaahan_dprd)],
    "catat_tindak_lanjut_telaahan": [("", sk.tindak_lanjut_telaahan)],
    "catat_penolakan_dprd": [("", sk.penolakan_dprd)],
    "sepakati_rancangan_pks": [("", sk._rancangan_pks)],
    "tandatangani_pks": [("", sk._ttd_pks)],
    "catat_persetujuan_dprd_perubahan": [("", sk.persetujuan_dprd_perubahan)],
    "perpanjang_kb": [("", sk.perpanjangan_kb)],
    "akhiri": [("", sk.akhiri)],
    "batalkan": [("", sk.batalkan)],
}
PER_MITRA = {nama for nama, t in TRANSISI.items() if t.prasyarat_mitra}
KEDALAMAN = 3  # status-keeping steps chained after one another


def test_every_step_has_a_realistic_input():
    assert set(LANGKAH) == set(TRANSISI)
    assert {"catat_tanggapan", "catat_permintaan_kedua", "catat_laporan_gubernur"} == PER_MITRA


def _coba(k: Ksdd, builder, pemeran, ubah: dict):
    """Run the step; returns the refusal (or None) and, when accepted, the KSDD after it."""
    try:
        builder(k, pemeran, **ubah)
    except RuleViolation as e:
        return e, None
    k.refresh_from_db()
    return None, k


def _rules(pelanggaran) -> list[tuple[str, str]]:
    return [(p.rule, str(p.detail)) for p in pelanggaran]


class _Jelajah:
    def __init__(self, pemeran):
        self.pemeran = pemeran
        self.salah: list[str] = []
        self.dilihat: set[tuple] = set()
        self.dicoba = 0

    def periksa(self, k: Ksdd, jejak: tuple[str, ...] = ()):
        """Try every step open from ``k``'s status; recurse into status-keeping ones."""
        kunci = (k.pk, k.status, tuple(sorted(jejak)))
        if kunci in self.dilihat:
            return
        self.dilihat.add(kunci)
        for nama, t in TRANSISI.items():
            if not t.berlaku_untuk(k):
                # not open in this status: the page does not offer it, the API lists it
                # blocked by P13, and the service refuses it with exactly that (P13)
                self._luar_tahap(k, nama, t.hambatan_penuh(k), jejak)
                continue
            halaman = t.hambatan_penuh(k)  # as the KSDD page, the step page and the API list
            calon = (
                sorted(k.penawaran.values_list("mitra_id", flat=True))
                if nama in PER_MITRA
                else [None]
            )
            ada_yang_lolos = False
            for varian, builder in LANGKAH[nama]:
                for mitra in calon:
                    harap = t.hambatan_penuh(k, mitra) if mitra else halaman
                    lolos = self._satu(k, nama, varian, builder, mitra, harap, jejak)
                    ada_yang_lolos |= lolos
            if nama in PER_MITRA and ada_yang_lolos == bool(halaman):
                self._catat(
                    k, jejak, nama, "*", None, halaman, f"lolos untuk mitra: {ada_yang_lolos}"
                )

    def _luar_tahap(self, k, nama, harap, jejak) -> None:
        """P13: a step outside its status is refused with the line the API lists for it
        (or, for a user who may not see this KSDD at this stage, not allowed at all)."""
        varian, builder = LANGKAH[nama][0]
        tolak = None
        try:
            with transaction.atomic():
                self.dicoba += 1
                try:
                    builder(k, self.pemeran)
                except (RuleViolation, PermissionDenied) as e:
                    tolak = e
                raise _Batal
        except _Batal:
            pass
        k.refresh_from_db()
        if isinstance(tolak, PermissionDenied):
            return
        if tolak is None or _rules(tolak.pelanggaran) != _rules(harap):
            self._catat(k, jejak, nama, varian, None, harap, tolak or "diterima")

    def _satu(self, k, nama, varian, builder, mitra, harap, jejak) -> bool:
        ubah = {"mitra": mitra} if mitra else {}
        status = k.status
        try:
            with transaction.atomic():
                self.dicoba += 1
                tolak, sesudah = _coba(k, builder, self.pemeran, ubah)
                # recurse into the states a status-keeping step leads to, and into the
                # final statuses (batalkan, akhiri, a refusal): every step there too
                if (
                    tolak is None
                    and not harap
                    and (sesudah.status == status or sesudah.status in STATUS_AKHIR)
                    and len(jejak) < KEDALAMAN
                ):
                    self.periksa(sesudah, (*jejak, f"{nama}:{varian}:{mitra or ''}"))
                raise _Batal
        except _Batal:
            pass
        k.refresh_from_db()
        diterima = tolak is None
        if diterima == bool(harap) or (tolak and _rules(tolak.pelanggaran) != _rules(harap)):
            self._catat(k, jejak, nama, varian, mitra, harap, tolak or "diterima")
        return diterima

    def _catat(self, k, jejak, nama, varian, mitra, harap, layanan):
        self.salah.append(
            f"{k.status} {list(jejak)} {nama}[{varian}] mitra={mitra}: "
            f"halaman {[p.rule for p in harap]} / layanan {layanan}"
        )


def _jalan(pemeran, k: Ksdd, sampai: str) -> _Jelajah:
    """Walk ``k`` along the services to ``sampai``, checking every status on the way."""
    j = _Jelajah(pemeran)
    while True:
        k.refresh_from_db()
        j.periksa(k)
        if k.status == sampai or k.status in STATUS_AKHIR:
            break
        with transaction.atomic():
            sk.JALAN_UTAMA[k.status](k, pemeran)
    assert k.status == sampai
    return j


@pytest.mark.parametrize(
    ("ubah", "sampai"),
    [
        pytest.param({"dianggarkan_apbd": False, "nomor_dpa": ""}, Status.PELAKSANAAN, id="dprd"),
        pytest.param({}, Status.PELAKSANAAN, id="tanpa-dprd"),
        pytest.param({"pemrakarsa": Pemrakarsa.MITRA}, Status.PENYUSUNAN_KB, id="mitra"),
        pytest.param({"dua_mitra": True}, Status.PENYUSUNAN_KB, id="dua-mitra"),
    ],
)
def test_hambatan_halaman_setara_dengan_layanan(pemeran, ubah, sampai):
    """No blocker on the page ⇔ the service accepts the step (issue 13 item 1;
    P13, P16-4…6, P18-2, P18-3, P19-1, P21-1, P22-1a…d, P22-3, P11, P12)."""
    ubah = dict(ubah)
    bartim = Wilayah.objects.get(kode="62.13")
    if ubah.pop("dua_mitra", False):
        ubah["mitra"] = list(Wilayah.objects.filter(kode__in=["62.13", "62.03"]))
    if ubah.get("pemrakarsa") == Pemrakarsa.MITRA:
        ubah["pemrakarsa_mitra"] = bartim
    k = sk.ksdd_baru(pemeran, **ubah)
    j = _jalan(pemeran, k, sampai)
    assert j.salah == [], "\n".join(j.salah)
    assert j.dicoba >= 10


# --- the case reported: "Catat laporan kepada Gubernur" (P16-6) on the pages and the API --


def _hambatan_halaman(client, k: Ksdd, nama: str) -> list[str]:
    resp = client.get(reverse("agreements:detail", args=[k.pk]))
    (baris,) = [b for b in resp.context["langkah"] if b["transisi"].nama == nama]
    return [p.rule for p in baris["hambatan"]]


def _hambatan_api(api, k: Ksdd, nama: str) -> list[dict]:
    body = api.get(url_ksdd(k)).json()
    (t,) = [t for t in body["transisi"] if t["nama"] == nama]
    return t["hambatan"]


def test_p16_6_laporan_gubernur_tidak_ditawarkan_sebelum_permintaan_kedua_dan_15_hari(
    client, pemeran
):
    """P16-6: the KSDD page, the step page and the API list the report to the Gubernur
    as blocked until the second request is recorded and its 15 calendar days have
    passed, exactly as the service refuses it; then it is offered and accepted."""
    k = sk.ke_status(sk.ksdd_baru(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
    client.force_login(pemeran.sekretariat)
    api = APIClient()
    api.force_login(pemeran.sekretariat)
    nama = "catat_laporan_gubernur"
    isian = {
        "mitra": "62.13",
        "nomor": "000.3/170/Pem/2026",
        "tanggal_surat": timezone.localdate().isoformat(),
        "surat": unggahan_pdf("laporan-gubernur.pdf"),
    }

    # No second request yet.
    assert _hambatan_halaman(client, k, nama) == ["P16-6"]
    resp = client.get(reverse("agreements:langkah", args=[k.pk, nama]))
    (h,) = resp.context["hambatan"]
    assert "permintaan tanggapan kedua kepada Kabupaten Barito Timur belum dicatat" in h["detail"]
    assert "Tidak ada aturan yang menghambat" not in resp.content.decode()
    resp = client.post(
        reverse("agreements:langkah", args=[k.pk, nama]), {"versi": k.versi, **isian}
    )
    assert "belum dicatat" in resp.content.decode()
    assert not LaporanGubernur.objects.filter(penawaran__ksdd=k).exists()

    # A second request received 5 days ago: its 15 days have not passed.
    sk.permintaan_kedua(k, pemeran, hari_diterima=5)
    diterima = timezone.localdate() - dt.timedelta(days=5)
    batas = diterima + dt.timedelta(days=15)
    (h,) = _hambatan_api(api, k, nama)
    assert h["rule"] == "P16-6"
    assert f"yaitu setelah {batas:%d-%m-%Y} (Pasal 16 ayat 6)" in h["detail"]
    assert _hambatan_halaman(client, k, nama) == ["P16-6"]
    k.refresh_from_db()
    r = api.post(url_ksdd(k, nama), multipart({**isian, "surat": None}), format="multipart")
    assert r.status_code == 422 and r.json()["rule"] == "P16-6"
    assert not LaporanGubernur.objects.filter(penawaran__ksdd=k).exists()

    # The day after the 15th day: offered without blockers, and accepted.
    with time_machine.travel(batas + dt.timedelta(days=1), tick=False):
        client.force_login(pemeran.sekretariat)  # the sessions of 16 days ago expired
        api.force_login(pemeran.sekretariat)
        assert _hambatan_api(api, k, nama) == []
        assert _hambatan_halaman(client, k, nama) == []
        k.refresh_from_db()
        tanggal = {"tanggal_surat": timezone.localdate().isoformat()}
        r = api.post(
            url_ksdd(k, nama), multipart({**isian, **tanggal, "surat": None}), format="multipart"
        )
        assert r.status_code == 200, r.json()
        # Reported once: blocked again, on the page and in the API (P16-6).
        (h,) = _hambatan_api(api, k, nama)
        assert "sudah dicatat" in h["detail"]
    laporan = LaporanGubernur.objects.get(penawaran__ksdd=k)
    assert laporan.tanggal_surat == batas + dt.timedelta(days=1)


def test_p22_3_permohonan_dprd_kedua_diblokir_di_halaman_setelah_persetujuan(pemeran):
    """P22-3 (a mismatch found by the walk above): once DPRD's approval stands, the
    request step is still open from penyusunan PKS (P21-1 may require a request there)
    but the page lists the blocker the service refuses with."""
    k = sk.ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    k = sk.ke_status(k, Status.PENYUSUNAN_PKS, pemeran)
    t = TRANSISI["ajukan_persetujuan_dprd"]
    (p,) = t.hambatan(k)
    assert p.rule == "P22-3" and "masih berlaku" in p.detail
    with pytest.raises(RuleViolation) as e:
        sk._ajukan_dprd(k, pemeran)
    assert _rules(e.value.pelanggaran) == _rules([p])


@pytest.mark.parametrize("i", range(len(muat_demo.DEMO)))
def test_hambatan_setara_pada_ksdd_demo(pemeran, i):
    """The same walk over the demo KSDD (``manage.py muat_demo``), each up to its stage:
    other forms, categories, partners and the P21-1 grounds (a burden on the public)."""
    status, fields = muat_demo.DEMO[i]
    data = fields()
    if isinstance(data.get("user"), str):
        data["user"] = getattr(pemeran, data["user"])
    k = sk.ksdd_baru(pemeran, **data)
    sampai = Status.MENUNGGU_TANGGAPAN if status == Status.DITOLAK else status
    j = _jalan(pemeran, k, sampai)
    assert j.salah == [], "\n".join(j.salah)
