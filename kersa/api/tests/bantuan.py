"""Helpers for API tests: URLs, multipart payloads, and realistic step payloads
(mirroring kersa.demo.skenario)."""

from __future__ import annotations

import datetime as dt
import json

from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from kersa.agreements.choices import KedudukanPenandatangan, KriteriaTelaah
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.regions.selectors import wilayah_daerah


def url_ksdd(ksdd=None, aksi: str | None = None) -> str:
    if ksdd is None:
        return reverse("api:ksdd-list")
    if aksi is None:
        return reverse("api:ksdd-detail", kwargs={"pk": ksdd.pk})
    return reverse(f"api:ksdd-{aksi}", kwargs={"pk": ksdd.pk})


def hari(n: int) -> dt.date:
    """``n`` days ago."""
    return timezone.localdate() - dt.timedelta(days=n)


def multipart(data: dict) -> dict:
    """A payload for ``format="multipart"``: lists and dicts as JSON strings, dates as
    ISO strings, None left out."""
    out = {}
    for k, v in data.items():
        if v is None:
            continue
        if isinstance(v, dict | list):
            out[k] = json.dumps(v, default=str)
        elif isinstance(v, dt.date):
            out[k] = v.isoformat()
        else:
            out[k] = v
    return out


def langkah(client: APIClient, ksdd, aksi: str, data: dict):
    """POST one workflow step as multipart."""
    return client.post(url_ksdd(ksdd, aksi), multipart(data), format="multipart")


# --- realistic payloads for each step (mirroring kersa.demo.skenario) ---------------


def data_ajukan_kak(ksdd) -> dict:
    return {
        "nomor": "000.3/112/Dinkes/2026",
        "tanggal_surat": hari(60),
        "surat_permohonan": unggahan_pdf("surat-permohonan.pdf"),
        "salinan_dpa": unggahan_pdf("dpa.pdf") if ksdd.dianggarkan_apbd else None,
        "izin_dprd": None if ksdd.dianggarkan_apbd else unggahan_pdf("izin-dprd.pdf"),
    }


def data_petunjuk() -> dict:
    return {
        "nomor": "000.3/045/Pem/2026",
        "tanggal": hari(58),
        "pemberi": "Sekretaris Daerah selaku Ketua TKKSD",
        "isi": "Proses rencana KSDD sesuai Perbup 23/2023.",
    }


def data_telaah(layak: bool = True) -> dict:
    return {
        "tanggal": hari(55),
        "temuan": {c: {"sesuai": True, "uraian": f"Memenuhi {c}"} for c in KriteriaTelaah.values},
        "layak": "true" if layak else "false",
        "kesimpulan": "KAK layak ditindaklanjuti dengan penawaran.",
        "tanggal_disampaikan": hari(54),
    }


def data_penawaran(ksdd) -> dict:
    return {
        "nomor": "000.3/150/Pem/2026",
        "tanggal_surat": hari(52),
        "penandatangan": "Bupati Barito Selatan",
        "penerimaan": {m.kode: hari(50).isoformat() for m in ksdd.mitra.all()},
        "surat": unggahan_pdf("surat-penawaran.pdf"),
    }


def data_tanggapan(mitra: str, keputusan: str = "diterima") -> dict:
    return {
        "mitra": mitra,
        "keputusan": keputusan,
        "nomor": "000.3/77/Pem/2026",
        "tanggal_surat": hari(38),
        "tanggal_diterima": hari(36),
        "surat": unggahan_pdf("surat-tanggapan.pdf"),
    }


def data_rancangan(
    ksdd,
    *,
    mulai: dt.date | None = None,
    tahun: int = 3,
    komparisi: dt.date | None = None,
    jenis: str = "kb",
) -> dict:
    """An agreed draft; its komparisi is dated ``komparisi`` (P11, P12: the day it is
    signed), by default the scenario's KB signing day."""
    from kersa.demo.skenario import tanggal_ttd_kb

    mulai = mulai or hari(20)
    return {
        "tentang": ksdd.judul,
        "tanggal_rapat_teknis": hari(30),
        "tanggal_disepakati": hari(25),
        "tanggal_mulai": mulai,
        "tanggal_berakhir": mulai.replace(year=mulai.year + tahun) - dt.timedelta(days=1),
        "rancangan": unggahan_naskah(
            "rancangan.docx", jenis, semua_bagian=True, komparisi=komparisi or tanggal_ttd_kb()
        ),
    }


def penandatangan(ksdd, *, kedudukan_daerah=KedudukanPenandatangan.KEPALA_DAERAH) -> list:
    rows = [
        {
            "wilayah": wilayah_daerah().kode,
            # P11, P12: the number in the title block of the sample draft being signed
            "nomor_naskah": "100.3.7/12/Pem/2026"
            if ksdd.naskah.filter(jenis="pks").exists()
            else "100.3.6/08/Pem/2026",
            "nama": "Eddy Raya Samsuri",
            "jabatan": "Bupati Barito Selatan",
            "kedudukan": kedudukan_daerah,
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


def data_tandatangani(ksdd, tanggal: dt.date) -> dict:
    return {
        "tanggal": tanggal,
        "tempat": "Buntok",
        "penandatangan": penandatangan(ksdd),
        "naskah": unggahan_pdf("naskah-ttd.pdf"),
    }
