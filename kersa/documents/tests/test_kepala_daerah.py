"""The heads of region and their appointment decrees fill the komparisi of a KB and the
signature of a letter (P11-3, P12-5); a region's seat is its ibu kota."""

import datetime as dt

import pytest
import time_machine

from kersa.agreements import services
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.choices import JenisDokumen
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.services.hasilkan import dokumen_hasilkan
from kersa.regions.models import KepalaDaerah, Wilayah
from kersa.regions.selectors import kepala_daerah_pada
from kersa.regions.services import kepala_daerah_catat

from .hasilkan_util import buka, teks

pytestmark = pytest.mark.django_db


@pytest.fixture
def kepala(acuan):
    barsel, bartim = Wilayah.objects.get(kode="62.04"), Wilayah.objects.get(kode="62.13")
    # the cast (pemeran_buat) may already have recorded the home head, whom the
    # signing step checks the signer against (P20-3, P24-1)
    KepalaDaerah.objects.filter(wilayah=barsel).delete()
    kepala_daerah_catat(
        wilayah=barsel,
        nama="Eddy Raya Samsuri",
        nomor_keputusan="100.2.1.3-1011 Tahun 2025",
        tanggal_keputusan=dt.date(2025, 2, 14),
        mulai=dt.date(2025, 2, 20),
    )
    kepala_daerah_catat(
        wilayah=bartim,
        nama="Indra Gunawan",
        status=KepalaDaerah.Status.PJ,
        nomor_keputusan="100.2.1.3-2203 Tahun 2024",
        tanggal_keputusan=dt.date(2024, 9, 20),
        mulai=dt.date(2024, 9, 23),
    )
    return barsel, bartim


def _teks(versi) -> str:
    with versi.berkas.file.open("rb") as f:
        return teks(buka(f.read()))


@time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False)
def test_p11_3_kb_komparisi_names_the_heads_their_decrees_and_seats(pemeran, kepala):
    k = ksdd_baru(pemeran)
    k = ke_status(k, Status.PENYUSUNAN_KB, pemeran)
    body = _teks(dokumen_hasilkan(ksdd=k, jenis=JenisDokumen.KB, user=pemeran.sekretariat))
    assert "Eddy Raya Samsuri, Bupati Barito Selatan, berdasarkan Keputusan Menteri Dalam " in body
    assert "Nomor 100.2.1.3-1011 Tahun 2025 tanggal 14 Februari 2025" in body
    assert "Indra Gunawan, Penjabat Bupati Barito Timur" in body
    assert "berkedudukan di Tamiang Layang" in body
    assert "[...diisi: kedudukan]" not in body
    # P11-3: the Lampiran's "Masa Jabatan" element, from the recorded term
    assert "tentang Pengangkatan Bupati Barito Selatan, Masa Jabatan sejak 20 Februari 2025" in (
        body
    )
    assert "Masa Jabatan sejak 23 September 2024, berkedudukan di Tamiang Layang" in body


def _ttd_kb(k, pemeran, *, nama_mitra: str, nama_bupati: str = "Eddy Raya Samsuri"):
    return services.ksdd_tandatangani_kb(
        ksdd=k,
        user=pemeran.sekretariat,
        tanggal=dt.date(2026, 3, 23),
        tempat="Buntok",
        penandatangan=[
            {
                "wilayah": "62.04",
                "nomor_naskah": "100.3.6/08/Pem/2026",
                "nama": nama_bupati,
                "jabatan": "Bupati Barito Selatan",
                "kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
            },
            {
                "wilayah": "62.13",
                "nomor_naskah": "100.3/21/Pem/2026",
                "nama": nama_mitra,
                "jabatan": "Bupati Barito Timur",
                "kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
            },
        ],
        naskah=unggahan_pdf("kb-ttd.pdf"),
    )


@time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False)
def test_p20_3_a_partner_head_typed_with_another_name_is_refused(pemeran, kepala):
    """P20-3: the partner's head recorded on the signing date signs under the recorded
    name; a differing typed name is refused naming the Pasal, and nothing is saved."""
    k = ke_status(ksdd_baru(pemeran), Status.PENANDATANGANAN_KB, pemeran)
    with pytest.raises(RuleViolation) as err:
        _ttd_kb(k, pemeran, nama_mitra="Yulius Tandang")
    pesan = str(err.value)
    assert "Yulius Tandang bukan kepala daerah Kabupaten Barito Timur yang tercatat" in pesan
    assert "Penjabat Bupati Barito Timur: Indra Gunawan" in pesan and "Pasal 20 ayat (3)" in pesan
    k.refresh_from_db()
    assert k.status == Status.PENANDATANGANAN_KB
    assert not k.naskah.get(jenis="kb").penandatangan.exists()


@time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False)
def test_p20_3_the_signed_kb_prints_the_recorded_names_not_the_typed_ones(pemeran, kepala):
    """P20-3, P11-3: the name typed at signing (same person, other spelling of case and
    spaces) never replaces the recorded name and office in the document."""
    k = ke_status(ksdd_baru(pemeran), Status.PENANDATANGANAN_KB, pemeran)
    _ttd_kb(k, pemeran, nama_mitra="indra  GUNAWAN", nama_bupati="EDDY RAYA samsuri")
    body = _teks(dokumen_hasilkan(ksdd=k, jenis=JenisDokumen.KB, user=pemeran.sekretariat))
    assert "Indra Gunawan, Penjabat Bupati Barito Timur, berdasarkan" in body
    assert "Eddy Raya Samsuri, Bupati Barito Selatan, berdasarkan" in body
    assert "indra  GUNAWAN" not in body and "EDDY RAYA samsuri" not in body


def test_p12_5_a_new_head_takes_over_the_day_of_appointment(kepala):
    barsel, _bartim = kepala
    baru = kepala_daerah_catat(
        wilayah=barsel,
        nama="Ahmad Fauzi",
        status=KepalaDaerah.Status.PLT,
        nomor_keputusan="100.2.1.3-77 Tahun 2026",
        tanggal_keputusan=dt.date(2026, 5, 4),
        mulai=dt.date(2026, 5, 5),
    )
    assert kepala_daerah_pada(barsel, dt.date(2026, 5, 4)).nama == "Eddy Raya Samsuri"
    assert kepala_daerah_pada(barsel, dt.date(2026, 5, 5)) == baru
    assert baru.jabatan == "Pelaksana Tugas Bupati Barito Selatan"
    with pytest.raises(RuleViolation, match="sudah tercatat menjabat sejak 05-05-2026"):
        kepala_daerah_catat(
            wilayah=barsel,
            nama="Siapa Saja",
            nomor_keputusan="x",
            tanggal_keputusan=dt.date(2026, 5, 1),
            mulai=dt.date(2026, 5, 1),
        )
    assert KepalaDaerah.objects.filter(wilayah=barsel).count() == 2


@time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False)
def test_p16_3_offer_letter_is_signed_by_the_recorded_bupati(pemeran, kepala):
    k = ksdd_baru(pemeran)
    k = ke_status(k, Status.MENYIAPKAN_PENAWARAN, pemeran)
    _barsel, bartim = kepala
    v = dokumen_hasilkan(
        ksdd=k, jenis=JenisDokumen.SURAT_PENAWARAN, user=pemeran.sekretariat, mitra=bartim
    )
    body = _teks(v)
    assert "BUPATI BARITO SELATAN," in body and "EDDY RAYA SAMSURI" in body


@time_machine.travel(dt.datetime(2026, 4, 10, 9, 0), tick=False)
def test_p24_2_pks_komparisi_prints_the_partners_own_surat_kuasa(pemeran, kepala):
    """P24-2: a partner's official who is not its head signs under the partner's own
    Surat Kuasa; the komparisi names it instead of the appointment decree."""
    k = ke_status(ksdd_baru(pemeran), Status.PENANDATANGANAN_PKS, pemeran)
    services.ksdd_tandatangani_pks(
        ksdd=k,
        user=pemeran.sekretariat,
        tanggal=dt.date(2026, 4, 7),  # P12: the day in the scenario's komparisi
        tempat="Buntok",
        penandatangan=[
            {
                "wilayah": "62.04",
                "nomor_naskah": "100.3.7/12/Pem/2026",
                "nama": "Eddy Raya Samsuri",
                "jabatan": "Bupati Barito Selatan",
                "kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
            },
            {
                "wilayah": "62.13",
                "nomor_naskah": "100.3/21/Pem/2026",
                "nama": "Ahmad Riduan",
                "jabatan": "Kepala Dinas Kesehatan Kabupaten Barito Timur",
                "kedudukan": KedudukanPenandatangan.PEJABAT_KUASA,
                "nomor_surat_kuasa_mitra": "180/05/SK-BT/2026",
                "tanggal_surat_kuasa_mitra": dt.date(2026, 4, 6),
            },
        ],
        naskah=unggahan_pdf("pks-ttd.pdf"),
    )
    body = _teks(dokumen_hasilkan(ksdd=k, jenis=JenisDokumen.PKS, user=pemeran.sekretariat))
    assert (
        "Ahmad Riduan, Kepala Dinas Kesehatan Kabupaten Barito Timur, berdasarkan Surat Kuasa "
        "Bupati Barito Timur Nomor 180/05/SK-BT/2026 tanggal 6 April 2026, berkedudukan di "
        "Tamiang Layang"
    ) in body
    assert "Pengangkatan Penjabat Bupati Barito Timur" not in body
    # the home party still acts on the decree that appointed the Bupati
    assert "Eddy Raya Samsuri, Bupati Barito Selatan, berdasarkan Keputusan Menteri Dalam " in body
