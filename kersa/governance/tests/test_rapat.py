"""TKKSD meetings (Pasal 36–39): invitations, chair rules, decisions, the pleno
recommendation on a partner's offer (Pasal 18), P37-1 and the Berita Acara."""

import datetime as dt

import pytest
from django.utils import timezone

from kersa.agreements import services as ksdd_services
from kersa.agreements.choices import (
    AlasanPenolakan,
    Keputusan,
    Pemrakarsa,
    PertimbanganPersetujuan,
    Status,
)
from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.pekerja import tenggat_periodik_mulai
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.tests.hasilkan_util import buka, teks
from kersa.governance.choices import JenisAgenda, JenisRapat, Kedudukan, StatusRapat
from kersa.governance.models import KeputusanRapat, ProgramKerja, Rapat
from kersa.governance.services import (
    agenda_tambah,
    kegiatan_tambah,
    program_kerja_buat,
    rapat_batalkan,
    rapat_dokumen_hasilkan,
    rapat_hasil_catat,
    rapat_jadwalkan,
)
from kersa.regions.models import Wilayah

from .conftest import hadir_semua, jabatan

pytestmark = pytest.mark.django_db


def _hari(n):
    return timezone.localdate() - dt.timedelta(days=n)


def _agenda(rapat, user, **kw):
    data = {"judul": "Evaluasi pelaksanaan KSDD semester I", "tugas": "j"} | kw
    return agenda_tambah(rapat=rapat, user=user, **data)


def _hasil(rapat, user, pimpinan, kehadiran=None, keputusan=None, **kw):
    keputusan = keputusan or {
        a.pk: {"uraian": "Disepakati untuk ditindaklanjuti.", "pembahasan": "Dibahas bersama."}
        for a in rapat.agenda.all()
    }
    return rapat_hasil_catat(
        rapat=rapat,
        user=user,
        kehadiran=kehadiran if kehadiran is not None else hadir_semua(rapat),
        pimpinan=pimpinan,
        ringkasan=kw.pop("ringkasan", "Rapat dibuka pukul 09.00 WIB oleh pimpinan rapat."),
        keputusan=keputusan,
        **kw,
    )


# --- invitations ------------------------------------------------------------------------


def test_p35_1_pleno_invites_every_tkksd_office_with_its_holder(pleno, tkksd):
    rows = list(pleno.kehadiran.values_list("nama", flat=True))
    assert len(rows) == 8
    assert rows[0] == "Edy Purwanto, S.Sos., M.Si."
    assert pleno.keputusan == tkksd
    assert pleno.riwayat.get().ke == StatusRapat.TERJADWAL


def test_p38_4_rapat_teknis_invites_all_members_with_the_tim_teknis(teknis):
    assert teknis.kehadiran.count() == 8 + 6
    assert teknis.kehadiran.filter(nama="Rizky Maulana, S.STP.").exists()


def test_p34_1_meeting_without_decree_in_force_is_refused(tkksd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        rapat_jadwalkan(
            jenis=JenisRapat.PLENO,
            tanggal=dt.date(2024, 11, 5),
            tempat="Aula Setda",
            user=pemeran.sekretariat,
        )
    assert exc.value.rule == "P34-1"


# --- chair ------------------------------------------------------------------------------


def test_p37_3_pleno_chaired_by_the_ketua(pleno, tkksd, pemeran):
    _agenda(pleno, pemeran.sekretariat)
    rapat = _hasil(pleno, pemeran.sekretariat, jabatan(tkksd, Kedudukan.KETUA))
    assert rapat.status == StatusRapat.SELESAI
    assert rapat.pimpinan_nama == "Edy Purwanto, S.Sos., M.Si."
    assert rapat.notulis == "Nurul Hasanah, S.IP., M.Si."
    assert rapat.nomor == "000.3/1/BA-TKKSD/2026"
    assert list(rapat.riwayat.values_list("dari", "ke")) == [
        ("", StatusRapat.TERJADWAL),
        (StatusRapat.TERJADWAL, StatusRapat.SELESAI),
    ]


def test_p37_3_pleno_chaired_by_other_is_refused(pleno, tkksd, pemeran):
    _agenda(pleno, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _hasil(pleno, pemeran.sekretariat, jabatan(tkksd, Kedudukan.SEKRETARIS))
    assert exc.value.rule == "P37-3"
    assert "Rapat Pleno dipimpin oleh Ketua TKKSD" in exc.value.detail
    pleno.refresh_from_db()
    assert pleno.status == StatusRapat.TERJADWAL
    assert not KeputusanRapat.objects.exists()


def test_p37_4_wakil_ketua_chairs_when_the_ketua_is_absent(pleno, tkksd, pemeran):
    _agenda(pleno, pemeran.sekretariat)
    rapat = _hasil(
        pleno,
        pemeran.sekretariat,
        jabatan(tkksd, Kedudukan.WAKIL_KETUA),
        kehadiran=hadir_semua(pleno, kecuali=(Kedudukan.KETUA,)),
        alasan_pengganti="Ketua TKKSD menghadiri rapat koordinasi di Palangka Raya.",
    )
    assert rapat.pimpinan_nama == "Drs. Yusuf Riadi, M.AP."
    assert "Palangka Raya" in rapat.alasan_pengganti


def test_p37_4_wakil_ketua_refused_when_the_ketua_is_present(pleno, tkksd, pemeran):
    _agenda(pleno, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _hasil(
            pleno,
            pemeran.sekretariat,
            jabatan(tkksd, Kedudukan.WAKIL_KETUA),
            alasan_pengganti="Ketua sibuk.",
        )
    assert exc.value.rule == "P37-4"
    assert "berhalangan" in exc.value.detail


def test_p37_4_stand_in_needs_a_reason(pleno, tkksd, pemeran):
    _agenda(pleno, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _hasil(
            pleno,
            pemeran.sekretariat,
            jabatan(tkksd, Kedudukan.WAKIL_KETUA),
            kehadiran=hadir_semua(pleno, kecuali=(Kedudukan.KETUA,)),
        )
    assert [p.field for p in exc.value.pelanggaran] == ["alasan_pengganti"]


def test_p38_4_rapat_teknis_chaired_by_the_sekretaris(teknis, tkksd, pemeran):
    _agenda(teknis, pemeran.sekretariat, jenis=JenisAgenda.PEMBAHASAN_NASKAH, tugas="f")
    rapat = _hasil(teknis, pemeran.sekretariat, jabatan(tkksd, Kedudukan.SEKRETARIS))
    assert rapat.pimpinan_nama == "Nurul Hasanah, S.IP., M.Si."


def test_p38_5_permanent_member_chairs_when_the_sekretaris_is_absent(teknis, tkksd, pemeran):
    _agenda(teknis, pemeran.sekretariat)
    hukum = tkksd.jabatan.get(nama_jabatan="Kepala Bagian Hukum")
    rapat = _hasil(
        teknis,
        pemeran.sekretariat,
        hukum,
        kehadiran=hadir_semua(teknis, kecuali=(Kedudukan.SEKRETARIS,)),
        alasan_pengganti="Sekretaris TKKSD sedang cuti.",
    )
    assert rapat.pimpinan == hukum


def test_p38_5_tim_teknis_member_may_not_chair(teknis, tkksd, pemeran):
    _agenda(teknis, pemeran.sekretariat)
    koordinator = teknis.kehadiran.get(nama="Rizky Maulana, S.STP.").jabatan
    with pytest.raises(RuleViolation) as exc:
        _hasil(
            teknis,
            pemeran.sekretariat,
            koordinator,
            kehadiran=hadir_semua(teknis, kecuali=(Kedudukan.SEKRETARIS,)),
            alasan_pengganti="Sekretaris cuti.",
        )
    assert exc.value.rule == "P38-4"
    assert "Rapat Teknis dipimpin oleh Sekretaris" in exc.value.detail


# --- P36: TKKSD works in Rapat Pleno and Rapat Teknis -----------------------------------


def test_p36_meeting_needs_its_kind_and_place_and_nothing_is_saved(tkksd, pemeran):
    from kersa.governance.models import Rapat

    with pytest.raises(RuleViolation) as exc:
        rapat_jadwalkan(jenis="", tanggal=_hari(3), tempat="  ", user=pemeran.sekretariat)
    rules = {(p.rule, p.field) for p in exc.value.pelanggaran}
    assert rules == {("P36", "jenis"), ("P36", "tempat")}
    assert not Rapat.objects.exists()


def test_p38_3_rapat_teknis_drafts_the_naskah_and_recommends_to_the_pleno(teknis, tkksd, pemeran):
    ksdd = ksdd_baru(pemeran, judul="Pengelolaan sampah regional Barito Selatan-Barito Timur")
    tahap = ksdd.status
    a = _agenda(
        teknis,
        pemeran.sekretariat,
        judul="Pembahasan rancangan PKS pengelolaan sampah regional",
        jenis=JenisAgenda.PEMBAHASAN_NASKAH,
        tugas="f",
        ksdd=ksdd,
    )
    rapat = _hasil(
        teknis,
        pemeran.sekretariat,
        jabatan(tkksd, Kedudukan.SEKRETARIS),
        keputusan={
            a.pk: {
                "uraian": "Rancangan PKS disampaikan kepada Rapat Pleno melalui Sekretaris.",
                "pembahasan": "Pasal keadaan kahar ditambahkan pada rancangan.",
            }
        },
    )
    hasil = KeputusanRapat.objects.get(agenda=a)
    assert rapat.status == StatusRapat.SELESAI
    assert hasil.agenda.ksdd == ksdd
    assert "melalui Sekretaris" in hasil.uraian
    # The decision stays a recommendation: the KSDD's stage is untouched.
    ksdd.refresh_from_db()
    assert ksdd.status == tahap


# --- P37-2: the pleno's own decisions and the work programme ----------------------------


def test_p37_2_programme_cannot_be_put_to_a_rapat_teknis(teknis, pemeran):
    program = program_kerja_buat(tahun=2026, user=pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _agenda(
            teknis,
            pemeran.sekretariat,
            jenis=JenisAgenda.PROGRAM_KERJA,
            program_kerja=program,
        )
    assert exc.value.rule == "P37-2"
    assert "diputuskan dalam Rapat Pleno" in exc.value.detail


def test_p37_2_pleno_sets_the_work_programme(pleno, tkksd, pemeran):
    program = program_kerja_buat(tahun=2026, user=pemeran.sekretariat)
    kegiatan_tambah(
        program=program,
        uraian="Pemetaan KSDD dan sinergi 2027",
        tugas="b",
        triwulan=1,
        user=pemeran.sekretariat,
    )
    _agenda(
        pleno,
        pemeran.sekretariat,
        judul="Penetapan Program Kerja TKKSD 2026",
        jenis=JenisAgenda.PROGRAM_KERJA,
        program_kerja=program,
    )
    _hasil(pleno, pemeran.sekretariat, jabatan(tkksd, Kedudukan.KETUA))
    program.refresh_from_db()
    assert program.ditetapkan_dalam == pleno
    with pytest.raises(RuleViolation) as exc:
        kegiatan_tambah(
            program=program, uraian="Tambahan", tugas="c", triwulan=2, user=pemeran.sekretariat
        )
    assert exc.value.rule == "P37-2"


# --- P37-1 ------------------------------------------------------------------------------


def test_p37_1_pleno_held_meets_the_yearly_clock(pleno, tkksd, pemeran):
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 1, 5))
    t = Tenggat.objects.get(kunci="P37-1:2026")
    assert t.status == StatusTenggat.BERJALAN
    _agenda(pleno, pemeran.sekretariat)
    _hasil(pleno, pemeran.sekretariat, jabatan(tkksd, Kedudukan.KETUA))
    t.refresh_from_db()
    assert t.status == StatusTenggat.TERPENUHI
    assert t.selesai_pada == dt.date(2026, 3, 10)


def test_p37_1_clock_started_after_a_pleno_is_met_at_once(pleno, tkksd, pemeran):
    _agenda(pleno, pemeran.sekretariat)
    _hasil(pleno, pemeran.sekretariat, jabatan(tkksd, Kedudukan.KETUA))
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 4, 1))
    assert Tenggat.objects.get(kunci="P37-1:2026").status == StatusTenggat.TERPENUHI


def test_p37_1_rapat_teknis_does_not_meet_the_clock(teknis, tkksd, pemeran):
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 1, 5))
    _agenda(teknis, pemeran.sekretariat)
    _hasil(teknis, pemeran.sekretariat, jabatan(tkksd, Kedudukan.SEKRETARIS))
    assert Tenggat.objects.get(kunci="P37-1:2026").status == StatusTenggat.BERJALAN


# --- P18-3/4/5: the recommendation on a partner's offer -----------------------------------


@pytest.fixture
def tawaran_mitra(pemeran):
    barito_timur = Wilayah.objects.get(kode="62.13")
    ksdd = ksdd_baru(pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=barito_timur)
    return ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)


@pytest.fixture
def pleno_kini(tkksd, pemeran):
    return rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=_hari(5),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )


def _agenda_tawaran(rapat, ksdd, user):
    return _agenda(
        rapat,
        user,
        judul="Penawaran kerja sama Pemerintah Kabupaten Barito Timur",
        jenis=JenisAgenda.REKOMENDASI_PENAWARAN,
        ksdd=ksdd,
    )


def test_p18_3_pleno_recommendation_reaches_the_ksdd_and_the_reply_follows_it(
    pleno_kini, tkksd, tawaran_mitra, pemeran
):
    a = _agenda_tawaran(pleno_kini, tawaran_mitra, pemeran.sekretariat)
    rapat = _hasil(
        pleno_kini,
        pemeran.sekretariat,
        jabatan(tkksd, Kedudukan.KETUA),
        keputusan={
            a.pk: {
                "uraian": "TKKSD merekomendasikan Bupati menolak penawaran.",
                "rekomendasi": Keputusan.DITOLAK,
                "alasan_penolakan": [AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA],
                # P18-4 (WARN): the KSDD is budgeted; the pleno says why it still rejects.
                "alasan_peringatan": "Pagu DPA tidak mencukupi untuk perluasan ke mitra.",
            }
        },
    )
    rek = tawaran_mitra.rekomendasi_pleno.get()
    assert rek.agenda == a
    assert rek.nomor_berita_acara == rapat.nomor
    assert rek.tanggal_rapat == rapat.tanggal
    assert rek.alasan_penolakan == ["b"]
    tawaran_mitra.refresh_from_db()
    riwayat = tawaran_mitra.riwayat.last()
    assert (riwayat.aksi, riwayat.rule) == ("catat_rekomendasi_pleno", "P18-3")
    # The Bupati's reply must follow the pleno (P18-3): accepting is refused.
    with pytest.raises(RuleViolation) as exc:
        ksdd_services.ksdd_catat_tanggapan(
            ksdd=tawaran_mitra,
            user=pemeran.sekretariat,
            mitra="62.13",
            keputusan=Keputusan.DITERIMA,
            nomor="000.3/88/Pem/2026",
            tanggal_surat=_hari(2),
            tanggal_diterima=_hari(1),
            surat=unggahan_pdf("surat-tanggapan.pdf"),
        )
    assert exc.value.rule == "P18-3"
    ksdd_services.ksdd_catat_tanggapan(
        ksdd=tawaran_mitra,
        user=pemeran.sekretariat,
        mitra="62.13",
        keputusan=Keputusan.DITOLAK,
        nomor="000.3/88/Pem/2026",
        tanggal_surat=_hari(2),
        tanggal_diterima=_hari(1),
        surat=unggahan_pdf("surat-tanggapan.pdf"),
    )
    assert tawaran_mitra.status == Status.DITOLAK


def test_p18_4_rejection_without_grounds_is_refused_and_nothing_is_saved(
    pleno_kini, tkksd, tawaran_mitra, pemeran
):
    a = _agenda_tawaran(pleno_kini, tawaran_mitra, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _hasil(
            pleno_kini,
            pemeran.sekretariat,
            jabatan(tkksd, Kedudukan.KETUA),
            keputusan={a.pk: {"uraian": "Menolak.", "rekomendasi": Keputusan.DITOLAK}},
        )
    assert exc.value.rule == "P18-4"
    pleno_kini.refresh_from_db()
    assert pleno_kini.status == StatusRapat.TERJADWAL
    assert not tawaran_mitra.rekomendasi_pleno.exists()
    assert not KeputusanRapat.objects.exists()


def test_p18_5_acceptance_with_grounds_is_written_in_the_berita_acara(
    pleno_kini, tkksd, tawaran_mitra, pemeran
):
    a = _agenda_tawaran(pleno_kini, tawaran_mitra, pemeran.sekretariat)
    rapat = _hasil(
        pleno_kini,
        pemeran.sekretariat,
        jabatan(tkksd, Kedudukan.KETUA),
        keputusan={
            a.pk: {
                "uraian": "TKKSD merekomendasikan Bupati menerima penawaran.",
                "rekomendasi": Keputusan.DITERIMA,
                "pertimbangan_persetujuan": [
                    PertimbanganPersetujuan.DALAM_PERENCANAAN,
                    PertimbanganPersetujuan.PD_SIAP,
                ],
            }
        },
    )
    assert tawaran_mitra.rekomendasi_pleno.get().keputusan == Keputusan.DITERIMA
    ba, _notulen = rapat_dokumen_hasilkan(rapat=rapat, user=pemeran.sekretariat)
    isi = teks(buka(ba.berkas.file.read()))
    assert "MENERIMA penawaran" in isi
    assert "tercantum dalam dokumen perencanaan pembangunan daerah" in isi
    assert tawaran_mitra.nomor_register in isi


def test_p18_3_offer_agenda_needs_a_partner_offer_awaiting_reply(pleno_kini, ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _agenda_tawaran(pleno_kini, ksdd, pemeran.sekretariat)
    assert exc.value.rule == "P18-3"


# --- P39: result, Berita Acara and Notulen ------------------------------------------------


def test_p39_documents_only_for_a_meeting_held(pleno, pemeran):
    with pytest.raises(RuleViolation) as exc:
        rapat_dokumen_hasilkan(rapat=pleno, user=pemeran.sekretariat)
    assert exc.value.rule == "P39"
    assert "setelah hasil rapat dicatat" in exc.value.detail


def test_p39_result_of_a_future_meeting_is_refused(tkksd, pemeran):
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=timezone.localdate() + dt.timedelta(days=3),
        tempat="Aula Setda",
        user=pemeran.sekretariat,
    )
    _agenda(rapat, pemeran.sekretariat)
    with pytest.raises(RuleViolation) as exc:
        _hasil(rapat, pemeran.sekretariat, jabatan(tkksd, Kedudukan.KETUA))
    assert exc.value.rule == "P39"


def test_p39_berita_acara_and_notulen_read_back(pleno, tkksd, pemeran):
    a = _agenda(pleno, pemeran.sekretariat, judul="Evaluasi KSDD pelayanan kesehatan rujukan")
    rapat = _hasil(
        pleno,
        pemeran.sekretariat,
        jabatan(tkksd, Kedudukan.WAKIL_KETUA),
        kehadiran=hadir_semua(pleno, kecuali=(Kedudukan.KETUA,)),
        alasan_pengganti="Ketua TKKSD menghadiri rapat di Kementerian Dalam Negeri.",
        keputusan={
            a.pk: {
                "uraian": "Perangkat Daerah menyampaikan laporan semester tepat waktu.",
                "pembahasan": "Kepala Dinas Kesehatan melaporkan 312 pasien rujukan.",
            }
        },
        ringkasan="Rapat dibuka pukul 09.00 WIB.\nPeserta menyepakati hasil evaluasi.",
    )
    ba, notulen = rapat_dokumen_hasilkan(rapat=rapat, user=pemeran.sekretariat)
    rapat.refresh_from_db()
    assert rapat.berita_acara == ba.dokumen and rapat.notulen == notulen.dokumen
    isi = teks(buka(ba.berkas.file.read()))
    assert "BERITA ACARA" in isi
    assert "Pada hari ini, Selasa, tanggal sepuluh bulan Maret tahun dua ribu dua puluh enam" in isi
    assert "Aula Sekretariat Daerah Kabupaten Barito Selatan" in isi
    assert "Drs. Yusuf Riadi, M.AP. selaku Wakil Ketua" in isi
    assert "Kementerian Dalam Negeri" in isi and "Pasal 37 ayat (4)" in isi
    assert "Edy Purwanto, S.Sos., M.Si." in isi and "tidak hadir" in isi
    assert "Perangkat Daerah menyampaikan laporan semester tepat waktu." in isi
    assert "NURUL HASANAH" in isi  # the Sekretaris signs as notulis
    assert rapat.nomor in isi
    isi_n = teks(buka(notulen.berkas.file.read()))
    assert "NOTULEN" in isi_n
    assert "312 pasien rujukan" in isi_n
    assert "Peserta menyepakati hasil evaluasi." in isi_n
    # Generating again without a change adds no version.
    lagi, _ = rapat_dokumen_hasilkan(rapat=rapat, user=pemeran.sekretariat)
    assert lagi.pk == ba.pk


def test_p39_cancel_needs_a_reason_and_is_kept_in_history(pleno, pemeran):
    with pytest.raises(RuleViolation):
        rapat_batalkan(rapat=pleno, user=pemeran.sekretariat, alasan=" ")
    rapat = rapat_batalkan(
        rapat=pleno, user=pemeran.sekretariat, alasan="Bertepatan dengan kunjungan Gubernur."
    )
    assert rapat.status == StatusRapat.BATAL
    row = rapat.riwayat.last()
    assert (row.dari, row.ke, row.alasan) == (
        StatusRapat.TERJADWAL,
        StatusRapat.BATAL,
        "Bertepatan dengan kunjungan Gubernur.",
    )
    with pytest.raises(RuleViolation):
        _agenda(rapat, pemeran.sekretariat)


def test_demo_muat_is_idempotent(pemeran):
    from kersa.demo.tkksd import demo_muat

    assert demo_muat(pemeran) == {"keputusan": 2, "rapat": 2}
    assert demo_muat(pemeran) == {"keputusan": 0, "rapat": 0}
    teknis = Rapat.objects.get(jenis=JenisRapat.TEKNIS)
    assert teknis.status == StatusRapat.TERJADWAL and teknis.tanggal > timezone.localdate()
    assert teknis.undangan.versi.count() == 1  # its invitation is out
    program = ProgramKerja.objects.get(tahun=2026)
    assert program.ditetapkan_dalam.status == StatusRapat.SELESAI
    assert program.ditetapkan_dalam.berita_acara.versi.count() == 1


def test_p34_2_agenda_filed_under_a_duty(pleno, pemeran):
    a = _agenda(pleno, pemeran.sekretariat, tugas="j")
    assert a.get_tugas_display().startswith("j. menyusun laporan semester")
    with pytest.raises(RuleViolation) as exc:
        _agenda(pleno, pemeran.sekretariat, tugas="z")
    assert exc.value.rule == "P34-2"
