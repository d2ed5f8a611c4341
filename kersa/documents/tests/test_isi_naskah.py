"""What a generated KB, PKS or letter says by default, read back from the DOCX: the
dispute article by the parties' provinces (P30), the konsideran citing the KB and the
DPRD approval (P22-2), the Perbup cited only for Barito Selatan, the letters' Sifat."""

import datetime as dt

import pytest
import time_machine

from kersa.agreements.choices import Status
from kersa.core.regulasi import PERBUP
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.choices import JenisDokumen
from kersa.documents.services.hasilkan import dokumen_hasilkan
from kersa.regions.models import Wilayah

from .hasilkan_util import buka, teks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _waktu():
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False):
        yield


def _isi(ksdd, jenis, user, **kw) -> str:
    versi = dokumen_hasilkan(ksdd=ksdd, jenis=jenis, user=user, **kw)
    with versi.berkas.file.open("rb") as f:
        return " ".join(teks(buka(f.read())).split())


def _pasal(isi: str, judul: str) -> str:
    awal = isi.index(judul)
    return isi[awal : isi.find("Pasal ", awal)]


def test_p30_partners_in_one_province_go_to_the_provincial_tkksd_then_the_gubernur(pemeran, ksdd):
    k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    isi = _isi(k, JenisDokumen.PKS, pemeran.sekretariat)
    pasal = _pasal(isi, "PENYELESAIAN PERSELISIHAN")
    assert "(1) Apabila terjadi perselisihan" in pasal and "musyawarah untuk mufakat" in pasal
    assert "Tim Koordinasi Kerja Sama Daerah Provinsi Kalimantan Tengah" in pasal
    assert "(3) Apabila penyelesaian" in pasal and "Gubernur Kalimantan Tengah" in pasal
    assert "Menteri" not in pasal


def test_p30_partners_in_another_province_go_to_the_menteri(pemeran):
    mitra = list(Wilayah.objects.filter(kode__in=["62.13", "63.09"]))
    k = ke_status(ksdd_baru(pemeran, mitra=mitra), Status.PENYUSUNAN_PKS, pemeran)
    pasal = _pasal(_isi(k, JenisDokumen.PKS, pemeran.sekretariat), "PENYELESAIAN PERSELISIHAN")
    assert "diselesaikan oleh Menteri Dalam Negeri" in pasal
    assert "Gubernur" not in pasal and "TKKSD Provinsi" not in pasal


def test_p22_2_pks_konsideran_cites_the_kb_and_the_dprd_approval(pemeran):
    k = ksdd_baru(pemeran, membebani_masyarakat=True)
    k = ke_status(k, Status.PENYUSUNAN_PKS, pemeran)
    persetujuan = k.persetujuan_dprd.get()
    isi = _isi(k, JenisDokumen.PKS, pemeran.sekretariat)
    konsideran = isi[isi.index("terlebih dahulu menerangkan") : isi.index("Pasal 1")]
    assert "telah menandatangani Kesepakatan Bersama Nomor 100.3.6/08/Pem/2026" in konsideran
    assert (
        "telah mendapat persetujuan Dewan Perwakilan Rakyat Daerah Kabupaten Barito Selatan "
        f"dengan surat Nomor {persetujuan.nomor}"
    ) in konsideran


def test_pks_without_dprd_approval_cites_none(pemeran, ksdd):
    k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    assert not k.persetujuan_dprd.exists()
    assert "Dewan Perwakilan Rakyat Daerah" not in _isi(k, JenisDokumen.PKS, pemeran.sekretariat)


def test_the_perbup_is_cited_for_barito_selatan_only_never_as_binding_the_partner(pemeran, ksdd):
    k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    isi = _isi(k, JenisDokumen.PKS, pemeran.sekretariat)
    assert isi.count(PERBUP) == 1
    assert (
        f"bahwa bagi PIHAK KESATU, kerja sama daerah dilaksanakan dengan berpedoman pada {PERBUP};"
        in isi
    )
    pelaksanaan = _pasal(isi, "PELAKSANAAN")
    assert "Peraturan Bupati" not in pelaksanaan
    # the financing article does not repeat the KAK's text after the recorded amount
    pembiayaan = _pasal(isi, "PEMBIAYAAN")
    assert "450.000.000" in pembiayaan
    assert k.kak.pembiayaan.strip() not in pembiayaan


def test_letters_have_a_sifat_per_kind_and_the_partners_seat(pemeran, ksdd):
    k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    bartim = Wilayah.objects.get(kode="62.13")
    isi = _isi(k, JenisDokumen.SURAT_PENAWARAN, pemeran.sekretariat, mitra=bartim)
    assert "Sifat : Biasa" in isi
    assert "Yth. Bupati Barito Timur di Tamiang Layang" in isi
    isi = _isi(k, JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA, pemeran.sekretariat, mitra=bartim)
    assert "Segera" in isi and "Penting" not in isi
