"""The parties, recitals and articles of a Kesepakatan Bersama, PKS or addendum, as the
Lampiran prints them (P11-3, P12-5), read from the KSDD record."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from kersa.agreements import rules
from kersa.agreements.choices import JenisNaskah, KedudukanPenandatangan, Pemrakarsa
from kersa.core.format import rangkap, tanggal_kata, tanggal_surat, urutan_pihak
from kersa.core.regulasi import PERBUP, PP_KSD
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import kepala_daerah_pada, wilayah_daerah

from ..choices import JenisDokumen
from ..naskah import Fakta, Pasal, isian_teks, pasal_naskah
from .lambang import lambang_garuda, lambang_wilayah

REGULASI = PERBUP  # the full title, from one constant (kersa.core.regulasi)

# --- the parties ----------------------------------------------------------------------


@dataclass
class Pihak:
    """One party of a KB or PKS as the Lampiran prints it (P11-3, P12-5)."""

    urutan: int
    wilayah: Wilayah
    nomor_naskah: str
    nama: str
    jabatan: str
    dasar: str
    kedudukan: str
    alamat: str = ""
    masa_jabatan: str = ""
    perangkat_daerah: str = ""
    pemrakarsa: bool = False
    lambang: bytes = field(default=b"", repr=False)

    @property
    def sebutan(self) -> str:
        return f"PIHAK {urutan_pihak(self.urutan)}"

    @property
    def pemerintah(self) -> str:
        return f"Pemerintah {self.wilayah.nama_lengkap}"

    @property
    def komparisi(self) -> str:
        alamat = f", {self.alamat}" if self.alamat else ""
        masa = f", Masa Jabatan {self.masa_jabatan}" if self.masa_jabatan else ""
        return (
            f"{self.nama}, {self.jabatan}, berdasarkan {self.dasar}{masa}, berkedudukan di "
            f"{self.kedudukan}{alamat}, dalam hal ini bertindak untuk dan atas nama "
            f"{self.pemerintah}, selanjutnya disebut {self.sebutan}."
        )

    def as_dict(self) -> dict:
        return {
            "urutan": self.urutan,
            "romawi": _ROMAWI[self.urutan - 1] if self.urutan <= len(_ROMAWI) else self.urutan,
            "sebutan": self.sebutan,
            "pemerintah": self.pemerintah,
            "pemerintah_kapital": self.pemerintah.upper(),
            "nomor_naskah": self.nomor_naskah,
            "nama": self.nama,
            "nama_kapital": self.nama.upper() if not self.nama.startswith("[") else self.nama,
            "jabatan": self.jabatan,
            "jabatan_kapital": self.jabatan.upper(),
            "komparisi": self.komparisi,
            "kode": self.wilayah.kode,
            # the Lampiran's "bermeterai cukup": the meterai's place in the signing space
            "meterai": "Meterai",
        }


_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_TTD_KOSONG = {
    "sebutan": "",
    "jabatan_kapital": "",
    "nama_kapital": "",
    "ttd": "",
    "nama": "",
    "jabatan": "",
    "meterai": "",
}


def _daftar(kata: list[str]) -> str:
    """['A', 'B', 'C'] → 'A, B dan C'."""
    return kata[0] if len(kata) == 1 else ", ".join(kata[:-1]) + " dan " + kata[-1]


def _kedudukan_daerah() -> str:
    return settings.KERSA_KEDUDUKAN_DAERAH


def _dasar_kepala(wilayah: Wilayah, jabatan: str, kepala=None) -> str:
    """The basis on which a head of region acts: the decree that appointed them (from
    ``regions.KepalaDaerah`` when recorded, otherwise a blank to fill in Word)."""
    pejabat = "Presiden" if wilayah.jenis == "provinsi" else "Menteri Dalam Negeri"
    if kepala is not None:
        return (
            f"Keputusan {pejabat} Republik Indonesia Nomor {kepala.nomor_keputusan} tanggal "
            f"{tanggal_surat(kepala.tanggal_keputusan)} tentang Pengangkatan {kepala.jabatan}"
        )
    return (
        f"Keputusan {pejabat} Republik Indonesia Nomor {isian_teks('nomor keputusan')} "
        f"tentang Pengangkatan {jabatan}"
    )


def _dasar_kuasa(sk, home: Wilayah) -> str:
    return (
        f"Surat Kuasa Khusus {home.sebutan_kepala} {home.nama} Nomor {sk.nomor} "
        f"tanggal {tanggal_surat(sk.tanggal)}"
    )


def _dasar_kuasa_mitra(t) -> str:
    """P24-2: a partner's official who is not its head signs under the partner's own
    Surat Kuasa, recorded at the signing (number and date)."""
    w = t.wilayah
    return (
        f"Surat Kuasa {w.sebutan_kepala} {w.nama} Nomor {t.nomor_surat_kuasa_mitra} "
        f"tanggal {tanggal_surat(t.tanggal_surat_kuasa_mitra)}"
    )


def _dasar_tertanda(t, home: Wilayah, tanggal) -> str:
    """The basis on which one recorded signer acts: the Bupati's Surat Kuasa, the
    partner's own Surat Kuasa, or the decree appointing the head of region."""
    if t.kedudukan == KedudukanPenandatangan.PEJABAT_KUASA:
        if t.surat_kuasa:
            return _dasar_kuasa(t.surat_kuasa, home)
        if t.nomor_surat_kuasa_mitra and t.tanggal_surat_kuasa_mitra:
            return _dasar_kuasa_mitra(t)
    return _dasar_kepala(t.wilayah, t.jabatan, kepala_daerah_pada(t.wilayah, tanggal))


def _masa_jabatan(kepala) -> str:
    """P11-3: the term of office the KB komparisi prints after the decree (Lampiran A:
    "… tentang pengangkatan Bupati … Masa Jabatan …")."""
    if kepala is None:
        return isian_teks("masa jabatan")
    if kepala.selesai:
        return f"{kepala.mulai.year}–{kepala.selesai.year}"
    return f"sejak {tanggal_surat(kepala.mulai)}"


def _kedudukan(wilayah: Wilayah, home: Wilayah) -> str:
    if wilayah.kode == home.kode:
        return _kedudukan_daerah()
    return wilayah.ibu_kota or isian_teks("kedudukan")


def _kepala(wilayah: Wilayah, tanggal) -> tuple[str, str, str]:
    """(name, office, basis) of the head of ``wilayah`` on ``tanggal``: from
    ``regions.KepalaDaerah`` when recorded, blanks to fill otherwise."""
    kepala = kepala_daerah_pada(wilayah, tanggal)
    if kepala is None:
        jabatan = f"{wilayah.sebutan_kepala} {wilayah.nama}"
        return isian_teks("nama tanpa gelar"), jabatan, _dasar_kepala(wilayah, jabatan)
    return kepala.nama, kepala.jabatan, _dasar_kepala(wilayah, kepala.jabatan, kepala)


def _pihak_daftar(
    ksdd, naskah, *, pks: bool, isian: dict, nomor_daerah: str, tanggal
) -> list[Pihak]:
    home = wilayah_daerah()
    pemrakarsa = home.kode if ksdd.pemrakarsa == Pemrakarsa.DAERAH else ksdd.pemrakarsa_mitra_id
    ubah = isian.get("pihak", {})
    hasil: list[Pihak] = []
    tertanda = list(naskah.penandatangan.select_related("wilayah", "surat_kuasa")) if naskah else []
    if tertanda:
        for t in tertanda:
            dasar = _dasar_tertanda(t, home, tanggal)
            nama, jabatan, masa = t.nama, t.jabatan, ""
            if t.kedudukan == KedudukanPenandatangan.KEPALA_DAERAH:
                # P20-3, P24-1: a head of region prints as recorded (name and office), never
                # as typed at signing; the signing service refused a differing name.
                kepala = kepala_daerah_pada(t.wilayah, tanggal)
                if kepala is not None:
                    nama, jabatan = kepala.nama, kepala.jabatan
                masa = _masa_jabatan(kepala)
            hasil.append(
                Pihak(
                    urutan=t.urutan,
                    wilayah=t.wilayah,
                    nomor_naskah=t.nomor_naskah,
                    nama=nama,
                    jabatan=jabatan,
                    dasar=dasar,
                    kedudukan=_kedudukan(t.wilayah, home),
                    masa_jabatan=masa if not pks else "",
                )
            )
    else:
        sk = None
        if pks:
            sk = ksdd.surat_kuasa.filter(dicabut=False).order_by("-tanggal", "-id").first()
        masa = ""
        if sk:
            nama, jabatan, dasar = sk.penerima_nama, sk.penerima_jabatan, _dasar_kuasa(sk, home)
        else:
            nama, jabatan, dasar = _kepala(home, tanggal)
            masa = _masa_jabatan(kepala_daerah_pada(home, tanggal))
        hasil.append(
            Pihak(
                1,
                home,
                nomor_daerah,
                nama,
                jabatan,
                dasar,
                kedudukan=_kedudukan_daerah(),
                masa_jabatan=masa if not pks else "",
            )
        )
        for i, m in enumerate(ksdd.mitra.order_by("kode"), start=2):
            nama, jabatan, dasar = _kepala(m, tanggal)
            hasil.append(
                Pihak(
                    urutan=i,
                    wilayah=m,
                    nomor_naskah=isian_teks("nomor"),
                    nama=nama,
                    jabatan=jabatan,
                    dasar=dasar,
                    kedudukan=_kedudukan(m, home),
                    masa_jabatan="" if pks else _masa_jabatan(kepala_daerah_pada(m, tanggal)),
                )
            )
    for p in hasil:
        p.pemrakarsa = p.wilayah.kode == pemrakarsa
        if p.wilayah.kode == home.kode:
            p.perangkat_daerah = ksdd.perangkat_daerah.nama
            p.alamat = ksdd.perangkat_daerah.alamat
            if not p.nomor_naskah:
                p.nomor_naskah = nomor_daerah
        for attr, nilai in ubah.get(p.wilayah.kode, {}).items():
            setattr(p, attr, nilai)
        p.lambang = lambang_wilayah(p.wilayah)
    return hasil


def _baris_judul(judul: str, pihak: list[Pihak], tentang: str) -> list[str]:
    baris = [judul, "ANTARA"]
    for i, p in enumerate(pihak):
        if i and i == len(pihak) - 1:
            baris.append("DAN")
        koma = "," if i < len(pihak) - 2 else ""
        baris.append(p.pemerintah.upper() + koma)
    return [*baris, "TENTANG", tentang.upper()]


def _baris_ttd(pihak: list[Pihak]) -> list[dict]:
    """Signature blocks two by two: PIHAK KEDUA left and PIHAK KESATU right (as in the
    Lampiran), then the further parties."""
    if not pihak:
        return []
    kanan, lain = pihak[0], pihak[1:]
    blok = [p.as_dict() for p in lain]
    baris = [{"kiri": blok[0] if blok else _TTD_KOSONG, "kanan": kanan.as_dict()}]
    sisa = blok[1:]
    for i in range(0, len(sisa), 2):
        pasangan = sisa[i : i + 2] + [_TTD_KOSONG]
        baris.append({"kiri": pasangan[0], "kanan": pasangan[1]})
    return baris


def _fakta(ksdd, naskah, pihak, sebutan: str, kb) -> Fakta:
    kak = getattr(ksdd, "kak", None)
    mulai = naskah.tanggal_mulai if naskah else ksdd.rencana_mulai
    berakhir = naskah.tanggal_berakhir if naskah else None
    return Fakta(
        sebutan=sebutan,
        judul=ksdd.judul,
        pihak=pihak,
        urusan=[u.nama for u in ksdd.urusan.all()],
        maksud_tujuan=kak.maksud_tujuan if kak else "",
        obyek_ruang_lingkup=kak.obyek_ruang_lingkup if kak else "",
        lokasi=ksdd.lokasi,
        perangkat_daerah=ksdd.perangkat_daerah.nama,
        mulai=mulai,
        berakhir=berakhir,
        jangka_waktu_bulan=ksdd.jangka_waktu_bulan,
        nilai_anggaran=ksdd.nilai_anggaran,
        sumber_dana=ksdd.sumber_dana,
        pembiayaan_kak=kak.pembiayaan if kak else "",
        dasar_pembayaran=ksdd.dasar_pembayaran,
        objek_pertukaran=ksdd.objek_pertukaran,
        pembayar=ksdd.pembayar.nama_lengkap if ksdd.pembayar_id else "",
        penerima_pembayaran=ksdd.penerima_pembayaran.nama_lengkap
        if ksdd.penerima_pembayaran_id
        else "",
        kb_nomor=(kb.penandatangan.order_by("urutan").first().nomor_naskah if kb else ""),
        kb_tanggal=kb.tanggal_ditandatangani if kb else None,
    )


def _konsideran(ksdd, pihak: list[Pihak], *, pks: bool, fakta: Fakta) -> list[str]:
    sebutan = _daftar([p.sebutan for p in pihak])
    butir = [
        f"bahwa {sebutan} adalah daerah otonom yang berwenang mengatur dan mengurus urusan "
        "pemerintahan sesuai Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
        f"bahwa sesuai {PP_KSD}, daerah dapat bekerja sama dengan daerah lain untuk "
        "meningkatkan kesejahteraan masyarakat;",
    ]
    # The Perbup binds Barito Selatan only: it is cited for the home party, never as the
    # partner's basis.
    home = next((p for p in pihak if p.wilayah.adalah_daerah), None)
    if home is not None:
        butir.append(
            f"bahwa bagi {home.sebutan}, kerja sama daerah dilaksanakan dengan berpedoman pada "
            f"{REGULASI};"
        )
    if ksdd.eksternalitas.strip():
        teks = ksdd.eksternalitas.strip().rstrip(".")
        butir.append(f"bahwa {teks[:1].lower()}{teks[1:]};")
    if pks:
        if fakta.kb_nomor:
            tanggal = f" tanggal {tanggal_surat(fakta.kb_tanggal)}" if fakta.kb_tanggal else ""
            butir.append(
                f"bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor "
                f"{fakta.kb_nomor}{tanggal} yang ditindaklanjuti dengan Perjanjian Kerja Sama;"
            )
        else:
            butir.append(
                "bahwa Perjanjian Kerja Sama ini menindaklanjuti Kesepakatan Bersama Nomor "
                f"{isian_teks('nomor Kesepakatan Bersama')};"
            )
        butir += _konsideran_dprd(ksdd)
    return butir


def _konsideran_dprd(ksdd) -> list[str]:
    """P22-2, P22-3: a PKS that needed the DPRD's approval cites it (its number and date,
    or the approval deemed given when the DPRD did not answer in time)."""
    ps = ksdd.persetujuan_dprd.order_by("-tanggal", "-id").first()
    if ps is None:
        return []
    dprd = f"Dewan Perwakilan Rakyat Daerah {wilayah_daerah().nama_lengkap}"
    if ps.dianggap:
        return [
            f"bahwa rencana kerja sama ini dianggap telah mendapat persetujuan {dprd} "
            f"terhitung sejak tanggal {tanggal_surat(ps.tanggal)} karena tidak ditanggapi "
            "dalam jangka waktu yang ditentukan;"
        ]
    nomor = f" Nomor {ps.nomor}" if ps.nomor else ""
    return [
        f"bahwa rencana kerja sama ini telah mendapat persetujuan {dprd} dengan surat"
        f"{nomor} tanggal {tanggal_surat(ps.tanggal)};"
    ]


def _naskah_konteks(ksdd, jenis: str, *, isian: dict, nomor: str, tanggal) -> dict:
    pks = jenis in (JenisDokumen.PKS, JenisDokumen.ADDENDUM)
    jenis_naskah = JenisNaskah.PKS if pks else JenisNaskah.KB
    naskah = (
        ksdd.naskah.filter(jenis=jenis_naskah).prefetch_related("penandatangan__wilayah").first()
    )
    kb = ksdd.naskah.filter(jenis=JenisNaskah.KB).first() if pks else None
    pada = tanggal or (naskah and naskah.tanggal_ditandatangani) or timezone.localdate()
    pihak = _pihak_daftar(ksdd, naskah, pks=pks, isian=isian, nomor_daerah=nomor, tanggal=pada)
    sebutan = "Perjanjian Kerja Sama" if pks else "Kesepakatan Bersama"
    judul = {
        JenisDokumen.KB: "KESEPAKATAN BERSAMA",
        JenisDokumen.PKS: "PERJANJIAN KERJA SAMA",
        JenisDokumen.ADDENDUM: "ADDENDUM PERJANJIAN KERJA SAMA",
    }[jenis]
    tentang = (naskah.tentang if naskah else "") or ksdd.judul
    addendum = jenis == JenisDokumen.ADDENDUM
    if tanggal is None and naskah and naskah.tanggal_ditandatangani and not addendum:
        tanggal = naskah.tanggal_ditandatangani
    fakta = _fakta(ksdd, naskah, pihak, sebutan, kb)
    konsideran = isian.get("konsideran") or _konsideran(ksdd, pihak, pks=pks, fakta=fakta)
    if addendum:
        # The addendum has its own numbers; it amends the signed PKS (P25-3, P25-4).
        pks_nomor = pihak[0].nomor_naskah if naskah and naskah.sudah_ditandatangani else ""
        for p in pihak:
            p.nomor_naskah = nomor if p.wilayah.adalah_daerah else isian_teks("nomor")
        pasal = _pasal_addendum(fakta, isian)
        konsideran = [
            *konsideran[:2],
            "bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama Nomor "
            f"{pks_nomor or isian_teks('nomor PKS')}"
            + (f" tanggal {tanggal_surat(naskah.tanggal_ditandatangani)}" if pks_nomor else "")
            + f" tentang {tentang};",
            "bahwa berdasarkan hasil evaluasi pelaksanaan kerja sama, PARA PIHAK sepakat "
            "melakukan perubahan atas materi Perjanjian Kerja Sama tersebut dengan addendum;",
        ]
    else:
        pasal = pasal_naskah(fakta, pks=pks, isian=isian.get("pasal"))
    jumlah = (naskah.jumlah_rangkap if naskah else None) or rules.jumlah_rangkap(len(pihak))
    tempat = (naskah.tempat_penandatanganan if naskah else "") or isian.get("tempat") or ""
    tempat = tempat or isian_teks("tempat")
    sebutan_pihak = _daftar([p.sebutan for p in pihak])
    kanan = next((p for p in pihak if p.pemrakarsa), pihak[0])
    return {
        "naskah": True,
        "judul": judul,
        "sebutan": sebutan,
        "baris_judul": _baris_judul(judul, pihak, tentang),
        "pihak": [p.as_dict() for p in pihak],
        "pembuka": tanggal_kata(tanggal).kalimat + ", kami yang bertandatangan di bawah ini:",
        "para_pihak": (
            f"{sebutan_pihak} selanjutnya secara bersama-sama dalam {sebutan} ini disebut "
            "PARA PIHAK, dan secara sendiri-sendiri disebut PIHAK."
        ),
        "konsideran": konsideran,
        "sepakat": (
            "Berdasarkan hal-hal tersebut di atas, sesuai dengan kedudukan dan kewenangan "
            f"masing-masing, PARA PIHAK setuju dan sepakat untuk melaksanakan {sebutan}, "
            "dengan ketentuan dan syarat-syarat sebagai berikut:"
        ),
        "pasal": [{"nomor": p.nomor, "judul": p.judul, "baris": p.baris} for p in pasal],
        "penutup": (
            f"Demikian {sebutan} ini dibuat dan ditandatangani di {tempat} pada hari dan "
            f"tanggal tersebut di atas dalam {rangkap(jumlah)} bermaterai cukup, "
            "masing-masing mempunyai kekuatan hukum yang sama."
        ),
        "jumlah_rangkap": jumlah,
        "ttd_baris": _baris_ttd(pihak),
        # P20-4, P24-4: the extra original carries the paraf hierarki box (the heading
        # prints only on that copy: ``isian["rangkap_paraf"]``)
        "rangkap_paraf": RANGKAP_PARAF_JUDUL[jenis] if isian.get("rangkap_paraf") else "",
        "paraf_hierarki": [{"jabatan": j} for j in paraf_hierarki(ksdd)],
        # emblems as bytes; services.hasilkan makes them images of the document
        "lambang_garuda": lambang_garuda() if jenis == JenisDokumen.KB else None,
        "lambang_kanan": kanan.lambang if pks else None,
        "lambang_kiri": [p.lambang for p in pihak if p is not kanan] if pks else [],
    }


# P20-4 (KB), P24-4 (PKS; the addendum is a PKS's own text): the heading of the box.
RANGKAP_PARAF_JUDUL = {
    JenisDokumen.KB: "PARAF HIERARKI (naskah asli tambahan, Pasal 20 ayat (4))",
    JenisDokumen.PKS: "PARAF HIERARKI (naskah asli tambahan, Pasal 24 ayat (4))",
    JenisDokumen.ADDENDUM: "PARAF HIERARKI (naskah asli tambahan, Pasal 24 ayat (4))",
}


def paraf_hierarki(ksdd) -> list[str]:
    """The offices that initial the extra original, from the top (P20-4, P24-4): the
    setting ``KERSA_PARAF_HIERARKI`` when set, else from the record — the Sekretaris
    Daerah (Ketua TKKSD), the Asisten who oversees cooperation (Wakil Ketua), the head
    of the legal section, the head of the section that handles cooperation (Sekretaris
    TKKSD) and the head of the agency running the KSDD."""
    tetap = getattr(settings, "KERSA_PARAF_HIERARKI", None)
    if tetap:
        return list(tetap)

    pd = ksdd.perangkat_daerah
    kerja_sama = PerangkatDaerah.objects.filter(membidangi_kerja_sama=True, aktif=True).first()
    hukum = PerangkatDaerah.objects.filter(nama__istartswith="Bagian Hukum", aktif=True).first()
    daftar = [
        "Sekretaris Daerah",
        "Asisten yang membidangi kerja sama",
        (hukum.kepala_jabatan or f"Kepala {hukum.nama}") if hukum else "Kepala Bagian Hukum",
        (kerja_sama.kepala_jabatan or f"Kepala {kerja_sama.nama}")
        if kerja_sama
        else "Kepala Bagian yang membidangi kerja sama",
        pd.kepala_jabatan or f"Kepala {pd.nama}",
    ]
    hasil: list[str] = []
    for j in daftar:
        if j.casefold() not in {h.casefold() for h in hasil}:
            hasil.append(j)
    return hasil


def _pasal_addendum(fakta: Fakta, isian: dict):

    ubah = isian.get("perubahan") or [
        f"Ketentuan Pasal {isian_teks('nomor pasal')} Perjanjian Kerja Sama diubah sehingga "
        f"berbunyi: {isian_teks('bunyi perubahan')}."
    ]
    ubah = [ubah] if isinstance(ubah, str) else list(ubah)
    return [
        Pasal(1, "perubahan", "PERUBAHAN", ubah),
        Pasal(
            2,
            "lain_lain",
            "KETENTUAN LAIN",
            [
                "Ketentuan lain dalam Perjanjian Kerja Sama yang tidak diubah dalam Addendum "
                "ini dinyatakan tetap berlaku.",
                "Addendum ini merupakan bagian yang tidak terpisahkan dari Perjanjian Kerja "
                "Sama dan berlaku sejak tanggal ditandatangani.",
            ],
        ),
    ]
