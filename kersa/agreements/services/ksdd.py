"""The KSDD record: create, edit, KAK, funding assistance, Surat Kuasa, and the ends (akhiri, batalkan)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kersa.core.errors import ConflictError, Pelanggaran, RuleViolation, tolak_jika
from kersa.core.roles import Peran
from kersa.documents.choices import JenisBerkas
from kersa.documents.services import atomic_dengan_berkas, berkas_unggah
from kersa.regions.models import PerangkatDaerah, Wilayah

from .. import rules
from ..choices import (
    Pemrakarsa,
    Status,
)
from ..langkah import langkah
from ..models import (
    BantuanPendanaan,
    Kak,
    Ksdd,
    RiwayatTahap,
    SuratKuasa,
)
from ..selectors import ksdd_dapat_dilihat
from .umum import (
    _FIELD_IDENTITAS,
    FIELD_KSDD,
    FIELD_M2M,
    _aturan_data,
    _cek_pd,
    _nomor_register,
    _riwayat,
    _tanggal_lampau,
    rencana_dari_butir,
)

# --- the record ------------------------------------------------------------------------


def ksdd_create(
    *,
    user,
    judul: str,
    perangkat_daerah: PerangkatDaerah,
    kategori: str,
    bentuk,
    mitra: Sequence[Wilayah],
    urusan: Iterable = (),
    tujuan: Iterable = (),
    **fields,
) -> Ksdd:
    """Register a new KSDD in persiapan with an empty KAK. A KSDD a partner initiates
    starts at its offer (P17-1…3): the first step is recording the partner's letter
    and its KAK; our agency writes no KAK of its own first."""
    if not user.has_perm("agreements.add_ksdd"):
        raise PermissionDenied(_("Anda tidak berwenang mencatat KSDD baru."))
    _cek_pd(user, perangkat_daerah)
    unknown = set(fields) - FIELD_KSDD
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    fields = rencana_dari_butir(fields)
    data = {"kategori": kategori, **fields}
    mitra = list(mitra)
    tolak_jika(_aturan_data(data, mitra))
    for attempt in range(3):
        try:
            with transaction.atomic():
                mitra_memprakarsai = fields.get("pemrakarsa") == Pemrakarsa.MITRA
                if mitra_memprakarsai:
                    # P17-1…3: the partner's offer is the first step.
                    fields["status"] = Status.MENYIAPKAN_PENAWARAN
                ksdd = Ksdd.objects.create(
                    nomor_register=_nomor_register(),
                    judul=judul,
                    perangkat_daerah=perangkat_daerah,
                    kategori=kategori,
                    bentuk=bentuk,
                    dibuat_oleh=user,
                    **fields,
                )
                ksdd.mitra.set(mitra)
                ksdd.urusan.set(list(urusan))
                ksdd.tujuan.set(list(tujuan))
                Kak.objects.create(ksdd=ksdd)
                _riwayat(
                    ksdd,
                    aksi="buat",
                    user=user,
                    alasan=_(
                        "KSDD dicatat atas prakarsa daerah mitra; langkah pertama: catat "
                        "surat penawarannya dan KAK-nya (Pasal 17 ayat 1)."
                    )
                    if mitra_memprakarsai
                    else _("KSDD dicatat."),
                )
                return ksdd
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def ksdd_update(*, ksdd: Ksdd, user, versi: int | None = None, **changes) -> Ksdd:
    """Edit the record. Identity fields are fixed after persiapan (P13)."""
    unknown = set(changes) - FIELD_KSDD - FIELD_M2M
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    changes = rencana_dari_butir(changes)
    expected = ksdd.versi if versi is None else versi
    with transaction.atomic():
        locked = Ksdd.objects.select_for_update().get(pk=ksdd.pk)
        if not (user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, locked)):
            raise PermissionDenied(_("Anda tidak berwenang mengubah KSDD ini."))
        if locked.versi != expected:
            raise ConflictError()
        if locked.sudah_berakhir:
            raise RuleViolation(
                Pelanggaran("P13", _("KSDD yang telah berakhir tidak dapat diubah."))
            )
        changed = {
            k: v
            for k, v in changes.items()
            if k in FIELD_M2M
            and set(getattr(locked, k).all()) != set(v)
            or k not in FIELD_M2M
            and getattr(locked, k) != v
        }
        fixed = (
            set(changed) & (_FIELD_IDENTITAS | {"mitra"})
            if locked.status != Status.PENYUSUNAN_KAK and not _penawaran_mitra_belum_dicatat(locked)
            else set()
        )
        if fixed:
            raise RuleViolation(
                Pelanggaran(
                    "P13",
                    _(
                        "Pemrakarsa, Perangkat Daerah, kategori, bentuk dan daerah mitra tidak "
                        "dapat diubah setelah KAK diajukan kepada TKKSD (Pasal 13 dan 14)."
                    ),
                    field=sorted(fixed)[0],
                )
            )
        tolak_jika(rules.p21_1_dasar_dprd_tetap(locked, diubah=changed))
        if "perangkat_daerah" in changed:
            _cek_pd(user, changed["perangkat_daerah"])
        for k, v in changed.items():
            if k not in FIELD_M2M:
                setattr(locked, k, v)
        mitra = list(changed.get("mitra", locked.mitra.all()))
        data = {f: getattr(locked, f) for f in FIELD_KSDD}
        data["pemrakarsa_mitra"] = locked.pemrakarsa_mitra
        tolak_jika(_aturan_data(data, mitra))
        if not changed:
            return locked
        locked.versi += 1
        locked.save()
        for k in FIELD_M2M & set(changed):
            getattr(locked, k).set(list(changed[k]))
        _riwayat(
            locked,
            aksi="ubah",
            user=user,
            alasan=_("Data KSDD diubah: %s.") % ", ".join(sorted(changed)),
            data={"field": sorted(changed)},
        )
    ksdd.refresh_from_db()
    return ksdd


def dapat_ubah_dasar_dprd(user) -> bool:
    """P21-1: who may change the inputs of the DPRD decision after the KAK is submitted."""
    return bool(
        user.is_superuser
        or user.punya_peran(Peran.SEKRETARIAT_TKKSD)
        or user.punya_peran(Peran.KETUA_TKKSD)
    )


def ksdd_ubah_dasar_dprd(
    *, ksdd: Ksdd, user, alasan: str, bukti, versi: int | None = None, **changes
) -> Ksdd:
    """P21-1: after the KAK is submitted, the secretariat or the Ketua change whether the
    KSDD burdens the public, is budgeted in the APBD and its DPA number, with a reason and
    an evidence file; the change is a history row naming old and new values."""
    unknown = set(changes) - set(rules.FIELD_DASAR_DPRD)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    if not dapat_ubah_dasar_dprd(user):
        raise PermissionDenied(
            _(
                "Dasar penentuan Persetujuan DPRD hanya dapat diubah oleh Sekretariat TKKSD "
                "atau Ketua TKKSD (Pasal 21 ayat 1)."
            )
        )
    expected = ksdd.versi if versi is None else versi
    with atomic_dengan_berkas():
        locked = Ksdd.objects.select_for_update().get(pk=ksdd.pk)
        if locked.versi != expected:
            raise ConflictError()
        found = []
        if locked.sudah_berakhir:
            found.append(Pelanggaran("P13", _("KSDD yang telah berakhir tidak dapat diubah.")))
        if not (alasan or "").strip():
            found.append(
                Pelanggaran(
                    "P21-1",
                    _("Sebutkan alasan perubahan dasar Persetujuan DPRD (Pasal 21 ayat 1)."),
                    field="alasan",
                )
            )
        if not bukti:
            found.append(
                Pelanggaran(
                    "P21-1",
                    _("Unggah bukti perubahan dasar Persetujuan DPRD (Pasal 21 ayat 1)."),
                    field="bukti",
                )
            )
        changed = {k: v for k, v in changes.items() if getattr(locked, k) != v}
        if not changed:
            found.append(Pelanggaran("P21-1", _("Tidak ada dasar Persetujuan DPRD yang berubah.")))
        baru = {f: changed.get(f, getattr(locked, f)) for f in rules.FIELD_DASAR_DPRD}
        if baru["dianggarkan_apbd"] and not str(baru["nomor_dpa"]).strip():
            found.append(
                Pelanggaran(
                    "P21-1",
                    _("Sebutkan nomor DPA bila pendanaan telah dianggarkan dalam APBD."),
                    field="nomor_dpa",
                )
            )
        tolak_jika(found)
        lama = {k: getattr(locked, k) for k in changed}
        for k, v in changed.items():
            setattr(locked, k, v)
        locked.versi += 1
        locked.save()
        berkas = berkas_unggah(ksdd=locked, jenis=JenisBerkas.LAINNYA, upload=bukti, user=user)
        riwayat = RiwayatTahap.objects.create(
            ksdd=locked,
            aksi="ubah_dasar_dprd",
            dari=locked.status,
            ke=locked.status,
            oleh=user,
            alasan=alasan.strip(),
            rule="P21-1",
            data={"lama": lama, "baru": changed},
        )
        riwayat.berkas.set([berkas])
    ksdd.refresh_from_db()
    return ksdd


def _penawaran_mitra_belum_dicatat(ksdd: Ksdd) -> bool:
    """P17-1: a KSDD a partner initiates whose offer is not recorded yet is still open."""
    return ksdd.pemrakarsa == Pemrakarsa.MITRA and ksdd.status == Status.MENYIAPKAN_PENAWARAN


def kak_mitra_dapat_diisi(ksdd: Ksdd) -> bool:
    """P17-1…3: the parts of the partner's KAK may be typed in, as far as the clerk
    has them, until TKKSD records its review of that KAK."""
    return (
        ksdd.pemrakarsa == Pemrakarsa.MITRA
        and ksdd.status in (Status.MENYIAPKAN_PENAWARAN, Status.MENUNGGU_TANGGAPAN)
        and not ksdd.telaah.exists()
    )


def kak_update(*, ksdd: Ksdd, user, versi: int | None = None, **bagian: str) -> Kak:
    """Write the KAK's parts (P14-2) while it is being drafted."""
    allowed = {f for f, _label in Kak.BAGIAN}
    unknown = set(bagian) - allowed
    if unknown:
        raise TypeError(f"unknown KAK parts: {sorted(unknown)}")
    expected = ksdd.versi if versi is None else versi
    with transaction.atomic():
        locked = Ksdd.objects.select_for_update().get(pk=ksdd.pk)
        if not (user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, locked)):
            raise PermissionDenied(_("Anda tidak berwenang mengubah KAK ini."))
        if locked.versi != expected:
            raise ConflictError()
        if locked.status != Status.PENYUSUNAN_KAK and not kak_mitra_dapat_diisi(locked):
            raise RuleViolation(
                Pelanggaran(
                    "P14-3",
                    _("KAK yang telah diajukan kepada TKKSD tidak dapat diubah (Pasal 14 ayat 3)."),
                )
            )
        kak = locked.kak
        changed = [k for k, v in bagian.items() if getattr(kak, k) != (v or "")]
        for k in changed:
            setattr(kak, k, bagian[k] or "")
        if changed:
            kak.save()
            locked.versi += 1
            locked.save(update_fields=["versi", "diubah_pada"])
            _riwayat(
                locked,
                aksi="ubah_kak",
                user=user,
                alasan=_("KAK diubah."),
                data={"bagian": changed},
            )
    ksdd.versi = locked.versi
    return kak


def bantuan_pendanaan_tambah(
    *,
    ksdd: Ksdd,
    user,
    mitra: Wilayah,
    jumlah: Decimal,
    tahun_anggaran: int,
    perangkat_daerah: PerangkatDaerah,
    keterangan: str = "",
) -> BantuanPendanaan:
    """Record funding assistance to a partner: only for a Kerja Sama Wajib (P31-1)."""
    if not (user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, ksdd)):
        raise PermissionDenied(_("Anda tidak berwenang mengubah KSDD ini."))
    found = rules.p31_1_bantuan_hanya_wajib(kategori=ksdd.kategori)
    if not ksdd.mitra.filter(pk=mitra.pk).exists():
        found.append(
            Pelanggaran(
                "P31-1", _("Bantuan pendanaan hanya kepada daerah mitra KSDD ini."), field="mitra"
            )
        )
    if jumlah <= 0:
        found.append(
            Pelanggaran("P31-1", _("Jumlah bantuan harus lebih dari nol."), field="jumlah")
        )
    tolak_jika(found)
    with transaction.atomic():
        bantuan = BantuanPendanaan.objects.create(
            ksdd=ksdd,
            mitra=mitra,
            jumlah=jumlah,
            tahun_anggaran=tahun_anggaran,
            perangkat_daerah=perangkat_daerah,
            keterangan=keterangan,
        )
        _riwayat(
            ksdd,
            aksi="bantuan_pendanaan",
            user=user,
            alasan=_("Bantuan pendanaan dicatat (Pasal 31)."),
        )
    return bantuan


_FIELD_SURAT_KUASA = frozenset(
    {
        "nomor",
        "tanggal",
        "pemberi",
        "penerima_nama",
        "penerima_nip",
        "penerima_jabatan",
        "perangkat_daerah",
        "ksdd",
        "lingkup",
        "berlaku_sampai",
        "tanggal_tembusan",
    }
)


def surat_kuasa_create(*, user, berkas=None, **fields) -> SuratKuasa:
    """Record a Surat Kuasa from the Bupati (P1-13, P4-2, P24-2, P24-3): by the
    secretariat or the Bupati (``add_suratkuasa``), to the recorded Kepala of the
    Perangkat Daerah, its copy to the cooperation agency not before its date. When it is
    given for one KSDD, the KSDD's history says so."""
    if not user.has_perm("agreements.add_suratkuasa"):
        raise PermissionDenied(_("Anda tidak berwenang mencatat Surat Kuasa."))
    unknown = set(fields) - _FIELD_SURAT_KUASA
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    ksdd = fields.get("ksdd")
    if ksdd is not None and not ksdd_dapat_dilihat(user, ksdd):
        raise PermissionDenied(_("Anda tidak berwenang mencatat Surat Kuasa untuk KSDD ini."))
    found = []
    if ksdd is not None and ksdd.sudah_berakhir:
        found.append(
            Pelanggaran("P13", _("Surat Kuasa tidak dapat dicatat untuk KSDD yang telah berakhir."))
        )
    for f, label in (
        ("tanggal", _("Tanggal Surat Kuasa")),
        ("tanggal_tembusan", _("Tanggal tembusan")),
    ):
        if fields.get(f):
            found += _tanggal_lampau(fields[f], label, f)
    found += rules.p24_2_surat_kuasa_dicatat(
        penerima_nama=fields.get("penerima_nama", ""),
        perangkat_daerah=fields.get("perangkat_daerah"),
        tanggal=fields.get("tanggal"),
        tanggal_tembusan=fields.get("tanggal_tembusan"),
        berlaku_sampai=fields.get("berlaku_sampai"),
    )
    tolak_jika(found)
    with atomic_dengan_berkas():
        sk = SuratKuasa(dicatat_oleh=user, **fields)
        sk.full_clean(exclude=["berkas"])
        if berkas:
            sk.berkas = berkas_unggah(
                ksdd=ksdd, jenis=JenisBerkas.SURAT_KUASA, upload=berkas, user=user
            )
        sk._history_user = user
        sk.save()
        if ksdd is not None:
            _riwayat(
                ksdd,
                aksi="surat_kuasa",
                user=user,
                alasan=_("Surat Kuasa %(nomor)s kepada %(nama)s dicatat (Pasal 24 ayat 2).")
                % {"nomor": sk.nomor, "nama": sk.penerima_nama},
                data={"surat_kuasa": sk.pk},
            )
    return sk


def surat_kuasa_cabut(*, surat_kuasa: SuratKuasa, user, alasan: str, tanggal) -> SuratKuasa:
    """Revoke a Surat Kuasa (P24-2) with its reason and date: once, by whoever may change
    Surat Kuasa (the secretariat). It is kept (a history row with the reason); a PKS can
    no longer be signed under it. When it was given for one KSDD, the KSDD's history says so."""
    if not user.has_perm("agreements.change_suratkuasa"):
        raise PermissionDenied(_("Anda tidak berwenang mencabut Surat Kuasa."))
    with transaction.atomic():
        sk = SuratKuasa.objects.select_for_update().get(pk=surat_kuasa.pk)
        if sk.ksdd_id is not None and not ksdd_dapat_dilihat(user, sk.ksdd):
            raise PermissionDenied(_("Anda tidak berwenang mencabut Surat Kuasa ini."))
        tolak_jika(rules.p24_2_surat_kuasa_dicabut(sk=sk, alasan=alasan, tanggal=tanggal))
        sk.dicabut = True
        sk.alasan_pencabutan = alasan.strip()
        sk.tanggal_pencabutan = tanggal
        sk.dicabut_oleh = user
        sk._history_user = user
        sk._change_reason = alasan.strip()
        sk.save()
        if sk.ksdd_id is not None:
            _riwayat(
                sk.ksdd,
                aksi="cabut_surat_kuasa",
                user=user,
                alasan=_("Surat Kuasa %(nomor)s dicabut pada %(tanggal)s: %(alasan)s")
                % {
                    "nomor": sk.nomor,
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                    "alasan": sk.alasan_pencabutan,
                },
                data={"surat_kuasa": sk.pk, "tanggal": tanggal.isoformat()},
            )
    surat_kuasa.refresh_from_db()
    return surat_kuasa


def ksdd_akhiri(*, ksdd: Ksdd, user, alasan: str, versi: int | None = None) -> Ksdd:
    """Terminate a running KSDD (pengakhiran), with its reason."""
    return _akhir(
        ksdd=ksdd, user=user, alasan=alasan, versi=versi, nama="akhiri", ke=Status.DIAKHIRI
    )


def ksdd_batalkan(*, ksdd: Ksdd, user, alasan: str, versi: int | None = None) -> Ksdd:
    """Cancel a KSDD before pelaksanaan, with its reason."""
    return _akhir(
        ksdd=ksdd, user=user, alasan=alasan, versi=versi, nama="batalkan", ke=Status.DIBATALKAN
    )


def _akhir(*, ksdd, user, alasan, versi, nama, ke) -> Ksdd:
    with langkah(ksdd=ksdd, nama=nama, user=user, versi=versi) as step:
        if not (alasan or "").strip():
            raise RuleViolation(Pelanggaran("P13", _("Tuliskan alasannya."), field="alasan"))
        step.pindah(ke, alasan=alasan.strip(), rule="P13")
    return ksdd
