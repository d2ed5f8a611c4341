"""Writes for documents and their versions (Pasal 26; P26): every version immutable,
numbered under a lock, with who, when, checksum and file. Amendments of a PKS are
its versions (Pasal 25 ayat 3–7; P25-3…7)."""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from kersa.agreements.choices import Status
from kersa.agreements.models import PersetujuanDprdPerubahan
from kersa.agreements.selectors import ksdd_dapat_dilihat
from kersa.core.errors import Pelanggaran, RuleViolation

from ..choices import AsalVersi, JenisBerkas, JenisDokumen
from ..models import Dokumen, VersiDokumen
from ..validators import periksa_berkas
from .berkas import atomic_dengan_berkas, berkas_unggah

__all__ = [
    "boleh_tambah_versi",
    "dokumen_buat",
    "dokumen_naskah",
    "versi_dari_berkas",
    "versi_tambah",
]

_BERKAS = {
    (JenisDokumen.KB, AsalVersi.DITANDATANGANI): JenisBerkas.KB_DITANDATANGANI,
    (JenisDokumen.PKS, AsalVersi.DITANDATANGANI): JenisBerkas.PKS_DITANDATANGANI,
    (JenisDokumen.ADDENDUM, AsalVersi.DITANDATANGANI): JenisBerkas.PKS_DITANDATANGANI,
}
_RANCANGAN = {
    JenisDokumen.KB: JenisBerkas.RANCANGAN_KB,
    JenisDokumen.PKS: JenisBerkas.RANCANGAN_PKS,
    JenisDokumen.ADDENDUM: JenisBerkas.RANCANGAN_PKS,
}


def boleh_tambah_versi(user, ksdd) -> bool:
    """Who may add a version: whoever may change KSDD records and sees this one."""

    if user is None:
        return True
    if ksdd is None:
        return user.has_perm("agreements.lihat_semua_ksdd") and user.has_perm(
            "agreements.change_ksdd"
        )
    return user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, ksdd)


def dokumen_buat(*, ksdd, jenis: str, judul: str, user, mitra=None) -> Dokumen:
    """A new document of a KSDD, without versions yet (Pasal 26)."""
    if not boleh_tambah_versi(user, ksdd):
        raise PermissionDenied(_("Anda tidak berwenang menambah dokumen pada KSDD ini."))
    if not judul.strip():
        raise RuleViolation(Pelanggaran("P26", _("Isi judul dokumen."), field="judul"))
    return Dokumen.objects.create(
        ksdd=ksdd, jenis=jenis, judul=judul.strip(), mitra=mitra, dibuat_oleh=user
    )


def dokumen_naskah(*, ksdd, jenis: str, user) -> Dokumen:
    """The KSDD's KB or PKS document (the first of its kind), created when missing."""
    dok = Dokumen.objects.filter(ksdd=ksdd, jenis=jenis).order_by("id").first()
    if dok is not None:
        return dok
    label = JenisDokumen(jenis).label
    return Dokumen.objects.create(
        ksdd=ksdd, jenis=jenis, judul=f"{label}: {ksdd.judul}"[:300], dibuat_oleh=user
    )


def _cek_perubahan(dokumen: Dokumen, *, menambah_beban: bool, persetujuan_perubahan):
    """P25-3: amendments only during pelaksanaan, and only of a PKS; P25-7: one that adds
    a burden to the public needs DPRD approval first, returned here (else None)."""

    ksdd = dokumen.ksdd
    if dokumen.jenis not in (JenisDokumen.PKS, JenisDokumen.ADDENDUM):
        raise RuleViolation(
            Pelanggaran(
                "P25-3",
                _("Perubahan (addendum) hanya dapat dibuat atas PKS (Pasal 25 ayat 3–4)."),
                field="asal",
            )
        )
    if ksdd is None or ksdd.status != Status.PELAKSANAAN:
        raise RuleViolation(
            Pelanggaran(
                "P25-3",
                _(
                    "Perubahan atas materi PKS hanya dapat dilakukan dalam tahap pelaksanaan "
                    "KSDD (Pasal 25 ayat 3)."
                ),
                field="asal",
            )
        )
    if menambah_beban:
        return _persetujuan_perubahan(ksdd, persetujuan_perubahan)
    return None


def _persetujuan_perubahan(ksdd, pilihan):
    """P25-7: the DPRD approval of this amendment, a record of its own (number, date,
    signatory, scan; ``agreements.PersetujuanDprdPerubahan``) recorded before the
    amendment and not yet used by another amendment version. ``pilihan`` names one
    (record or id); otherwise the earliest unused one is taken."""

    bebas = PersetujuanDprdPerubahan.objects.select_for_update(of=("self",)).filter(
        ksdd=ksdd, versi__isnull=True
    )
    if pilihan not in (None, ""):
        pk = getattr(pilihan, "pk", pilihan)
        found = bebas.filter(pk=pk).first()
        if found is None:
            raise RuleViolation(
                Pelanggaran(
                    "P25-7",
                    _(
                        "Persetujuan DPRD atas perubahan yang dipilih tidak ada pada KSDD ini "
                        "atau sudah dipakai untuk perubahan lain (Pasal 25 ayat 7)."
                    ),
                    field="persetujuan_perubahan",
                )
            )
        return found
    found = bebas.order_by("tanggal", "id").first()
    if found is None:
        raise RuleViolation(
            Pelanggaran(
                "P25-7",
                _(
                    "Perubahan materi PKS yang menambah beban kepada masyarakat harus "
                    "mendapat persetujuan DPRD terlebih dahulu (Pasal 25 ayat 7); catat "
                    "Persetujuan DPRD atas perubahan ini (nomor, tanggal, penandatangan dan "
                    "pindaian surat) sebelum mengunggah perubahannya."
                ),
                field="persetujuan_perubahan",
            )
        )
    return found


def _versi_baru(
    *, dok: Dokumen, berkas, asal, user, catatan, terakhir, persetujuan=None
) -> VersiDokumen:
    return VersiDokumen.objects.create(
        dokumen=dok,
        nomor=(terakhir.nomor + 1) if terakhir else 1,
        asal=asal,
        berkas=berkas,
        catatan=catatan.strip(),
        persetujuan_dprd_perubahan=persetujuan,
        dibuat_oleh=user,
    )


def _terakhir(dok: Dokumen) -> VersiDokumen | None:
    return dok.versi.select_related("berkas").order_by("-nomor").first()


def versi_tambah(
    *,
    dokumen: Dokumen,
    asal: str,
    user,
    upload=None,
    data: bytes | None = None,
    nama: str | None = None,
    catatan: str = "",
    menambah_beban: bool = False,
    persetujuan_perubahan=None,
) -> VersiDokumen:
    """Add the next version of ``dokumen`` from an upload (or ``data`` + ``nama``).

    The file is checked by content (``berkas_unggah``); the number is the next one under
    a lock on the Dokumen row. A file identical (same SHA-256) to the latest version is
    refused when it comes from the same source; the same file with another source (the
    partner's draft accepted as is: ``disepakati``) becomes a new version of the same
    stored file. Nothing is ever updated or deleted: a correction is a new version.

    An amendment (``asal`` perubahan) that adds a burden (``menambah_beban``) rests on a
    recorded DPRD approval of it (P25-7; ``persetujuan_perubahan`` names one, else the
    earliest unused one of the KSDD is taken), which the new version points to.
    """
    ukuran = None
    if upload is not None:
        data = upload.read()
        nama = getattr(upload, "name", "") or "berkas"
        ukuran = getattr(upload, "size", None)
    if data is None:
        raise RuleViolation(Pelanggaran("P26", _("Pilih berkas versi."), field="berkas"))
    nama = nama or "berkas"
    if asal not in AsalVersi.values:
        raise RuleViolation(Pelanggaran("P26", _("Asal versi tidak dikenal."), field="asal"))
    if asal == AsalVersi.RANCANGAN_DPRD:
        raise RuleViolation(
            Pelanggaran(
                "P22-2",
                _(
                    "Rancangan PKS yang dimohonkan persetujuan DPRD disimpan pada tahap "
                    "permohonan Persetujuan DPRD, tidak diunggah tersendiri (Pasal 22 ayat 1 "
                    "huruf a dan ayat 2)."
                ),
                field="asal",
            )
        )
    with atomic_dengan_berkas():
        dok = (
            Dokumen.objects.select_for_update(of=("self",))
            .select_related("ksdd")
            .get(pk=dokumen.pk)
        )
        if not boleh_tambah_versi(user, dok.ksdd):
            raise PermissionDenied(_("Anda tidak berwenang menambah versi dokumen ini."))
        persetujuan = None
        if asal == AsalVersi.PERUBAHAN:
            persetujuan = _cek_perubahan(
                dok, menambah_beban=menambah_beban, persetujuan_perubahan=persetujuan_perubahan
            )
        periksa_berkas(nama, data, ukuran)  # a bad file is refused before anything else
        sha = hashlib.sha256(data).hexdigest()
        terakhir = _terakhir(dok)
        if terakhir is not None and terakhir.berkas.sha256 == sha:
            if terakhir.asal == asal:
                raise RuleViolation(
                    Pelanggaran(
                        "P26",
                        _(
                            "Berkas ini sama persis dengan versi %(n)d (SHA-256 %(sha)s…); "
                            "versi baru tidak dibuat."
                        )
                        % {"n": terakhir.nomor, "sha": sha[:12]},
                        field="berkas",
                    )
                )
            berkas = terakhir.berkas
        else:
            jenis = _BERKAS.get((dok.jenis, asal)) or _RANCANGAN.get(dok.jenis, JenisBerkas.LAINNYA)
            berkas = berkas_unggah(
                ksdd=dok.ksdd, jenis=jenis, upload=ContentFile(data, name=nama), user=user
            )
        if persetujuan is not None:
            catatan = (catatan + "\n" if catatan else "") + _(
                "Persetujuan DPRD atas perubahan: %(n)s tanggal %(t)s, ditandatangani "
                "%(nama)s (%(jabatan)s) (Pasal 25 ayat 7)."
            ) % {
                "n": persetujuan.nomor,
                "t": persetujuan.tanggal.strftime("%d-%m-%Y"),
                "nama": persetujuan.penandatangan_nama,
                "jabatan": persetujuan.penandatangan_jabatan,
            }
        return _versi_baru(
            dok=dok,
            berkas=berkas,
            asal=asal,
            user=user,
            catatan=catatan,
            terakhir=terakhir,
            persetujuan=persetujuan,
        )


def versi_dari_berkas(*, dokumen: Dokumen, berkas, asal: str, user, catatan: str = ""):
    """Record a file already stored by a workflow step (e.g. the agreed draft of
    ``sepakati_rancangan_kb``) as the next version; nothing new when the latest version
    is already this file from the same source."""
    with atomic_dengan_berkas():
        dok = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
        terakhir = _terakhir(dok)
        if terakhir and (terakhir.berkas.sha256, terakhir.asal) == (berkas.sha256, asal):
            return terakhir
        return _versi_baru(
            dok=dok, berkas=berkas, asal=asal, user=user, catatan=catatan, terakhir=terakhir
        )
