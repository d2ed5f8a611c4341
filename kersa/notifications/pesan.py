"""The words of a reminder (Bahasa Indonesia): subject, body, in-app title and link."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from kersa.deadlines.kalender import Kalender
from kersa.deadlines.selectors import baris_tenggat

from .choices import JenisPengingat


def tautan(tenggat) -> str:
    """Where a reminder points: the KSDD page, or the Tenggat page for other clocks."""
    if tenggat.ksdd_id:
        return reverse("agreements:detail", args=[tenggat.ksdd_id])
    return reverse("deadlines:daftar")


def url_penuh(path: str) -> str:
    return settings.KERSA_BASE_URL.rstrip("/") + path


def judul(tenggat, jenis: str, baris) -> str:
    """E.g. "[P22-3] 3 hari kerja lagi: Sikap DPRD atas permohonan persetujuan"."""
    if jenis == JenisPengingat.TERLEWAT:
        keadaan = _("Tenggat terlewat")
    else:
        keadaan = baris.hitung_mundur[:1].upper() + baris.hitung_mundur[1:]
    return f"[{tenggat.rule}] {keadaan}: {baris.judul}"


def isi(tenggat, baris) -> str:
    """The body shared by the in-app notification and the e-mail."""
    baris_teks = [f"{baris.judul} ({baris.pasal})."]
    if tenggat.ksdd_id:
        baris_teks.append(
            _("KSDD: %(nomor)s — %(judul)s")
            % {"nomor": tenggat.ksdd.nomor_register, "judul": tenggat.ksdd.judul}
        )
    baris_teks.append(
        _("Peristiwa awal: %(peristiwa)s, %(tanggal)s.")
        % {"peristiwa": tenggat.peristiwa, "tanggal": baris.tanggal_peristiwa_teks}
    )
    baris_teks.append(
        _("Jatuh tempo: %(tanggal)s (%(sisa)s).")
        % {"tanggal": baris.jatuh_tempo_teks, "sisa": baris.hitung_mundur}
    )
    if baris.libur:
        baris_teks.append(
            _(
                "Tanggal itu hari libur (%(libur)s): jangka waktu dalam hari kalender tetap "
                "berakhir pada tanggal tersebut."
            )
            % {"libur": baris.libur}
        )
    if baris.penanggung:
        baris_teks.append(_("Yang harus bertindak: %(siapa)s.") % {"siapa": baris.penanggung})
    return "\n".join(baris_teks)


def surel_satu(user, item) -> tuple[str, str]:
    """(subject, body) of the e-mail of one reminder."""
    subjek = f"[KERSA] {item['judul']}"
    badan = "\n\n".join(
        [
            _("Yth. %(nama)s,") % {"nama": user.nama_tampil},
            item["isi"],
            _("Buka di KERSA: %(url)s") % {"url": url_penuh(item["tautan"])},
            _kaki(),
        ]
    )
    return subjek, badan


def surel_ringkasan(user, hari_ini: dt.date, items: list[dict]) -> tuple[str, str]:
    """(subject, body) of the daily digest listing every reminder of the day."""
    from kersa.core.format import tanggal_panjang

    subjek = _("[KERSA] Ringkasan tenggat %(tanggal)s: %(n)d pengingat") % {
        "tanggal": tanggal_panjang(hari_ini, "id"),
        "n": len(items),
    }
    bagian = [_("Yth. %(nama)s,") % {"nama": user.nama_tampil}]
    for i, item in enumerate(items, 1):
        bagian.append(f"{i}. {item['judul']}\n{item['isi']}\n{url_penuh(item['tautan'])}")
    bagian.append(_kaki())
    return subjek, "\n\n".join(bagian)


def _kaki() -> str:
    return _(
        "Pesan ini dikirim sekali oleh KERSA. Atur pengingat dan ringkasan harian di %(url)s"
    ) % {"url": url_penuh(reverse("notifications:preferensi"))}


def item_pengingat(tenggat, jenis: str, hari_ini: dt.date, kal: Kalender) -> dict:
    """The title, body and link of one reminder (in the language active now)."""
    baris = baris_tenggat(tenggat, hari_ini, kal, "id")
    return {
        "judul": judul(tenggat, jenis, baris),
        "isi": isi(tenggat, baris),
        "tautan": tautan(tenggat),
    }
