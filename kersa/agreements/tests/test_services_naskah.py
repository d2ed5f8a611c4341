"""The documents (Pasal 20–24): the KB signed, the DPRD stage entered or
skipped, the PKS signed by the Bupati or under a valid Surat Kuasa."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.agreements.models import (
    Ksdd,
    Naskah,
    Penandatangan,
    PermohonanDprd,
    PersetujuanDprd,
)
from kersa.core.errors import RuleViolation
from kersa.demo import skenario
from kersa.demo.skenario import _naskah_pks, ke_status, ksdd_baru
from kersa.documents.choices import AsalVersi, JenisBerkas
from kersa.documents.contoh import naskah_docx, unggahan_pdf
from kersa.documents.models import Berkas, Dokumen
from kersa.documents.services.versi import versi_tambah
from kersa.regions.models import KepalaDaerah, Wilayah
from kersa.regions.services import kepala_daerah_catat

pytestmark = pytest.mark.django_db


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _rules(excinfo) -> list[str]:
    return [p.rule for p in excinfo.value.pelanggaran]


def _penandatangan(ksdd, _pemeran=None, *, pks, surat_kuasa=None):
    """One row per party: the home region first (the Bupati, or the official under
    ``surat_kuasa``), then each partner's head of region."""
    rows = [
        {
            "wilayah": "62.04",
            "nomor_naskah": "100.3.7/12/Pem/2026" if pks else "100.3.6/08/Pem/2026",
            "nama": surat_kuasa.penerima_nama if surat_kuasa else "Eddy Raya Samsuri",
            "jabatan": surat_kuasa.penerima_jabatan if surat_kuasa else "Bupati Barito Selatan",
            "kedudukan": (
                KedudukanPenandatangan.PEJABAT_KUASA
                if surat_kuasa
                else KedudukanPenandatangan.KEPALA_DAERAH
            ),
            "surat_kuasa": surat_kuasa.pk if surat_kuasa else None,
        }
    ]
    for i, m in enumerate(ksdd.mitra.order_by("kode"), start=1):
        rows.append(
            {
                "wilayah": m.kode,
                "nomor_naskah": f"100.3/{20 + i}/Pem/2026",
                "nama": f"Kepala Daerah {m.nama}",
                "jabatan": f"{m.sebutan_kepala} {m.nama}",
                "kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
            }
        )
    return rows


def _ttd(ksdd, user, *, pks, rows=None, surat_kuasa=None, **ubah):
    data = {
        # P11, P12: the day written in the komparisi of the scenario's agreed draft
        "tanggal": skenario.tanggal_ttd_pks() if pks else skenario.tanggal_ttd_kb(),
        "tempat": "Buntok",
        "penandatangan": rows or _penandatangan(ksdd, None, pks=pks, surat_kuasa=surat_kuasa),
        "naskah": unggahan_pdf("naskah-ttd.pdf"),
    }
    data.update(ubah)
    fn = services.ksdd_tandatangani_pks if pks else services.ksdd_tandatangani_kb
    return fn(ksdd=ksdd, user=user, **data)


def _ajukan_dprd(ksdd, user, **ubah):
    data = {
        "nomor": "100.3/210/Pem/2026",
        "tanggal_surat": _hari(2),
        "tanggal_diterima": _hari(1),
        "surat": unggahan_pdf("permohonan-dprd.pdf"),
        # P22-2: the text the skenario later agrees as the PKS (no material difference)
        "rancangan_pks": _naskah_pks(ksdd),
    }
    data.update(ubah)
    return services.ksdd_ajukan_persetujuan_dprd(ksdd=ksdd, user=user, **data)


def _setuju_dprd(ksdd, user, **ubah):
    data = {
        "nomor": "170/12/DPRD/2026",
        "tanggal": _hari(0),
        "penandatangan_nama": "H. Ketua Dewan",
        "penandatangan_jabatan": "Ketua DPRD Kabupaten Barito Selatan",
        "surat": unggahan_pdf("dprd.pdf"),
    }
    data.update(ubah)
    return services.ksdd_catat_persetujuan_dprd(ksdd=ksdd, user=user, **data)


def _kepala_pd(pemeran) -> str:
    return pemeran.operator.perangkat_daerah.kepala_nama


def _surat_kuasa(pemeran, ksdd=None, **ubah):
    data = {
        "nomor": "100.3.4/07/Pem/2026",
        "tanggal": _hari(10),
        "pemberi": "Bupati Barito Selatan",
        # the recorded Kepala of the agency: only a Kepala Perangkat Daerah may hold one (P24-2)
        "penerima_nama": pemeran.operator.perangkat_daerah.kepala_nama,
        "penerima_jabatan": "Kepala Dinas Kesehatan",
        "perangkat_daerah": pemeran.operator.perangkat_daerah,
        "ksdd": ksdd,
        "lingkup": "Menandatangani PKS pelayanan kesehatan rujukan.",
        "berlaku_sampai": _hari(-30),
        "tanggal_tembusan": _hari(9),
    }
    data.update(ubah)
    return services.surat_kuasa_create(user=pemeran.sekretariat, **data)


# --- P20-3, P20-4: signing the KB ----------------------------------------------------------


@pytest.fixture
def kb_siap(ksdd, pemeran):
    return ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)


def test_p20_3_kb_partner_signed_by_an_official_is_refused(kb_siap, pemeran):
    rows = _penandatangan(kb_siap, pemeran, pks=False)
    rows[1]["kedudukan"] = KedudukanPenandatangan.PEJABAT_KUASA
    with pytest.raises(RuleViolation) as exc:
        _ttd(kb_siap, pemeran.sekretariat, pks=False, rows=rows)
    assert _rules(exc) == ["P20-3"]
    assert "Kabupaten Barito Timur" in exc.value.detail
    assert not Penandatangan.objects.exists()
    kb_siap.refresh_from_db()
    assert kb_siap.status == Status.PENANDATANGANAN_KB


def test_p20_3_every_party_must_sign_the_kb(kb_siap, pemeran):
    rows = _penandatangan(kb_siap, pemeran, pks=False)[:1]
    with pytest.raises(RuleViolation) as exc:
        _ttd(kb_siap, pemeran.sekretariat, pks=False, rows=rows)
    assert _rules(exc) == ["P20-3"]
    assert exc.value.detail.endswith("Kabupaten Barito Timur.")


def test_p20_4_kb_of_two_parties_has_3_originals(kb_siap, pemeran):
    _ttd(kb_siap, pemeran.bupati, pks=False)
    kb = Naskah.objects.get(ksdd=kb_siap, jenis="kb")
    assert kb.jumlah_rangkap == 3
    assert list(kb.penandatangan.values_list("urutan", "wilayah_id")) == [
        (1, "62.04"),
        (2, "62.13"),
    ]
    row = kb_siap.riwayat.get(aksi="tandatangani_kb")
    assert row.data["jumlah_rangkap"] == 3
    assert "dibuat 3 rangkap asli" in row.alasan
    assert "1 eksemplar fotokopi" in row.alasan


def test_p20_4_kb_of_three_parties_has_4_originals(pemeran):
    mitra = [Wilayah.objects.get(kode=k) for k in ("62.13", "63.09")]
    ksdd = ke_status(ksdd_baru(pemeran, mitra=mitra), Status.PENANDATANGANAN_KB, pemeran)
    _ttd(ksdd, pemeran.sekretariat, pks=False)
    assert Naskah.objects.get(ksdd=ksdd, jenis="kb").jumlah_rangkap == 4


# --- P21-1: the DPRD stage ---------------------------------------------------------------


def test_p21_1_dprd_stage_skipped_with_the_reason_recorded(kb_siap, pemeran):
    _ttd(kb_siap, pemeran.sekretariat, pks=False)
    assert kb_siap.status == Status.PENYUSUNAN_PKS
    row = kb_siap.riwayat.get(aksi="tandatangani_kb")
    assert (row.dari, row.ke, row.rule) == (
        Status.PENANDATANGANAN_KB,
        Status.PENYUSUNAN_PKS,
        "P21-1",
    )
    assert row.data["dprd_dilewati"] is True
    assert "Tahap persetujuan DPRD dilewati" in row.alasan
    assert "DPA/1.02.0.00.0.00.01.0000/2026" in row.alasan
    with pytest.raises(RuleViolation) as exc:
        _ajukan_dprd(kb_siap, pemeran.sekretariat)
    assert _rules(exc) == ["P21-1"]


@pytest.mark.parametrize(
    ("ubah", "sebab"),
    [
        ({"membebani_masyarakat": True}, "membebani masyarakat dan daerah"),
        ({"dianggarkan_apbd": False, "nomor_dpa": ""}, "belum dianggarkan dalam APBD"),
    ],
)
def test_p21_1_dprd_stage_entered_when_burdening_or_unbudgeted(pemeran, ubah, sebab):
    ksdd = ke_status(ksdd_baru(pemeran, **ubah), Status.PENANDATANGANAN_KB, pemeran)
    _ttd(ksdd, pemeran.sekretariat, pks=False)
    assert ksdd.status == Status.PERMOHONAN_DPRD
    row = ksdd.riwayat.get(aksi="tandatangani_kb")
    assert (row.rule, "dprd_dilewati" in row.data) == ("P21-1", False)
    assert sebab in row.alasan


def test_p21_1_pks_signing_refused_when_funding_becomes_unbudgeted(ksdd, pemeran):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    services.ksdd_ubah_dasar_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        alasan="Anggaran dialihkan dalam perubahan APBD.",
        bukti=unggahan_pdf("perubahan-apbd.pdf"),
        dianggarkan_apbd=False,
    )
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran.bupati, pks=True)
    assert _rules(exc) == ["P21-1"]
    assert "Pasal 21 ayat 1" in exc.value.detail
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENANDATANGANAN_PKS
    _ajukan_dprd(ksdd, pemeran.sekretariat)
    assert ksdd.status == Status.MENUNGGU_DPRD
    _setuju_dprd(ksdd, pemeran.dprd)
    assert ksdd.status == Status.PENANDATANGANAN_PKS  # the agreed PKS draft is kept
    # P12: the kept draft's komparisi still says the day planned before; signing today
    # (P13: after the approval) needs an agreed text dated today.
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran.bupati, pks=True, tanggal=_hari(0))
    assert _rules(exc) == ["P12"] and "tidak sesuai dengan tanggal penandatanganan" in str(
        exc.value
    )
    pks = ksdd.naskah.get(jenis="pks")
    versi_tambah(
        dokumen=Dokumen.objects.get(ksdd=ksdd, jenis="pks"),
        data=naskah_docx(
            "pks", ksdd, mulai=pks.tanggal_mulai, berakhir=pks.tanggal_berakhir, komparisi=_hari(0)
        ),
        nama="pks-disepakati-v2.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.sekretariat,
    )
    _ttd(ksdd, pemeran.bupati, pks=True, tanggal=_hari(0))
    assert ksdd.status == Status.PELAKSANAAN


def test_p21_1_dprd_request_from_penyusunan_pks_returns_there(ksdd, pemeran):
    ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    services.ksdd_ubah_dasar_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        alasan="Tarif retribusi baru dibebankan kepada masyarakat.",
        bukti=unggahan_pdf("perda-retribusi.pdf"),
        membebani_masyarakat=True,
    )
    _ajukan_dprd(ksdd, pemeran.sekretariat)
    assert ksdd.status == Status.MENUNGGU_DPRD
    _setuju_dprd(ksdd, pemeran.dprd)
    assert ksdd.status == Status.PENYUSUNAN_PKS


# --- P22: DPRD approval ------------------------------------------------------------------


@pytest.fixture
def dprd_siap(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    return ke_status(ksdd, Status.PERMOHONAN_DPRD, pemeran)


@pytest.mark.parametrize("kosong", ["surat", "rancangan_pks"])
def test_p22_1a_request_needs_letter_and_draft_pks(dprd_siap, pemeran, kosong):
    with pytest.raises(RuleViolation) as exc:
        _ajukan_dprd(dprd_siap, pemeran.sekretariat, **{kosong: None})
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P22-1a", kosong)]
    assert not PermohonanDprd.objects.exists()


def test_p22_1a_request_needs_the_signed_kb(pemeran):
    # Only reachable by a fault elsewhere: the precondition still holds the line.
    ksdd = ke_status(
        ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa=""), "penyusunan_kb", pemeran
    )
    Ksdd.objects.filter(pk=ksdd.pk).update(status=Status.PERMOHONAN_DPRD)
    ksdd.refresh_from_db()
    with pytest.raises(RuleViolation) as exc:
        _ajukan_dprd(ksdd, pemeran.sekretariat)
    assert _rules(exc) == ["P22-1a"]


def test_p22_1a_request_recorded_with_its_documents(dprd_siap, pemeran):
    _ajukan_dprd(dprd_siap, pemeran.sekretariat)
    permohonan = PermohonanDprd.objects.get(ksdd=dprd_siap)
    assert permohonan.tanggal_diterima == _hari(1)
    row = dprd_siap.riwayat.last()
    assert (row.aksi, row.ke, row.rule) == (
        "ajukan_persetujuan_dprd",
        Status.MENUNGGU_DPRD,
        "P22-1a",
    )
    assert sorted(row.berkas.values_list("jenis", flat=True)) == [
        JenisBerkas.PERMOHONAN_DPRD,
        JenisBerkas.RANCANGAN_PKS,
    ]


@pytest.mark.parametrize(
    ("ubah", "field"),
    [
        ({"surat": None}, "surat"),
        ({"nomor": " "}, "nomor"),
        ({"penandatangan_nama": ""}, "penandatangan_nama"),
        ({"penandatangan_jabatan": " "}, "penandatangan_jabatan"),
    ],
)
def test_p22_2_approval_needs_the_leadership_signed_letter(dprd_siap, pemeran, ubah, field):
    _ajukan_dprd(dprd_siap, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _setuju_dprd(dprd_siap, pemeran.dprd, **ubah)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P22-2", field)]
    assert not PersetujuanDprd.objects.exists()


def test_p22_2_approval_recorded_by_dprd(dprd_siap, pemeran):
    _ajukan_dprd(dprd_siap, pemeran.sekretariat)
    with pytest.raises(PermissionDenied):
        _setuju_dprd(dprd_siap, pemeran.operator)
    _setuju_dprd(dprd_siap, pemeran.dprd)
    persetujuan = PersetujuanDprd.objects.get(ksdd=dprd_siap)
    assert (persetujuan.nomor, persetujuan.dianggap) == ("170/12/DPRD/2026", False)
    assert (persetujuan.penandatangan_nama, persetujuan.penandatangan_jabatan) == (
        "H. Ketua Dewan",
        "Ketua DPRD Kabupaten Barito Selatan",
    )
    assert persetujuan.berkas.jenis == JenisBerkas.PERSETUJUAN_DPRD
    assert dprd_siap.riwayat.last().oleh == pemeran.dprd


def test_role_dprd_cannot_act_before_the_request(dprd_siap, pemeran):
    with pytest.raises(PermissionDenied):
        _ajukan_dprd(dprd_siap, pemeran.dprd)


# --- P24: signing the PKS ------------------------------------------------------------------


@pytest.fixture
def pks_siap(ksdd, pemeran):
    return ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)


def test_p24_1_pks_signed_by_the_bupati(pks_siap, pemeran):
    _ttd(pks_siap, pemeran.bupati, pks=True)
    assert pks_siap.status == Status.PELAKSANAAN
    pks = Naskah.objects.get(ksdd=pks_siap, jenis="pks")
    home = pks.penandatangan.get(wilayah_id="62.04")
    assert (home.kedudukan, home.surat_kuasa) == (KedudukanPenandatangan.KEPALA_DAERAH, None)
    assert pks.berkas_ditandatangani.jenis == JenisBerkas.PKS_DITANDATANGANI


def test_p24_1_signed_pks_scan_required(pks_siap, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.bupati, pks=True, naskah=None)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P24-1", "naskah")]


def test_p24_4_pks_originals_and_the_step_into_pelaksanaan(pks_siap, pemeran):
    _ttd(pks_siap, pemeran.bupati, pks=True)
    assert Naskah.objects.get(ksdd=pks_siap, jenis="pks").jumlah_rangkap == 3
    row = pks_siap.riwayat.last()
    assert (row.aksi, row.dari, row.ke, row.rule) == (
        "tandatangani_pks",
        Status.PENANDATANGANAN_PKS,
        Status.PELAKSANAAN,
        "P24-4",
    )
    assert "dibuat 3 rangkap asli" in row.alasan


def test_p24_2_official_with_a_valid_surat_kuasa_may_sign(pks_siap, pemeran):
    sk = _surat_kuasa(pemeran, pks_siap)
    _ttd(pks_siap, pemeran.sekretariat, pks=True, surat_kuasa=sk)
    assert pks_siap.status == Status.PELAKSANAAN
    home = Penandatangan.objects.get(naskah__ksdd=pks_siap, naskah__jenis="pks", wilayah_id="62.04")
    assert (home.nama, home.kedudukan, home.surat_kuasa) == (
        sk.penerima_nama,
        KedudukanPenandatangan.PEJABAT_KUASA,
        sk,
    )


def test_p24_2_official_without_surat_kuasa_is_refused(pks_siap, pemeran):
    rows = _penandatangan(pks_siap, pemeran, pks=True)
    rows[0].update(nama=_kepala_pd(pemeran), kedudukan=KedudukanPenandatangan.PEJABAT_KUASA)
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, rows=rows)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P24-2", "surat_kuasa")]
    assert "Pasal 24 ayat 2" in exc.value.detail
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()


_SURAT_KUASA_TIDAK_SAH = {
    "kedaluwarsa": (
        lambda p: {"berlaku_sampai": _hari(4)},
        "sudah tidak berlaku pada tanggal penandatanganan",
    ),
    "terbit_setelah_ttd": (
        lambda p: {"tanggal": _hari(2), "tanggal_tembusan": _hari(2)},
        "terbit setelah tanggal penandatanganan",
    ),
    "ksdd_lain": (
        lambda p: {"ksdd": ksdd_baru(p, judul="KSDD lain")},
        "diberikan untuk KSDD lain",
    ),
}


@pytest.mark.parametrize("kasus", _SURAT_KUASA_TIDAK_SAH)
def test_p24_2_invalid_surat_kuasa_is_refused(pks_siap, pemeran, kasus):
    ubah, masalah = _SURAT_KUASA_TIDAK_SAH[kasus]
    sk = _surat_kuasa(pemeran, **{"ksdd": pks_siap, **ubah(pemeran)})
    rows = _penandatangan(pks_siap, pemeran, pks=True, surat_kuasa=sk)
    rows[0]["nama"] = _kepala_pd(pemeran)  # the official who signs is always the same person
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, rows=rows)
    assert _rules(exc) == ["P24-2"]
    assert masalah in exc.value.detail
    assert sk.nomor in exc.value.detail
    pks_siap.refresh_from_db()
    assert pks_siap.status == Status.PENANDATANGANAN_PKS
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()


def test_p24_2_unknown_surat_kuasa_is_refused(pks_siap, pemeran):
    rows = _penandatangan(pks_siap, pemeran, pks=True)
    rows[0].update(kedudukan=KedudukanPenandatangan.PEJABAT_KUASA, surat_kuasa=999_999)
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, rows=rows)
    assert _rules(exc) == ["P24-2"]


def test_p24_3_surat_kuasa_without_copy_to_the_cooperation_agency_is_refused(pks_siap, pemeran):
    sk = _surat_kuasa(pemeran, pks_siap, tanggal_tembusan=None)
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, surat_kuasa=sk)
    assert _rules(exc) == ["P24-3"]
    assert "belum disampaikan" in exc.value.detail
    assert "Pasal 24 ayat 3" in exc.value.detail


# --- P20-3, P24-1…3: the signer is checked against the record -----------------------------


def test_p20_3_kb_home_signer_not_the_recorded_head_is_refused(kb_siap, pemeran):
    rows = _penandatangan(kb_siap, pemeran, pks=False)
    rows[0].update(nama="Martina Luwi", jabatan="Kepala Dinas Kesehatan")  # office picked
    with pytest.raises(RuleViolation) as exc:
        _ttd(kb_siap, pemeran.sekretariat, pks=False, rows=rows)
    assert _rules(exc) == ["P20-3"]
    assert "bukan kepala daerah yang tercatat" in exc.value.detail
    assert "Pasal 20 ayat (3)" in exc.value.detail
    assert "Eddy Raya Samsuri" in exc.value.detail
    assert not Penandatangan.objects.exists()
    assert not Berkas.objects.filter(jenis=JenisBerkas.KB_DITANDATANGANI).exists()


def test_p20_3_kb_without_a_recorded_head_is_refused(kb_siap, pemeran):
    KepalaDaerah.objects.filter(wilayah_id="62.04").delete()
    with pytest.raises(RuleViolation) as exc:
        _ttd(kb_siap, pemeran.sekretariat, pks=False)
    assert _rules(exc) == ["P20-3"]
    assert "belum tercatat" in exc.value.detail
    assert not Penandatangan.objects.exists()


def test_p20_3_kb_signed_by_a_recorded_penjabat_is_accepted(kb_siap, pemeran):
    kepala_daerah_catat(
        wilayah=Wilayah.objects.get(kode="62.04"),
        nama="Sri Wahyuni",
        status="pj",
        nomor_keputusan="100.2.1.3-2001 Tahun 2026",
        tanggal_keputusan=_hari(40),
        mulai=_hari(30),
    )
    rows = _penandatangan(kb_siap, pemeran, pks=False)
    rows[0].update(nama="Sri Wahyuni", jabatan="Penjabat Bupati Barito Selatan")
    _ttd(kb_siap, pemeran.sekretariat, pks=False, rows=rows)
    assert Penandatangan.objects.get(wilayah_id="62.04").nama == "Sri Wahyuni"


def test_p24_1_pks_home_signer_as_kepala_daerah_but_not_the_head_is_refused(pks_siap, pemeran):
    """A Kepala Dinas recorded as 'Kepala Daerah' is refused: the register shows the true
    office."""
    rows = _penandatangan(pks_siap, pemeran, pks=True)
    rows[0].update(nama=_kepala_pd(pemeran), jabatan="Kepala Dinas Kesehatan")
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, rows=rows)
    assert _rules(exc) == ["P24-1"]
    assert "Pasal 24 ayat (1)" in exc.value.detail
    assert "Surat Kuasa" in exc.value.detail
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()


def test_p24_2_staff_member_under_a_surat_kuasa_is_refused(pks_siap, pemeran):
    """P24-2: the Surat Kuasa is refused when recorded for anyone but the recorded Kepala;
    one recorded for the Kepala no longer serves once the agency has another Kepala."""
    with pytest.raises(RuleViolation) as exc:
        _surat_kuasa(
            pemeran, pks_siap, penerima_nama="Siti Aminah", penerima_jabatan="Kepala Seksi"
        )
    assert _rules(exc) == ["P24-2"]
    assert "bukan Kepala Dinas Kesehatan yang tercatat" in exc.value.detail
    sk = _surat_kuasa(pemeran, pks_siap)
    pd = pemeran.operator.perangkat_daerah
    kepala_lama = pd.kepala_nama
    pd.kepala_nama = "Siti Aminah"
    pd.save()
    rows = _penandatangan(pks_siap, pemeran, pks=True, surat_kuasa=sk)
    assert rows[0]["nama"] == kepala_lama
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, rows=rows)
    assert _rules(exc) == ["P24-2"]
    assert "bukan Kepala Dinas Kesehatan yang tercatat" in exc.value.detail
    assert "Pasal 24 ayat 2" in exc.value.detail
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
    pks_siap.refresh_from_db()
    assert pks_siap.status == Status.PENANDATANGANAN_PKS


def test_p24_2_surat_kuasa_holder_differs_from_the_signer_is_refused(pks_siap, pemeran):
    sk = _surat_kuasa(pemeran, pks_siap)
    rows = _penandatangan(pks_siap, pemeran, pks=True, surat_kuasa=sk)
    rows[0]["nama"] = "Yohanes Saputra"
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, rows=rows)
    assert _rules(exc) == ["P24-2"]
    assert f"diberikan kepada {sk.penerima_nama}, bukan penandatangan ini" in exc.value.detail
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()


def test_p24_3_copy_sent_after_the_signing_date_is_refused(pks_siap, pemeran):
    sk = _surat_kuasa(pemeran, pks_siap, tanggal_tembusan=_hari(1))  # signed on _hari(3)
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, pks=True, surat_kuasa=sk)
    assert _rules(exc) == ["P24-3"]
    assert "paling lambat pada tanggal penandatanganan" in exc.value.detail
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
