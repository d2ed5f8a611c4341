"""Surat Kuasa through the services (Pasal 24 ayat 2–3; P1-13, P4-2, P24-2, P24-3):
recorded only for the recorded Kepala of a Perangkat Daerah with its copy not dated
before it, revoked once with a reason (a history row), a revoked one refused at the PKS
signing; and a partner's official signing under the partner's own Surat Kuasa (P24-2)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.agreements.models import Penandatangan, SuratKuasa
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas

pytestmark = pytest.mark.django_db


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _data_sk(pemeran, ksdd=None, **ubah) -> dict:
    pd = pemeran.operator.perangkat_daerah
    data = {
        "nomor": "100.3.4/07/Pem/2026",
        "tanggal": _hari(10),
        "pemberi": "Bupati Barito Selatan",
        "penerima_nama": pd.kepala_nama,
        "penerima_jabatan": "Kepala Dinas Kesehatan",
        "perangkat_daerah": pd,
        "ksdd": ksdd,
        "lingkup": "Menandatangani PKS pelayanan kesehatan rujukan.",
        "berlaku_sampai": _hari(-30),
        "tanggal_tembusan": _hari(9),
    }
    return data | ubah


def _catat(pemeran, ksdd=None, user=None, **ubah) -> SuratKuasa:
    return services.surat_kuasa_create(
        user=user or pemeran.sekretariat, **_data_sk(pemeran, ksdd, **ubah)
    )


def _penandatangan(ksdd, sk=None) -> list[dict]:
    rows = [
        {
            "wilayah": "62.04",
            "nomor_naskah": "100.3.7/12/Pem/2026",
            "nama": sk.penerima_nama if sk else "Eddy Raya Samsuri",
            "jabatan": sk.penerima_jabatan if sk else "Bupati Barito Selatan",
            "kedudukan": KedudukanPenandatangan.PEJABAT_KUASA
            if sk
            else KedudukanPenandatangan.KEPALA_DAERAH,
            "surat_kuasa": sk.pk if sk else None,
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


def _ttd(ksdd, user, rows):
    return services.ksdd_tandatangani_pks(
        ksdd=ksdd,
        user=user,
        tanggal=_hari(3),
        tempat="Buntok",
        penandatangan=rows,
        naskah=unggahan_pdf("naskah-ttd.pdf"),
    )


@pytest.fixture
def pks_siap(ksdd, pemeran):
    return ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)


def _rules(exc) -> list[str]:
    return [p.rule for p in exc.value.pelanggaran]


# --- recording (P1-13, P4-2, P24-2, P24-3) -----------------------------------------------


def test_p24_2_secretariat_records_a_surat_kuasa_with_a_ksdd_history_row(ksdd, pemeran):
    sk = _catat(pemeran, ksdd, berkas=unggahan_pdf("surat-kuasa.pdf"))
    sk.refresh_from_db()
    assert (sk.ksdd, sk.dicatat_oleh, sk.dicabut) == (ksdd, pemeran.sekretariat, False)
    assert (sk.berkas.jenis, sk.berkas.ksdd) == (JenisBerkas.SURAT_KUASA, ksdd)
    assert sk.history.get().history_user == pemeran.sekretariat
    row = ksdd.riwayat.get(aksi="surat_kuasa")
    assert (row.oleh, row.dari, row.ke, row.data) == (
        pemeran.sekretariat,
        ksdd.status,
        ksdd.status,
        {"surat_kuasa": sk.pk},
    )
    assert sk.nomor in row.alasan and "Pasal 24 ayat 2" in row.alasan


def test_p24_2_operator_may_not_record_a_surat_kuasa(ksdd, pemeran):
    with pytest.raises(PermissionDenied):
        _catat(pemeran, ksdd, user=pemeran.operator)
    assert not SuratKuasa.objects.exists()
    assert not ksdd.riwayat.filter(aksi="surat_kuasa").exists()


def test_p24_2_recipient_not_the_recorded_kepala_is_refused_and_nothing_saved(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(
            pemeran,
            ksdd,
            penerima_nama="Siti Aminah",
            penerima_jabatan="Kepala Seksi",
            berkas=unggahan_pdf("surat-kuasa.pdf"),
        )
    assert _rules(exc) == ["P24-2"]
    assert exc.value.pelanggaran[0].field == "penerima_nama"
    kepala = pemeran.operator.perangkat_daerah.kepala_nama
    assert exc.value.detail == (
        f"Siti Aminah bukan Kepala Dinas Kesehatan yang tercatat ({kepala}); Surat Kuasa "
        "penandatanganan PKS hanya dapat diberikan kepada Kepala Perangkat Daerah "
        "(Pasal 24 ayat 2)."
    )
    assert not SuratKuasa.objects.exists()
    assert not Berkas.objects.filter(jenis=JenisBerkas.SURAT_KUASA).exists()
    assert not ksdd.riwayat.filter(aksi="surat_kuasa").exists()


def test_p24_2_agency_without_a_recorded_kepala_is_refused(ksdd, pemeran):
    pd = pemeran.operator.perangkat_daerah
    pd.kepala_nama = ""
    pd.save()
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran, ksdd, penerima_nama="Siti Aminah")
    assert _rules(exc) == ["P24-2"]
    assert "Kepala Dinas Kesehatan belum tercatat" in exc.value.detail
    assert not SuratKuasa.objects.exists()


def test_p24_3_copy_dated_before_the_surat_kuasa_is_refused(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran, ksdd, tanggal=_hari(10), tanggal_tembusan=_hari(11))
    assert _rules(exc) == ["P24-3"]
    assert exc.value.pelanggaran[0].field == "tanggal_tembusan"
    assert exc.value.detail == (
        f"Tanggal tembusan ({_hari(11):%d-%m-%Y}) tidak boleh sebelum tanggal Surat Kuasa "
        f"({_hari(10):%d-%m-%Y}): tembusan disampaikan setelah Surat Kuasa diterbitkan "
        "(Pasal 24 ayat 3)."
    )
    assert not SuratKuasa.objects.exists()


def test_p24_2_future_date_and_validity_before_the_date_are_refused(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran, ksdd, tanggal=_hari(-1), tanggal_tembusan=None, berlaku_sampai=_hari(5))
    assert {(p.rule, p.field) for p in exc.value.pelanggaran} == {
        ("P13", "tanggal"),
        ("P24-2", "berlaku_sampai"),
    }
    assert not SuratKuasa.objects.exists()


def test_p13_no_surat_kuasa_for_an_ended_ksdd(ksdd, pemeran):
    services.ksdd_batalkan(ksdd=ksdd, user=pemeran.sekretariat, alasan="Tidak dilanjutkan.")
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran, ksdd)
    assert exc.value.detail == "Surat Kuasa tidak dapat dicatat untuk KSDD yang telah berakhir."
    assert not SuratKuasa.objects.exists()


# --- revocation (P24-2) ----------------------------------------------------------------


def test_p24_2_revocation_with_reason_is_a_history_row(ksdd, pemeran):
    sk = _catat(pemeran, ksdd)
    services.surat_kuasa_cabut(
        surat_kuasa=sk,
        user=pemeran.sekretariat,
        alasan="  Kepala Dinas dimutasi. ",
        tanggal=_hari(2),
    )
    sk.refresh_from_db()
    assert (sk.dicabut, sk.alasan_pencabutan, sk.tanggal_pencabutan, sk.dicabut_oleh) == (
        True,
        "Kepala Dinas dimutasi.",
        _hari(2),
        pemeran.sekretariat,
    )
    terakhir = sk.history.order_by("-history_id").first()
    assert (terakhir.dicabut, terakhir.history_user, terakhir.history_change_reason) == (
        True,
        pemeran.sekretariat,
        "Kepala Dinas dimutasi.",
    )
    assert sk.history.count() == 2
    row = ksdd.riwayat.get(aksi="cabut_surat_kuasa")
    assert row.oleh == pemeran.sekretariat
    assert row.alasan == (
        f"Surat Kuasa {sk.nomor} dicabut pada {_hari(2):%d-%m-%Y}: Kepala Dinas dimutasi."
    )


@pytest.mark.parametrize(
    ("alasan", "tanggal", "field", "pesan"),
    [
        ("", 2, "alasan", "Tuliskan alasan pencabutan Surat Kuasa (Pasal 24 ayat 2)."),
        ("   ", 2, "alasan", "Tuliskan alasan pencabutan Surat Kuasa (Pasal 24 ayat 2)."),
        ("Dimutasi.", -1, "tanggal", "tidak boleh setelah hari ini (Pasal 24 ayat 2)"),
        ("Dimutasi.", 11, "tanggal", "tidak boleh sebelum tanggal Surat Kuasa"),
    ],
)
def test_p24_2_revocation_refusals_save_nothing(ksdd, pemeran, alasan, tanggal, field, pesan):
    sk = _catat(pemeran, ksdd)
    with pytest.raises(RuleViolation) as exc:
        services.surat_kuasa_cabut(
            surat_kuasa=sk, user=pemeran.sekretariat, alasan=alasan, tanggal=_hari(tanggal)
        )
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P24-2", field)]
    assert pesan in exc.value.detail
    sk.refresh_from_db()
    assert (sk.dicabut, sk.alasan_pencabutan, sk.history.count()) == (False, "", 1)
    assert not ksdd.riwayat.filter(aksi="cabut_surat_kuasa").exists()


def test_p24_2_revoking_twice_is_refused(ksdd, pemeran):
    sk = _catat(pemeran, ksdd)
    services.surat_kuasa_cabut(
        surat_kuasa=sk, user=pemeran.sekretariat, alasan="Dimutasi.", tanggal=_hari(2)
    )
    with pytest.raises(RuleViolation) as exc:
        services.surat_kuasa_cabut(
            surat_kuasa=sk, user=pemeran.sekretariat, alasan="Lagi.", tanggal=_hari(1)
        )
    assert _rules(exc) == ["P24-2"]
    assert exc.value.detail == (
        f"Surat Kuasa {sk.nomor} telah dicabut pada {_hari(2):%d-%m-%Y} (Pasal 24 ayat 2)."
    )
    sk.refresh_from_db()
    assert (sk.alasan_pencabutan, sk.tanggal_pencabutan, sk.history.count()) == (
        "Dimutasi.",
        _hari(2),
        2,
    )
    assert ksdd.riwayat.filter(aksi="cabut_surat_kuasa").count() == 1


@pytest.mark.parametrize("peran", ["operator", "operator_lain", "bupati", "anggota"])
def test_p24_2_only_the_secretariat_revokes(ksdd, pemeran, peran):
    sk = _catat(pemeran, ksdd)
    with pytest.raises(PermissionDenied):
        services.surat_kuasa_cabut(
            surat_kuasa=sk, user=getattr(pemeran, peran), alasan="x", tanggal=_hari(1)
        )
    sk.refresh_from_db()
    assert not sk.dicabut


def test_p24_2_pks_signed_under_a_revoked_surat_kuasa_is_refused(pks_siap, pemeran):
    sk = _catat(pemeran, pks_siap)
    services.surat_kuasa_cabut(
        surat_kuasa=sk, user=pemeran.sekretariat, alasan="Dimutasi.", tanggal=_hari(5)
    )
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, _penandatangan(pks_siap, sk))
    assert _rules(exc) == ["P24-2"]
    assert "telah dicabut" in exc.value.detail
    assert sk.nomor in exc.value.detail
    pks_siap.refresh_from_db()
    assert pks_siap.status == Status.PENANDATANGANAN_PKS
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
    assert not Berkas.objects.filter(jenis=JenisBerkas.PKS_DITANDATANGANI).exists()


# --- a partner's own Surat Kuasa (P24-2) --------------------------------------------------


def _mitra_kuasa(rows, **ubah):
    rows[1].update(
        nama="Ahmad Riduan",
        jabatan="Kepala Dinas Kesehatan Kabupaten Barito Timur",
        kedudukan=KedudukanPenandatangan.PEJABAT_KUASA,
        **ubah,
    )
    return rows


def test_p24_2_partner_official_signs_under_the_partners_own_surat_kuasa(pks_siap, pemeran):
    rows = _mitra_kuasa(
        _penandatangan(pks_siap),
        nomor_surat_kuasa_mitra="180/05/SK-BT/2026",
        tanggal_surat_kuasa_mitra=_hari(6),
    )
    _ttd(pks_siap, pemeran.sekretariat, rows)
    pks_siap.refresh_from_db()
    assert pks_siap.status == Status.PELAKSANAAN
    mitra = Penandatangan.objects.get(naskah__jenis="pks", wilayah_id="62.13")
    assert (
        mitra.nama,
        mitra.kedudukan,
        mitra.nomor_surat_kuasa_mitra,
        mitra.tanggal_surat_kuasa_mitra,
    ) == ("Ahmad Riduan", KedudukanPenandatangan.PEJABAT_KUASA, "180/05/SK-BT/2026", _hari(6))
    home = Penandatangan.objects.get(naskah__jenis="pks", wilayah_id="62.04")
    assert (home.nomor_surat_kuasa_mitra, home.tanggal_surat_kuasa_mitra) == ("", None)


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        (
            {},
            "nomor_surat_kuasa_mitra",
            "Penandatangan Kabupaten Barito Timur bukan kepala daerahnya: isi nomor dan "
            "tanggal Surat Kuasa Bupati Barito Timur yang menjadi dasar penandatanganan PKS "
            "(Pasal 24 ayat 2).",
        ),
        (
            {"nomor_surat_kuasa_mitra": "180/05/SK-BT/2026", "tanggal_surat_kuasa_mitra": None},
            "nomor_surat_kuasa_mitra",
            "isi nomor dan tanggal Surat Kuasa Bupati Barito Timur",
        ),
        (
            {"nomor_surat_kuasa_mitra": "180/05/SK-BT/2026", "tanggal_surat_kuasa_mitra": _hari(1)},
            "tanggal_surat_kuasa_mitra",
            "setelah tanggal penandatanganan",
        ),
    ],
)
def test_p24_2_partner_official_without_its_own_surat_kuasa_is_refused(
    pks_siap, pemeran, ubah, field, pesan
):
    rows = _mitra_kuasa(_penandatangan(pks_siap), **ubah)
    with pytest.raises(RuleViolation) as exc:
        _ttd(pks_siap, pemeran.sekretariat, rows)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P24-2", field)]
    assert pesan in exc.value.detail
    pks_siap.refresh_from_db()
    assert pks_siap.status == Status.PENANDATANGANAN_PKS
    assert not Penandatangan.objects.filter(naskah__jenis="pks").exists()
