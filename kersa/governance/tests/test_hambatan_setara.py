"""One check, two uses (issue 13 item 1) for TKKSD meetings: the meeting page lists why
its result cannot be recorded (``services.hambatan_hasil_rapat``: P39, P37-2, and for an
offer on the agenda the KSDD's own step P18-3/P13), and ``rapat_hasil_catat`` with the
attendance, chair and decisions filled in accepts exactly when that list is empty,
refusing with exactly that list otherwise.

Walked over the demo's meetings (``governance.demo.demo_muat``) and scenario meetings in
every state: scheduled without agenda, in the future, held with an agenda, a rapat
teknis, cancelled, already recorded, a pleno on a partner's offer still awaiting its
recommendation, and one whose KSDD has moved on (its reply recorded).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.core.tests.setara import pelanggaran_str, periksa_setara
from kersa.demo import skenario as sk
from kersa.demo.tkksd import demo_muat
from kersa.governance.choices import JenisAgenda, JenisRapat, Kedudukan, StatusRapat
from kersa.governance.models import Rapat
from kersa.governance.services import (
    agenda_tambah,
    hambatan_hasil_rapat,
    rapat_batalkan,
    rapat_hasil_catat,
    rapat_jadwalkan,
)
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _isian(rapat: Rapat) -> dict:
    """What the secretariat types on the meeting page: everyone present, the chair of
    Pasal 37 ayat 3 / Pasal 38 ayat 4, a decision per agenda item (for an offer, the
    recommendation with grounds the record does not contradict, P18-5)."""
    utama = Kedudukan.KETUA if rapat.jenis == JenisRapat.PLENO else Kedudukan.SEKRETARIS
    keputusan = {}
    for a in rapat.agenda.select_related("ksdd"):
        isi = {"uraian": "Disepakati untuk ditindaklanjuti.", "pembahasan": "Dibahas bersama."}
        if a.jenis == JenisAgenda.REKOMENDASI_PENAWARAN and a.ksdd_id:
            dasar, temuan = sk.dasar_pleno_diterima(a.ksdd)
            isi |= {
                "rekomendasi": "diterima",
                "pertimbangan_persetujuan": dasar,
                "temuan": temuan,
            }
        keputusan[a.pk] = isi
    return {
        "kehadiran": {k.pk: {"hadir": True} for k in rapat.kehadiran.all()},
        "pimpinan": rapat.keputusan.jabatan.get(kedudukan=utama),
        "ringkasan": "Rapat dibuka pukul 09.00 WIB oleh pimpinan rapat.",
        "keputusan": keputusan,
    }


def _rapat(jenis, tanggal, user, tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan"):
    return rapat_jadwalkan(jenis=jenis, tanggal=tanggal, tempat=tempat, user=user)


def _agenda(rapat, user, **kw):
    data = {"judul": "Evaluasi pelaksanaan KSDD semester I", "tugas": "j"} | kw
    return agenda_tambah(rapat=rapat, user=user, **data)


@pytest.fixture
def rapat_skenario(pemeran):
    """Meetings in every state the services reach."""
    user = pemeran.sekretariat
    demo_muat(pemeran)  # the 2025 TKKSD decree, the demo pleno (held) and programme
    _rapat(JenisRapat.PLENO, _hari(20), user)
    biasa = _rapat(JenisRapat.PLENO, _hari(15), user)
    _agenda(biasa, user)
    mendatang = _rapat(JenisRapat.PLENO, _hari(-10), user)
    _agenda(mendatang, user)
    teknis = _rapat(JenisRapat.TEKNIS, _hari(12), user, tempat="Ruang Rapat Bagian Pemerintahan")
    _agenda(teknis, user, judul="Pembahasan rancangan Kesepakatan Bersama")
    batal = _rapat(JenisRapat.PLENO, _hari(30), user)
    _agenda(batal, user)
    rapat_batalkan(rapat=batal, user=user, alasan="Ketua TKKSD bertugas ke luar daerah.")
    # A pleno on a partner's offer (P18-3), and one whose KSDD was answered meanwhile.
    barito_timur = Wilayah.objects.get(kode="62.13")
    for hari in (5, 6):
        k = sk.ke_status(
            sk.ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=barito_timur),
            Status.MENUNGGU_TANGGAPAN,
            pemeran,
        )
        r = _rapat(JenisRapat.PLENO, _hari(hari), user)
        _agenda(
            r,
            user,
            judul="Penawaran kerja sama Pemerintah Kabupaten Barito Timur",
            jenis=JenisAgenda.REKOMENDASI_PENAWARAN,
            ksdd=k,
        )
    # the second: the recommendation and the reply recorded on the KSDD page instead
    k.refresh_from_db()
    sk.tanggapi(k, pemeran)
    k.refresh_from_db()
    assert k.status == Status.PENYUSUNAN_KB
    return Rapat.objects.order_by("pk")


def test_hambatan_hasil_rapat_setara_dengan_layanan(rapat_skenario, pemeran, client):
    salah, dilihat = [], set()
    client.force_login(pemeran.sekretariat)
    for rapat in rapat_skenario:
        hambatan = hambatan_hasil_rapat(rapat)
        dilihat.add((rapat.status, tuple(p.rule for p in hambatan)))
        isian = _isian(rapat)
        masalah = periksa_setara(
            f"rapat {rapat.pk} ({rapat.get_jenis_display()} {rapat.tanggal}, {rapat.status})",
            hambatan,
            lambda r=rapat, i=isian: rapat_hasil_catat(rapat=r, user=pemeran.sekretariat, **i),
        )
        if masalah:
            salah.append(masalah)
        # The page lists the very same list (when it offers the result at all).
        resp = client.get(reverse("tkksd:rapat", args=[rapat.pk]))
        assert resp.status_code == 200
        if rapat.status == StatusRapat.TERJADWAL:
            assert pelanggaran_str(resp.context["hambatan_hasil"]) == pelanggaran_str(hambatan)
            html = resp.content.decode()
            assert 'id="hambatan-hasil"' in html
            for p in hambatan:
                assert f'<span class="kode-aturan">{p.rule}</span>' in html
    assert not salah, "\n".join(salah)
    # Every kind of blocker was met, and the empty list too.
    rules = {r for _s, rs in dilihat for r in rs}
    assert {"P39", "P13"} <= rules, dilihat
    assert (StatusRapat.TERJADWAL, ()) in dilihat
    assert len(dilihat) >= 5, dilihat


def test_rapat_tanpa_agenda_dan_mendatang_disebut_di_halaman(rapat_skenario, pemeran, client):
    """The texts a secretary reads on the page, as the service refuses them."""
    client.force_login(pemeran.sekretariat)
    kosong = rapat_skenario.filter(agenda__isnull=True, status=StatusRapat.TERJADWAL).first()
    html = client.get(reverse("tkksd:rapat", args=[kosong.pk])).content.decode()
    assert "Rapat belum memiliki agenda." in html
    nanti = rapat_skenario.filter(tanggal__gt=timezone.localdate()).first()
    html = client.get(reverse("tkksd:rapat", args=[nanti.pk])).content.decode()
    assert (
        f"Hasil rapat dicatat setelah rapat diadakan ({nanti.tanggal.strftime('%d-%m-%Y')})."
        in html
    )
