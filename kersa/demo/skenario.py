"""Drive KSDD through the real services to any status: for demo data, tests and benchmarks.

Nothing here bypasses a rule: every step is the service a user would call,
with realistic letters (numbers, dates, PDF/DOCX files).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from kersa.accounts.services import peran_sync, user_set_peran
from kersa.agreements import rules, services
from kersa.agreements.choices import (
    AlasanPenolakan,
    Kategori,
    KedudukanPenandatangan,
    Keputusan,
    KriteriaTelaah,
    Pemrakarsa,
    PertimbanganPersetujuan,
    Status,
)
from kersa.agreements.daftar import LANGKAH
from kersa.agreements.models import Bentuk, Kak, Ksdd, Tujuan, Urusan
from kersa.core.roles import Peran
from kersa.demo.wilayah import demo_muat_satu
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import wilayah_daerah

PASSWORD_DEMO = "kersa-demo-2026"


@dataclass
class Pemeran:
    """The fixed cast of users (CONVENTIONS.md): one per role, two agency operators."""

    operator: object
    operator_lain: object
    sekretariat: object
    anggota: object
    ketua: object
    bupati: object
    dprd: object
    publik: object
    admin: object


def _pd(nama: str, singkatan: str, **extra) -> PerangkatDaerah:
    pd = PerangkatDaerah.objects.filter(nama__iexact=nama).first()
    return pd or PerangkatDaerah.objects.create(nama=nama, singkatan=singkatan, **extra)


def pemeran_buat(password: str = PASSWORD_DEMO) -> Pemeran:
    """Create (or fetch) the demo users of every role. Idempotent."""
    User = get_user_model()
    dinkes = _pd(
        "Dinas Kesehatan",
        "Dinkes",
        kepala_nama="Rahmat Hidayat",
        kepala_jabatan="Kepala Dinas Kesehatan",
    )
    pupr = _pd(
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Dinas PUPR",
        kepala_nama="Yohanes Saputra",
        kepala_jabatan="Kepala Dinas PUPR",
    )
    pem = _pd(
        "Bagian Pemerintahan Sekretariat Daerah",
        "Bag. Pemerintahan",
        membidangi_kerja_sama=True,
        kepala_jabatan="Kepala Bagian Pemerintahan",
    )
    spec = [
        ("operator", "operator.dinkes", "Siti", "Aminah", Peran.OPERATOR_PD, dinkes),
        ("operator_lain", "operator.pupr", "Budi", "Santoso", Peran.OPERATOR_PD, pupr),
        ("sekretariat", "sekretariat.tkksd", "Nur", "Aisyah", Peran.SEKRETARIAT_TKKSD, pem),
        ("anggota", "anggota.tkksd", "Dedi", "Kurniawan", Peran.ANGGOTA_TKKSD, None),
        ("ketua", "ketua.tkksd", "Edy", "Purwanto", Peran.KETUA_TKKSD, None),
        ("bupati", "bupati", "Eddy", "Raya", Peran.BUPATI, None),
        ("dprd", "dprd", "Sekretariat", "DPRD", Peran.DPRD, None),
        ("publik", "warga", "Warga", "Buntok", None, None),
        ("admin", "admin", "Admin", "KERSA", Peran.ADMIN, None),
    ]
    cast = {}
    groups = peran_sync()  # once for the cast, not once per user
    for attr, username, first, last, peran, pd in spec:
        user = User.objects.filter(username=username).first()
        if user is None:  # the password is stored with the INSERT (no second save)
            user = User.objects.create(
                username=username,
                first_name=first,
                last_name=last,
                perangkat_daerah=pd,
                email=f"{username}@example.go.id",
                password=make_password(password),
            )
        if peran:
            user_set_peran(user=user, peran=peran, groups=groups)
        cast[attr] = User.objects.get(pk=user.pk)  # fresh permission cache
    _kepala_daerah_home()
    return Pemeran(**cast)


def _kepala_daerah_home() -> None:
    """The home region's recorded head, whom the demo KB and PKS name as signer: the
    signing step checks the signer against this record (P20-3, P24-1)."""

    demo_muat_satu(settings.KERSA_HOME_REGION)


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def tanggal_ttd_kb() -> dt.date:
    """The day the scenario signs the KB, written in its komparisi (P11)."""
    return _hari(18)


def tanggal_ttd_pks() -> dt.date:
    """The day the scenario signs the PKS, written in its komparisi (P12)."""
    return _hari(3)


def ksdd_baru(pemeran: Pemeran, **ubah) -> Ksdd:
    """A realistic KSDD in persiapan with a complete KAK, ready to submit."""
    mitra = ubah.pop("mitra", None) or [Wilayah.objects.get(kode="62.13")]
    data = {
        "judul": "Pelayanan Kesehatan Rujukan bagi Masyarakat Perbatasan Barito Selatan – Barito Timur",
        "perangkat_daerah": pemeran.operator.perangkat_daerah,
        "kategori": Kategori.WAJIB,
        "bentuk": Bentuk.objects.get(kode="a"),
        "mitra": mitra,
        "urusan": [Urusan.objects.get(kode="a.2")],
        "tujuan": list(Tujuan.objects.filter(kode__in=["b", "c"])),
        "eksternalitas": "Warga desa perbatasan Dusun Timur berobat ke RSUD Jaraga Sasameh Buntok.",
        "dalam_rencana": True,
        "dokumen_rencana": "RPJMD 2025–2029; Renstra Dinas Kesehatan 2025–2029",
        "lokasi": "Kecamatan Dusun Selatan dan Kecamatan Dusun Timur",
        "nilai_anggaran": 450_000_000,
        "sumber_dana": "APBD Kabupaten Barito Selatan",
        "dianggarkan_apbd": True,
        "nomor_dpa": "DPA/1.02.0.00.0.00.01.0000/2026",
        "membebani_masyarakat": False,
        "rencana_mulai": dt.date(timezone.localdate().year + 1, 1, 1),
        "jangka_waktu_bulan": 36,
    }
    data.update(ubah)
    user = data.pop("user", None) or pemeran.operator
    ksdd = services.ksdd_create(user=user, **data)
    services.kak_update(
        ksdd=ksdd,
        user=user,
        **{
            f: f"{label.split('. ', 1)[-1].capitalize()} kerja sama {ksdd.judul}."
            for f, label in Kak.BAGIAN
        },
    )
    return ksdd


def _jalankan(nama: str, *args, **kwargs) -> Ksdd:
    """Take step ``nama`` through its service in the registry (``agreements.daftar``)."""
    return LANGKAH[nama].layanan(*args, **kwargs)


def _pengusul(k, p):
    """Who records the proposing agency's step: its operator, or the secretariat for an
    agency the cast has no operator in."""
    return p.operator if k.perangkat_daerah_id == p.operator.perangkat_daerah_id else p.sekretariat


def _sepakati_rancangan(
    nama: str, k, p, *, hari_rapat: int, hari_sepakat: int, mulai, berakhir, rancangan
):
    """The draft KB or PKS agreed after the technical meeting (P11, P12)."""
    return _jalankan(
        nama,
        ksdd=k,
        user=_pengusul(k, p),
        tentang=k.judul,
        tanggal_rapat_teknis=_hari(hari_rapat),
        tanggal_disepakati=_hari(hari_sepakat),
        tanggal_mulai=mulai,
        tanggal_berakhir=berakhir,
        rancangan=rancangan,
    )


# The steps in order; each takes (ksdd, pemeran) and moves the KSDD one status on.
def _ajukan(k, p):
    return _jalankan(
        "ajukan_kak",
        ksdd=k,
        user=_pengusul(k, p),
        nomor="000.3/112/Dinkes/2026",
        tanggal_surat=_hari(60),
        surat_permohonan=unggahan_pdf("surat-permohonan.pdf", "Surat permohonan"),
        salinan_dpa=unggahan_pdf("dpa.pdf", "DPA") if k.dianggarkan_apbd else None,
        izin_dprd=None if k.dianggarkan_apbd else unggahan_pdf("izin-dprd.pdf", "Izin DPRD"),
        salinan_penawaran=unggahan_pdf("penawaran-mitra.pdf")
        if k.pemrakarsa == Pemrakarsa.MITRA
        else None,
    )


def _petunjuk(k, p):
    return _jalankan(
        "catat_petunjuk_tertulis",
        ksdd=k,
        user=p.sekretariat,
        nomor="000.3/045/Pem/2026",
        tanggal=_hari(58),
        pemberi="Sekretaris Daerah selaku Ketua TKKSD",
        isi="Proses rencana KSDD sesuai Perbup 23/2023.",
    )


def _telaah(k, p):
    return _jalankan(
        "catat_telaah",
        ksdd=k,
        user=p.sekretariat,
        tanggal=_hari(55),
        layak=True,
        temuan={c: (True, f"Memenuhi: {label}") for c, label in KriteriaTelaah.choices},
        kesimpulan="KAK layak ditindaklanjuti dengan penawaran.",
        tanggal_disampaikan=_hari(54),
    )


def telaah_kak_mitra(k, p, **ubah):
    """P17-2: TKKSD's review of the partner's KAK (received 50 days ago)."""
    return _jalankan(
        "catat_telaah_kak_mitra",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "tanggal": _hari(46),
            "layak": True,
            "temuan": {c: (True, f"Memenuhi: {label}") for c, label in KriteriaTelaah.choices},
            "kesimpulan": "KAK daerah mitra layak ditindaklanjuti.",
            "tanggal_disampaikan": _hari(45),
            **ubah,
        },
    )


def dasar_pleno_diterima(k) -> tuple[list[str], dict[str, str]]:
    """P18-5: grounds of an acceptance the record does not contradict, each with its
    finding (in the planning documents only when it is; budget only when budgeted)."""
    dasar = [PertimbanganPersetujuan.PD_SIAP]
    if k.dalam_rencana:
        dasar.append(PertimbanganPersetujuan.DALAM_PERENCANAAN)
    else:
        dasar.append(PertimbanganPersetujuan.SANGAT_MENDESAK)
    if k.dianggarkan_apbd:
        dasar.append(PertimbanganPersetujuan.ANGGARAN_TERSEDIA)
    temuan = {d: f"Temuan Rapat Pleno: {PertimbanganPersetujuan(d).label}." for d in dasar}
    return sorted(dasar), temuan


def dasar_pleno_ditolak(k) -> tuple[list[str], dict[str, str]]:
    """P18-4: a ground of rejection the record does not contradict, with its finding."""
    d = (
        AlasanPenolakan.PD_BELUM_SIAP
        if k.dianggarkan_apbd
        else AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA
    )
    return [d], {d: f"Temuan Rapat Pleno: {AlasanPenolakan(d).label}."}


def _penawaran(k, p):
    if k.pemrakarsa == Pemrakarsa.DAERAH:
        penerimaan = {m.kode: _hari(50) for m in k.mitra.all()}
        penandatangan = "Bupati Barito Selatan"
    else:
        penerimaan = {k.pemrakarsa_mitra.kode: _hari(50)}
        penandatangan = f"{k.pemrakarsa_mitra.sebutan_kepala} {k.pemrakarsa_mitra.nama}"
    k = _jalankan(
        "catat_penawaran",
        ksdd=k,
        user=p.sekretariat,
        nomor="000.3/150/Pem/2026",
        tanggal_surat=_hari(52),
        penandatangan=penandatangan,
        penerimaan=penerimaan,
        surat=unggahan_pdf("surat-penawaran.pdf"),
        # P17-1: a partner's offer comes with its KAK.
        kak=unggahan_pdf("kak-mitra.pdf", "KAK daerah mitra")
        if k.pemrakarsa == Pemrakarsa.MITRA
        else None,
    )
    if k.pemrakarsa == Pemrakarsa.MITRA:
        # P17-2: TKKSD reviews the partner's KAK while the reply period runs.
        telaah_kak_mitra(k, p)
    return k


def tanggapi(k, p, keputusan=Keputusan.DITERIMA):
    """Record the pleno recommendation (partner's offer) and every reply, with one decision."""
    if k.pemrakarsa == Pemrakarsa.MITRA and not k.telaah.exists():
        telaah_kak_mitra(k, p)
    if k.pemrakarsa == Pemrakarsa.MITRA and not k.rekomendasi_pleno.exists():
        tolak = keputusan == Keputusan.DITOLAK
        dasar, temuan = dasar_pleno_ditolak(k) if tolak else dasar_pleno_diterima(k)
        _jalankan(
            "catat_rekomendasi_pleno",
            ksdd=k,
            user=p.sekretariat,
            tanggal_rapat=_hari(40),
            nomor_berita_acara="BA/03/TKKSD/2026",
            keputusan=keputusan,
            alasan_penolakan=dasar if tolak else [],
            pertimbangan_persetujuan=[] if tolak else dasar,
            temuan=temuan,
            uraian="Dibahas dalam Rapat Pleno TKKSD.",
        )
    for penawaran in list(k.penawaran.filter(tanggapan__isnull=True)):
        k.refresh_from_db()
        _jalankan(
            "catat_tanggapan",
            ksdd=k,
            user=p.sekretariat,
            mitra=penawaran.mitra_id,
            keputusan=keputusan,
            nomor="000.3/77/Pem/2026",
            tanggal_surat=_hari(38),
            tanggal_diterima=_hari(36),
            surat=unggahan_pdf("surat-tanggapan.pdf"),
            alasan="Anggaran tahun berjalan belum tersedia."
            if keputusan == Keputusan.DITOLAK
            else "",
        )
    return k


def _rancangan_kb(k, p):
    mulai = _hari(20)
    berakhir = mulai.replace(year=mulai.year + 3) - dt.timedelta(days=1)
    return _sepakati_rancangan(
        "sepakati_rancangan_kb",
        k,
        p,
        hari_rapat=30,
        hari_sepakat=25,
        mulai=mulai,
        berakhir=berakhir,
        # P11: the komparisi carries the day the KB is signed (_ttd_kb)
        rancangan=unggahan_naskah(
            "rancangan-kb.docx", "kb", k, mulai=mulai, berakhir=berakhir, komparisi=tanggal_ttd_kb()
        ),
    )


def _penandatangan(k, p, *, pks: bool, surat_kuasa=None):
    home = wilayah_daerah()
    rows = [
        {
            "wilayah": home.kode,
            "nomor_naskah": ("100.3.7/12/Pem/2026" if pks else "100.3.6/08/Pem/2026"),
            "nama": surat_kuasa.penerima_nama if surat_kuasa else "Eddy Raya Samsuri",
            "jabatan": surat_kuasa.penerima_jabatan if surat_kuasa else "Bupati Barito Selatan",
            "kedudukan": KedudukanPenandatangan.PEJABAT_KUASA
            if surat_kuasa
            else KedudukanPenandatangan.KEPALA_DAERAH,
            "surat_kuasa": surat_kuasa.pk if surat_kuasa else None,
        }
    ]
    for i, m in enumerate(k.mitra.order_by("kode"), start=1):
        # P20-3, P24-1: a partner's head recorded in regions signs under that name.
        kepala = m.kepala_daerah.order_by("-mulai").first()
        rows.append(
            {
                "wilayah": m.kode,
                "nomor_naskah": f"100.3/{20 + i}/Pem/2026",
                "nama": kepala.nama if kepala else f"Kepala Daerah {m.nama}",
                "jabatan": f"{m.sebutan_kepala} {m.nama}",
                "kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
            }
        )
    return rows


def _ttd_kb(k, p):
    return _jalankan(
        "tandatangani_kb",
        ksdd=k,
        user=p.sekretariat,
        tanggal=tanggal_ttd_kb(),
        tempat="Buntok",
        penandatangan=_penandatangan(k, p, pks=False),
        naskah=unggahan_pdf("kb-ttd.pdf"),
    )


def _ajukan_dprd(k, p):
    return _jalankan(
        "ajukan_persetujuan_dprd",
        ksdd=k,
        user=p.sekretariat,
        nomor="100.3/210/Pem/2026",
        tanggal_surat=_hari(16),
        tanggal_diterima=_hari(15),
        surat=unggahan_pdf("permohonan-dprd.pdf"),
        # P22-2: the draft DPRD approves is the text later agreed and signed
        # (``_rancangan_pks``), so the signing meets no material difference.
        rancangan_pks=_naskah_pks(k),
    )


def _setuju_dprd(k, p):
    return _jalankan(
        "catat_persetujuan_dprd",
        ksdd=k,
        user=p.dprd,
        nomor="170/12/DPRD/2026",
        tanggal=_hari(10),
        penandatangan_nama="H. Ketua Dewan",
        penandatangan_jabatan="Ketua DPRD Kabupaten Barito Selatan",
        surat=unggahan_pdf("persetujuan-dprd.pdf"),
    )


def _naskah_pks(k):
    mulai = _hari(5)
    return unggahan_naskah(
        "rancangan-pks.docx",
        "pks",
        k,
        mulai=mulai,
        berakhir=mulai.replace(year=mulai.year + 2),
        komparisi=tanggal_ttd_pks(),  # P12: the day the PKS is signed (_ttd_pks)
    )


def _rancangan_pks(k, p):
    mulai = _hari(5)
    return _sepakati_rancangan(
        "sepakati_rancangan_pks",
        k,
        p,
        hari_rapat=9,
        hari_sepakat=7,
        mulai=mulai,
        berakhir=mulai.replace(year=mulai.year + 2),
        rancangan=_naskah_pks(k),
    )


def _ttd_pks(k, p):
    return _jalankan(
        "tandatangani_pks",
        ksdd=k,
        user=p.sekretariat,
        tanggal=tanggal_ttd_pks(),
        tempat="Buntok",
        penandatangan=_penandatangan(k, p, pks=True),
        naskah=unggahan_pdf("pks-ttd.pdf"),
    )


# --- the steps that keep the status (the letters of the clocks) and the ends -------------
# Each takes (ksdd, pemeran, **ubah) like the steps above; ``mitra`` picks the partner of
# a letter about one offer (default: the first offer still unanswered).


def _mitra_terbuka(k) -> str:
    """The first offer still unanswered, else the first offer, else (no offer yet: a step
    tried out of its place, refused by P13) the first partner."""
    p = k.penawaran.filter(tanggapan__isnull=True).order_by("mitra_id").first()
    p = p or k.penawaran.order_by("mitra_id").first()
    return p.mitra_id if p else k.mitra.order_by("kode").first().kode


def rekomendasi_pleno(k, p, **ubah):
    dasar, temuan = dasar_pleno_diterima(k)
    return _jalankan(
        "catat_rekomendasi_pleno",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "tanggal_rapat": _hari(40),
            "nomor_berita_acara": "BA/03/TKKSD/2026",
            "keputusan": Keputusan.DITERIMA,
            "pertimbangan_persetujuan": dasar,
            "temuan": temuan,
            "uraian": "Dibahas dalam Rapat Pleno TKKSD.",
            **ubah,
        },
    )


def tanggapan(k, p, **ubah):
    """One partner's reply (accepted, or as the pleno recommended)."""
    rek = k.rekomendasi_pleno.first()
    return _jalankan(
        "catat_tanggapan",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "mitra": _mitra_terbuka(k),
            "keputusan": rek.keputusan if rek else Keputusan.DITERIMA,
            "nomor": "000.3/77/Pem/2026",
            "tanggal_surat": _hari(38),
            "tanggal_diterima": _hari(36),
            "surat": unggahan_pdf("surat-tanggapan.pdf"),
            "alasan": "Anggaran tahun berjalan belum tersedia.",
            **ubah,
        },
    )


def permintaan_kedua(k, p, *, hari_diterima: int = 18, **ubah):
    """The second request (P16-5 ours, P18-2 a partner's), received ``hari_diterima``
    days ago: 18 days ago lies after the 30 days of P16-4 from the offer's receipt (50
    days ago) and lets the 15 days of P16-6 pass by today."""
    return _jalankan(
        "catat_permintaan_kedua",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "mitra": _mitra_terbuka(k),
            "nomor": "000.3/160/Pem/2026",
            "tanggal_surat": _hari(hari_diterima + 1),
            "tanggal_diterima": _hari(hari_diterima),
            **ubah,
        },
    )


def laporan_gubernur(k, p, **ubah):
    return _jalankan(
        "catat_laporan_gubernur",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "mitra": _mitra_terbuka(k),
            "nomor": "000.3/170/Pem/2026",
            "tanggal_surat": _hari(0),
            **ubah,
        },
    )


def _surat_dprd(nama: str, nomor: str, hari_diterima: int):
    def langkah(k, p, **ubah):
        return _jalankan(
            nama,
            **{
                "ksdd": k,
                "user": p.sekretariat,
                "nomor": nomor,
                "tanggal_surat": _hari(hari_diterima + 1),
                "tanggal_diterima": _hari(hari_diterima),
                **ubah,
            },
        )

    return langkah


jawaban_dprd = _surat_dprd("catat_jawaban_dprd", "170/20/DPRD/2026", 13)
telaahan_dprd = _surat_dprd("catat_telaahan_dprd", "170/21/DPRD/2026", 12)
tindak_lanjut_telaahan = _surat_dprd("catat_tindak_lanjut_telaahan", "100.3/230/Pem/2026", 11)


def penolakan_dprd(k, p, **ubah):
    return _jalankan(
        "catat_penolakan_dprd",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "nomor": "170/25/DPRD/2026",
            "tanggal_surat": _hari(12),
            "tanggal_diterima": _hari(11),
            "penandatangan": "Ketua DPRD Kabupaten Barito Selatan",
            "alasan": "Rancangan PKS belum memuat rincian pembiayaan.",
            "surat": unggahan_pdf("penolakan-dprd.pdf"),
            **ubah,
        },
    )


def persetujuan_dprd_perubahan(k, p, **ubah):
    """P25-7: DPRD approves an amendment that adds a burden, proposed after the PKS was
    signed (3 days ago in ``_ttd_pks``)."""
    return _jalankan(
        "catat_persetujuan_dprd_perubahan",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "perihal": "Penambahan layanan ambulans rujukan malam hari",
            "nomor_usulan": "100.3/260/Pem/2026",
            "tanggal_usulan": _hari(2),
            "nomor": "170/31/DPRD/2026",
            "tanggal": _hari(1),
            "penandatangan_nama": "H. Ahmad Fauzan, S.H.",
            "penandatangan_jabatan": "Ketua DPRD Kabupaten Barito Selatan",
            "surat": unggahan_pdf("persetujuan-dprd-perubahan.pdf"),
            **ubah,
        },
    )


def perpanjangan_kb(k, p, **ubah):
    """P19-3: the parties extend the signed KB by one year, agreed today."""
    kb = k.naskah.filter(jenis="kb").first()
    akhir = kb.tanggal_berakhir if kb else timezone.localdate()
    return _jalankan(
        "perpanjang_kb",
        **{
            "ksdd": k,
            "user": p.sekretariat,
            "nomor": "100.3.6/08.A/Pem/2026",
            "tanggal_kesepakatan": timezone.localdate(),
            "tanggal_berakhir": rules.tambah_tahun(akhir, 1),
            "naskah": unggahan_pdf("perpanjangan-kb.pdf", "Kesepakatan perpanjangan KB"),
            **ubah,
        },
    )


def batalkan(k, p, **ubah):
    return _jalankan(
        "batalkan",
        **{"ksdd": k, "user": p.sekretariat, "alasan": "Mitra mengundurkan diri.", **ubah},
    )


def akhiri(k, p, **ubah):
    return _jalankan(
        "akhiri",
        **{"ksdd": k, "user": p.sekretariat, "alasan": "Tujuan kerja sama tercapai.", **ubah},
    )


JALAN_UTAMA = {
    Status.PENYUSUNAN_KAK: _ajukan,
    Status.KAK_DIAJUKAN: _petunjuk,
    Status.TELAAH_TKKSD: _telaah,
    Status.MENYIAPKAN_PENAWARAN: _penawaran,
    Status.MENUNGGU_TANGGAPAN: tanggapi,
    Status.PENYUSUNAN_KB: _rancangan_kb,
    Status.PENANDATANGANAN_KB: _ttd_kb,
    Status.PERMOHONAN_DPRD: _ajukan_dprd,
    Status.MENUNGGU_DPRD: _setuju_dprd,
    Status.PENYUSUNAN_PKS: _rancangan_pks,
    Status.PENANDATANGANAN_PKS: _ttd_pks,
}


def ke_status(ksdd: Ksdd, tujuan: str, pemeran: Pemeran) -> Ksdd:
    """Walk a KSDD through the services until it reaches ``tujuan``."""
    for _ in range(20):
        ksdd.refresh_from_db()
        if ksdd.status == tujuan:
            return ksdd
        step = JALAN_UTAMA.get(ksdd.status)
        if step is None:
            raise ValueError(f"tidak dapat mencapai {tujuan} dari {ksdd.status}")
        with transaction.atomic():
            step(ksdd, pemeran)
    raise ValueError(f"tidak dapat mencapai {tujuan}")


def baris_impor(i: int = 1, **ubah) -> dict[str, str]:
    """One row of the import spreadsheet (P26, ``agreements.impor``): a running PKS (with its KB) of Dinas Kesehatan with Barito
    Timur (62.13), signed in 2024."""
    data = {
        "tahap": "pelaksanaan",
        "judul": f"Pelayanan Kesehatan Rujukan Perbatasan {i}",
        "perangkat_daerah": "Dinas Kesehatan",
        "kategori": "sukarela",
        "bentuk": "a",
        "mitra": "62.13",
        "urusan": "a.2",
        "tujuan": "b",
        "dalam_rencana": "ya",
        "dokumen_rencana": "RPJMD 2021–2026",
        "dianggarkan_apbd": "ya",
        "nomor_dpa": f"DPA/1.02/{i}/2024",
        "membebani_masyarakat": "tidak",
        "kb_tentang": "Kerja Sama Pelayanan Kesehatan",
        "kb_tanggal": "05-02-2024",
        "kb_tempat": "Buntok",
        "kb_mulai": "05-02-2024",
        "kb_berakhir": "04-02-2029",
        "kb_nomor_daerah": f"100.3.6/{i}/Pem/2024",
        "kb_penandatangan_daerah": "Eddy Raya Samsuri",
        "kb_jabatan_daerah": "Bupati Barito Selatan",
        "kb_nomor_mitra": f"100.3/{i}/Pem/2024",
        "kb_penandatangan_mitra": "Ampera AY Mebas",
        "kb_jabatan_mitra": "Bupati Barito Timur",
        "pks_tentang": "Pelayanan Kesehatan Rujukan",
        "pks_tanggal": "11-03-2024",
        "pks_tempat": "Tamiang Layang",
        "pks_mulai": "11-03-2024",
        "pks_berakhir": "10-03-2027",
        "pks_nomor_daerah": f"100.3.7/{i}/Dinkes/2024",
        "pks_penandatangan_daerah": "Rahmat Hidayat",
        "pks_jabatan_daerah": "Kepala Dinas Kesehatan",
        "pks_nomor_mitra": f"445/{i}/Dinkes/2024",
        "pks_penandatangan_mitra": "Jimmy Carter",
        "pks_jabatan_mitra": "Kepala Dinas Kesehatan Barito Timur",
    }
    data.update(ubah)
    return data
