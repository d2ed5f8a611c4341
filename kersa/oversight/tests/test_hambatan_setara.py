"""One check, two uses (issue 13 item 1) for disputes: the dispute page lists, for each
action, why it cannot be taken now (``services.hambatan_perselisihan``: the settlement
P29-1…3, the provincial TKKSD P30 ayat 1, the higher regulation P30 ayat 2, the report to
the Bupati P29-4), and each action's service with realistic valid input accepts exactly
when that list is empty, refusing with exactly that list otherwise.

Walked over disputes in every state the services reach, for partners of the same
province (Barito Timur 62.13) and of another (Barito Kuala 63.04): just recorded, with
documents and a musyawarah that reached mufakat, one that did not, submitted to the
provincial TKKSD, settled, reported; and an agency whose head is not recorded.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kersa.agreements.choices import Status
from kersa.core.tests.setara import pelanggaran_str, periksa_setara
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.oversight import services
from kersa.oversight.models import Perselisihan
from kersa.regions.models import PerangkatDaerah, Wilayah

pytestmark = pytest.mark.django_db

HARI_INI = timezone.localdate()


def _hari(n: int) -> dt.date:
    return HARI_INI - dt.timedelta(days=n)


def _catat(k, pemeran):
    return services.perselisihan_catat(
        ksdd=k,
        tanggal_timbul=_hari(40),
        uraian="Mitra menghentikan pembayaran kompensasi rujukan semester I.",
        pihak=list(k.mitra.all()),
        user=pemeran.operator,
    )


def _musyawarah(p, pemeran, mufakat: bool):
    services.perselisihan_musyawarah_catat(
        perselisihan=p,
        tanggal=_hari(30),
        tempat="Aula Dinas Kesehatan Kabupaten Barito Selatan, Buntok",
        hasil="Pembayaran dilunasi bulan depan." if mufakat else "Belum sepakat.",
        mufakat=mufakat,
        user=pemeran.operator,
    )


def _berkas(p, pemeran):
    services.perselisihan_berkas_tambah(
        perselisihan=p,
        upload=unggahan_pdf("pks.pdf", "Salinan PKS"),
        keterangan="Salinan Perjanjian Kerja Sama",
        user=pemeran.operator,
    )


@pytest.fixture
def perselisihan_skenario(pemeran):
    penomoran_muat_default()
    op = pemeran.operator
    satu = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    lain = ke_status(
        ksdd_baru(
            pemeran,
            judul="Angkutan Sungai Terpadu Buntok – Marabahan",
            mitra=[Wilayah.objects.get(kode="63.04")],
        ),
        Status.PELAKSANAAN,
        pemeran,
    )
    for k in (satu, lain):
        _catat(k, pemeran)  # just recorded
        p = _catat(k, pemeran)  # documents and mufakat: ready for the berita acara
        _berkas(p, pemeran)
        _musyawarah(p, pemeran, mufakat=True)
        p = _catat(k, pemeran)  # no agreement reached
        _berkas(p, pemeran)
        _musyawarah(p, pemeran, mufakat=False)
    p = _catat(satu, pemeran)  # submitted to the provincial TKKSD (P30 ayat 1)
    _musyawarah(p, pemeran, mufakat=False)
    services.perselisihan_ajukan_provinsi(
        perselisihan=p, tanggal=_hari(20), alasan="", user=pemeran.sekretariat
    )
    for dilaporkan in (False, True):  # settled; and reported to the Bupati
        p = _catat(satu, pemeran)
        _berkas(p, pemeran)
        _musyawarah(p, pemeran, mufakat=True)
        services.perselisihan_selesaikan(
            perselisihan=p, tanggal=_hari(10), hasil="Pembayaran dilunasi.", user=op
        )
        if dilaporkan:
            services.perselisihan_laporkan(perselisihan=p, tanggal=_hari(5), user=op)
    return satu


def _coba(p, aksi, pemeran):
    op, sek = pemeran.operator, pemeran.sekretariat
    return {
        "selesaikan": lambda: services.perselisihan_selesaikan(
            perselisihan=p, tanggal=HARI_INI, hasil="Para pihak sepakat.", user=op
        ),
        "ajukan_provinsi": lambda: services.perselisihan_ajukan_provinsi(
            perselisihan=p, tanggal=HARI_INI, alasan="", user=sek
        ),
        "peraturan_lebih_tinggi": lambda: services.perselisihan_peraturan_lebih_tinggi(
            perselisihan=p, alasan="", user=sek
        ),
        "laporkan": lambda: services.perselisihan_laporkan(
            perselisihan=p, tanggal=HARI_INI, user=op
        ),
    }[aksi]


def _jelajah(pemeran, client) -> tuple[list[str], set]:
    salah, dilihat = [], set()
    client.force_login(pemeran.sekretariat)
    for p in Perselisihan.objects.select_related("ksdd__perangkat_daerah").order_by("pk"):
        semua = services.hambatan_perselisihan(p)
        for aksi, hambatan in semua.items():
            dilihat.add((aksi, p.status, tuple(x.rule for x in hambatan)))
            m = periksa_setara(
                f"perselisihan {p.pk} ({p.status}) {aksi}", hambatan, _coba(p, aksi, pemeran)
            )
            if m:
                salah.append(m)
        resp = client.get(reverse("pembinaan:perselisihan_detail", args=[p.pk]))
        assert resp.status_code == 200
        assert {a: pelanggaran_str(h) for a, h in resp.context["hambatan"].items()} == {
            a: pelanggaran_str(h) for a, h in semua.items()
        }
    return salah, dilihat


def test_hambatan_perselisihan_setara_dengan_layanan(perselisihan_skenario, pemeran, client):
    salah, dilihat = _jelajah(pemeran, client)
    assert not salah, "\n".join(salah)
    for aksi in ("selesaikan", "ajukan_provinsi", "peraturan_lebih_tinggi", "laporkan"):
        assert any(a == aksi and not rs for a, _s, rs in dilihat), (aksi, dilihat)
        assert any(a == aksi and rs for a, _s, rs in dilihat), (aksi, dilihat)
    rules = {r for _a, _s, rs in dilihat for r in rs}
    assert {"P29-1", "P29-2", "P29-3", "P29-4", "P30"} <= rules


def test_hambatan_kepala_perangkat_daerah_belum_dicatat(perselisihan_skenario, pemeran, client):
    """P29-3: the page says the agency head must be recorded, as the service refuses."""
    PerangkatDaerah.objects.filter(pk=perselisihan_skenario.perangkat_daerah_id).update(
        kepala_nama=""
    )
    salah, dilihat = _jelajah(pemeran, client)
    assert not salah, "\n".join(salah)
    p = Perselisihan.objects.filter(status="provinsi").get()
    html = client.get(reverse("pembinaan:perselisihan_detail", args=[p.pk])).content.decode()
    assert "belum dicatat; berita acara ditandatangani oleh Kepala Perangkat Daerah" in html
