"""The words of a reminder (Bahasa Indonesia): subject, body, in-app title and link."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from kersa.core.format import tanggal_panjang
from kersa.deadlines.choices import Akibat
from kersa.deadlines.definisi import DEFINISI, penanggung_tugas
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
    elif jenis == JenisPengingat.MULAI:
        keadaan = _("Tenggat baru, %(sisa)s") % {"sisa": baris.hitung_mundur}
    else:
        keadaan = baris.hitung_mundur[:1].upper() + baris.hitung_mundur[1:]
    return f"[{tenggat.rule}] {keadaan}: {baris.judul}"


def isi(tenggat, baris, jenis: str = "") -> str:
    """The body shared by the in-app notification and the e-mail."""
    baris_teks = [f"{baris.judul} ({baris.pasal})."]
    if tenggat.ksdd_id:
        baris_teks.append(
            _("KSDD: %(nomor)s — %(judul)s")
            % {"nomor": tenggat.ksdd.nomor_register, "judul": tenggat.ksdd.judul}
        )
    baris_teks.append(
        _("Peristiwa awal: %(peristiwa)s, %(tanggal)s.")
        % {"peristiwa": tenggat.peristiwa_teks, "tanggal": baris.tanggal_peristiwa_teks}
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
    if baris.perkiraan_teks:  # RULES.md, the calendar paragraph: an estimated year
        baris_teks.append(baris.perkiraan_teks)
    if baris.ditahan_teks:
        baris_teks.append(baris.ditahan_teks)
    if baris.penanggung:
        baris_teks.append(_("Yang harus bertindak: %(siapa)s.") % {"siapa": baris.penanggung})
    # A missed clock that opens a task: what follows and who acts on it (P16-5, P16-6,
    # P18-2; deadlines.definisi ``peran_tugas``).
    definisi = DEFINISI.get(tenggat.rule)
    if (
        definisi
        and definisi.peran_tugas
        and definisi.tugas
        and jenis == JenisPengingat.TERLEWAT
        and tenggat.akibat == Akibat.BUKA_TUGAS
    ):
        baris_teks.append(
            _("Langkah berikutnya: %(tugas)s — yang bertindak: %(siapa)s.")
            % {"tugas": definisi.tugas, "siapa": penanggung_tugas(tenggat.rule)}
        )
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


def surel_ringkasan(
    user, hari_ini: dt.date, items: list[dict], kerja: list | None = None
) -> tuple[str, str]:
    """(subject, body) of the daily digest: what waits for this user's action (late
    first, with the days left; ``beranda.kotak.Pekerjaan``), then every reminder of the
    day."""

    kerja = kerja or []
    subjek = _("[KERSA] Ringkasan %(tanggal)s: %(k)d menunggu tindakan Anda, %(n)d pengingat") % {
        "tanggal": tanggal_panjang(hari_ini, "id"),
        "k": len(kerja),
        "n": len(items),
    }
    bagian = [_("Yth. %(nama)s,") % {"nama": user.nama_tampil}]
    if kerja:
        baris = [_("Menunggu tindakan Anda (yang terlambat lebih dahulu):")]
        for i, p in enumerate(kerja, 1):
            kepala = f"{i}. " + (_("TERLAMBAT") + " — " if p.terlambat else "")
            if p.ksdd is not None:
                kepala += f"{p.ksdd.nomor_register} — "
            kepala += p.judul
            if p.langkah:
                kepala += "\n   " + _("Langkah Anda: %(langkah)s") % {
                    "langkah": "; ".join(p.langkah)
                }
            for j in p.jam:
                kepala += f"\n   [{j['aturan']}] {j['hitung_mundur']} — {j['judul']}"
            if not p.jam and p.jatuh_tempo_teks:
                kepala += f"\n   {p.jatuh_tempo_teks}"
            if p.url:
                kepala += f"\n   {url_penuh(p.url)}"
            baris.append(kepala)
        bagian.append("\n".join(baris))
    if items:
        bagian.append(_("Pengingat tenggat hari ini:"))
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
        "isi": isi(tenggat, baris, jenis),
        "tautan": tautan(tenggat),
    }
