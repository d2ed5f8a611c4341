"""The dashboard's figures and its export tables, for the page and for the worker that
writes its XLSX/PDF (issue 18): one place, so the export shows what the page shows.

Operators see their own agency's KSDD only (``ksdd_visible_to``).
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import JenisNaskah, Kategori, Status
from kersa.regions.choices import JenisWilayah

from . import ekspor, statistik
from .ekspor import Tabel


def data(*, user, saring: statistik.Saring) -> dict:
    qs = statistik.ksdd_dasbor(user=user, saring=saring)
    mitra = statistik.per_mitra(qs)
    tenggat = statistik.tenggat_per_aturan(user=user, saring=saring)
    grafik = [
        statistik.per_tahap(qs),
        statistik.per_urusan(qs),
        statistik.per_bentuk(qs),
        statistik.grafik_mitra(mitra),
        statistik.per_tahun(qs),
        statistik.grafik_tenggat(tenggat),
    ]
    statistik.pasang_tautan(grafik, saring)
    return {
        "saring": saring,
        "qs": qs,
        "grafik": grafik,
        "mitra": mitra,
        "tenggat": tenggat,
        "total": grafik[0].total,
    }


def tabel(data: dict) -> list[Tabel]:
    tabel = [
        Tabel(g.judul, [_("Uraian"), _("Jumlah KSDD")], [[b.label, b.nilai] for b in g.baris])
        for g in data["grafik"][:5]
    ]
    tabel[3] = Tabel(
        data["grafik"][3].judul,
        [_("Kode"), _("Daerah mitra"), _("Jumlah KSDD"), _("Masih berjalan")],
        [
            [
                r["mitra__kode"],
                f"{JenisWilayah(r['mitra__jenis']).label} {r['mitra__nama']}",
                r["n"],
                r["aktif"],
            ]
            for r in data["mitra"]
        ],
    )
    tabel.append(
        Tabel(
            _("Tenggat menurut aturan"),
            [
                _("Aturan"),
                _("Pasal"),
                _("Kewajiban"),
                _("Terpenuhi"),
                _("Dianggap"),
                _("Terlewat"),
                _("Berjalan"),
            ],
            [
                [
                    r["rule"],
                    r["pasal"],
                    r["judul"],
                    r["terpenuhi"],
                    r["dianggap"],
                    r["terlewat"],
                    r["berjalan"],
                ]
                for r in data["tenggat"]
            ],
        )
    )
    return tabel


def _baris_register(qs):
    """The register's rows one at a time, read 500 KSDD at a time (prefetches included),
    so the XLSX of a province's register keeps memory flat (issue 18)."""
    for k in statistik.ksdd_register(qs).iterator(chunk_size=500):
        naskah = {n.jenis: n for n in k.naskah.all()}
        kb, pks = naskah.get(JenisNaskah.KB), naskah.get(JenisNaskah.PKS)
        berlaku = pks or kb
        yield [
            k.nomor_register,
            k.judul,
            k.perangkat_daerah.nama,
            [w.nama_lengkap for w in k.mitra.all()],
            str(Kategori(k.kategori).label),
            str(k.bentuk),
            [u.nama for u in k.urusan.all()],
            k.tahap_label,
            str(Status(k.status).label),
            timezone.localtime(k.dibuat_pada).date(),
            kb.tanggal_ditandatangani if kb else None,
            pks.tanggal_ditandatangani if pks else None,
            berlaku.tanggal_mulai if berlaku else None,
            berlaku.tanggal_berakhir if berlaku else None,
        ]


def tabel_register(qs) -> Tabel:
    baris = _baris_register(qs)
    return Tabel(
        _("Register KSDD"),
        [
            _("Nomor register"),
            _("Judul"),
            _("Perangkat Daerah"),
            _("Daerah mitra"),
            _("Kategori"),
            _("Bentuk"),
            _("Urusan"),
            _("Tahapan"),
            _("Status"),
            _("Dicatat"),
            _("KB ditandatangani"),
            _("PKS ditandatangani"),
            _("Berlaku mulai"),
            _("Berlaku sampai"),
        ],
        baris,
        lebar=[18, 50, 30, 30, 22, 30, 30, 26, 30, 12, 14, 14, 12, 12],
    )


def subjudul(saring: statistik.Saring) -> str:
    bagian = [_("Keadaan per %(t)s") % {"t": timezone.localdate().strftime("%d/%m/%Y")}]
    if saring.tahun:
        bagian.append(_("tahun dicatat %(t)s") % {"t": saring.tahun})
    if saring.kategori:
        bagian.append(str(Kategori(saring.kategori).label))
    return "; ".join(bagian)


def nama_berkas(saring: statistik.Saring, ext: str) -> str:
    akhiran = "".join(f"-{v}" for v in (saring.tahun, saring.kategori) if v)
    return f"dasbor-ksdd{akhiran}-{timezone.localdate():%Y%m%d}.{ext}"


def isi_berkas(*, user, saring: statistik.Saring, format: str) -> tuple[bytes, int]:
    """The export's bytes and the number of KSDD it counts. XLSX: the register (read
    500 KSDD at a time, written row by row) and the count tables; PDF: the counts."""
    d = data(user=user, saring=saring)
    if format == "pdf":
        isi = ekspor.pdf_dari_tabel(tabel(d), judul=_("Dasbor KSDD"), subjudul=subjudul(saring))
    else:
        isi = ekspor.xlsx_dari_tabel(
            [tabel_register(d["qs"]), *tabel(d)], judul_buku=_("Dasbor KSDD")
        )
    return isi, d["total"]
