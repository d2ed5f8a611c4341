"""Stage b (penawaran): offers, the Rapat Pleno recommendation, replies, and the letters of the offer clocks P16-5, P16-6, P18-2 (Pasal 16-18)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.deadlines.definisi import DEFINISI
from kersa.documents.choices import JenisBerkas
from kersa.documents.services import berkas_unggah
from kersa.regions.selectors import kepala_daerah_pada, wilayah_daerah

from .. import rules
from ..choices import (
    AlasanPenolakan,
    Keputusan,
    Pemrakarsa,
    PertimbanganPersetujuan,
    Status,
)
from ..langkah import langkah
from ..models import (
    Kak,
    Ksdd,
    LaporanGubernur,
    Penawaran,
    PermintaanTanggapanKedua,
    RekomendasiPleno,
    Tanggapan,
)
from ..prasyarat import batas_hari_kalender
from .surat import _surat_catat, _surat_opsional
from .umum import (
    _surat_bertanda,
    _tanggal_lampau,
    _urutan_tanggal,
    _wajib_berkas,
)


def ksdd_catat_penawaran(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal_surat: dt.date,
    penandatangan: str,
    penerimaan: Mapping[str, dt.date],
    surat=None,
    kak=None,
    kak_bagian: Mapping[str, str] | None = None,
    surat_versi=None,
    versi: int | None = None,
) -> Ksdd:
    """Penawaran. Ours: signed by the Bupati, sent with the KAK to each partner's head,
    with the date each received it (P16-1…3); the signed letter is its scan (``surat``)
    or the offer letter KERSA generated and the Bupati signed electronically
    (``surat_versi``, a version id: nothing printed, scanned and uploaded; issue 13). A partner's: the first step of its KSDD,
    recorded the day it arrives: the letter, the date we received it, and the partner's
    KAK (``kak``, the file; ``kak_bagian``, its parts of Pasal 14 ayat 2 as far as the
    clerk fills them) (P17-1…3). The reply period runs from those dates (P16-4, P17-4,
    P18-1)."""
    with langkah(ksdd=ksdd, nama="catat_penawaran", user=user, versi=versi) as step:
        k = step.ksdd
        keluar = k.pemrakarsa == Pemrakarsa.DAERAH
        expected = (
            {m.kode: m for m in k.mitra.all()}
            if keluar
            else {k.pemrakarsa_mitra.kode: k.pemrakarsa_mitra}
        )
        found = _tanggal_lampau(tanggal_surat, _("Tanggal surat penawaran"), "tanggal_surat")
        bertanda, salah = (
            _surat_bertanda(
                k,
                jenis="surat_penawaran",
                upload=surat,
                pilihan=surat_versi,
                rule="P16-3",
                label=_("surat penawaran"),
                field="surat_versi",
            )
            if keluar
            else (None, [])
        )
        found += salah
        if bertanda is None and not salah:
            found += _wajib_berkas(
                surat, _("surat penawaran"), "P16-3" if keluar else "P17-1", "surat"
            )
        if not keluar:
            found += _wajib_berkas(
                kak,
                _("KAK daerah mitra yang menyertai surat penawarannya (Pasal 17 ayat 1)"),
                "P17-1",
                "kak",
            )
        bagian = {f: (v or "").strip() for f, v in (kak_bagian or {}).items()}
        unknown = set(bagian) - {f for f, _label in Kak.BAGIAN}
        if unknown:
            raise TypeError(f"unknown KAK parts: {sorted(unknown)}")
        missing = sorted(set(expected) - set(penerimaan))
        if missing:
            found.append(
                Pelanggaran(
                    "P16-4" if keluar else "P17-4",
                    _("Isi tanggal surat penawaran diterima oleh: %s.")
                    % ", ".join(expected[c].nama_lengkap for c in missing),
                    field="penerimaan",
                )
            )
        extra = sorted(set(penerimaan) - set(expected))
        if extra:
            found.append(
                Pelanggaran(
                    "P16-3",
                    _("Bukan daerah mitra KSDD ini: %s.") % ", ".join(extra),
                    field="penerimaan",
                )
            )
        if keluar:
            found += rules.p16_3_penandatangan_penawaran(
                penandatangan,
                kepala=kepala_daerah_pada(wilayah_daerah(), tanggal_surat),
                tanggal=tanggal_surat,
            )
        for kode, tgl in penerimaan.items():
            if kode in expected:
                found += _tanggal_lampau(tgl, _("Tanggal diterima"), "penerimaan")
                found += _urutan_tanggal(
                    tanggal_surat,
                    tgl,
                    _("Surat penawaran tidak dapat diterima sebelum tanggal suratnya."),
                    "penerimaan",
                )
        tolak_jika(found)
        if bertanda is not None:
            berkas = bertanda.berkas  # the electronically signed letter itself (P16-3)
        else:
            berkas = berkas_unggah(
                ksdd=k, jenis=JenisBerkas.SURAT_PENAWARAN, upload=surat, user=user
            )
        step.berkas.append(berkas)
        berkas_kak = None
        if not keluar:
            berkas_kak = berkas_unggah(ksdd=k, jenis=JenisBerkas.KAK_MITRA, upload=kak, user=user)
            step.berkas.append(berkas_kak)
            diisi = {f: v for f, v in bagian.items() if v}
            if diisi:
                # P17-1: the partner's KAK, part by part, as far as the clerk fills it.
                kak_ksdd, _created = Kak.objects.get_or_create(ksdd=k)
                for f, v in diisi.items():
                    setattr(kak_ksdd, f, v)
                kak_ksdd.save()
        for kode, tgl in sorted(penerimaan.items()):
            Penawaran.objects.create(
                ksdd=k,
                mitra=expected[kode],
                arah=Penawaran.Arah.KELUAR if keluar else Penawaran.Arah.MASUK,
                nomor=nomor,
                tanggal_surat=tanggal_surat,
                penandatangan=penandatangan,
                tanggal_diterima=tgl,
                berkas=berkas,
                berkas_kak=berkas_kak,
                dicatat_oleh=user,
            )
        step.data = {
            "nomor_surat": nomor,
            "diterima": {c: d.isoformat() for c, d in penerimaan.items()},
        }
        step.pindah(
            Status.MENUNGGU_TANGGAPAN,
            alasan=_("Surat penawaran %s dicatat.") % nomor,
            rule="P16-3" if keluar else "P17-1",
        )
    return ksdd


def ksdd_catat_rekomendasi_pleno(
    *,
    ksdd: Ksdd,
    user,
    tanggal_rapat: dt.date,
    nomor_berita_acara: str,
    keputusan: str,
    alasan_penolakan: Sequence[str] = (),
    pertimbangan_persetujuan: Sequence[str] = (),
    uraian: str = "",
    temuan: Mapping[str, str] | None = None,
    alasan_peringatan: str = "",
    berita_acara=None,
    agenda=None,
    versi: int | None = None,
) -> Ksdd:
    """TKKSD's recommendation on a partner's offer, decided in a Rapat Pleno (P18-3),
    rejecting on the grounds of P18-4 or accepting on those of P18-5, with a finding
    (``temuan``: huruf → text) for every ground cited. A finding the KSDD's record
    contradicts is refused for an acceptance (P18-5 BLOCK) and, for a rejection, kept
    only with ``alasan_peringatan`` (P18-4 WARN). ``agenda`` is the
    ``governance.AgendaRapat`` it was decided under, when the meeting is kept in KERSA."""
    with langkah(ksdd=ksdd, nama="catat_rekomendasi_pleno", user=user, versi=versi) as step:
        found = _tanggal_lampau(tanggal_rapat, _("Tanggal Rapat Pleno"), "tanggal_rapat")
        alasan_penolakan = list(dict.fromkeys(alasan_penolakan))
        pertimbangan_persetujuan = list(dict.fromkeys(pertimbangan_persetujuan))
        if keputusan == Keputusan.DITOLAK:
            bad = set(alasan_penolakan) - set(AlasanPenolakan.values)
            if not alasan_penolakan or bad:
                found.append(
                    Pelanggaran(
                        "P18-4",
                        _(
                            "Penolakan harus didasarkan pada pertimbangan Pasal 18 ayat (4) huruf a, b, dan/atau c."
                        ),
                        field="alasan_penolakan",
                    )
                )
            pertimbangan_persetujuan = []
        elif keputusan == Keputusan.DITERIMA:
            bad = set(pertimbangan_persetujuan) - set(PertimbanganPersetujuan.values)
            if not pertimbangan_persetujuan or bad:
                found.append(
                    Pelanggaran(
                        "P18-5",
                        _(
                            "Persetujuan harus didasarkan pada pertimbangan Pasal 18 ayat (5) huruf a sampai d."
                        ),
                        field="pertimbangan_persetujuan",
                    )
                )
            alasan_penolakan = []
        else:
            found.append(
                Pelanggaran(
                    "P18-3",
                    _("Keputusan Rapat Pleno harus menerima atau menolak."),
                    field="keputusan",
                )
            )
        if not nomor_berita_acara.strip():
            found.append(
                Pelanggaran(
                    "P18-3",
                    _("Sebutkan nomor Berita Acara Rapat Pleno."),
                    field="nomor_berita_acara",
                )
            )
        dasar = alasan_penolakan if keputusan == Keputusan.DITOLAK else pertimbangan_persetujuan
        temuan = {k: (v or "").strip() for k, v in (temuan or {}).items() if k in dasar}
        found += rules.p18_temuan_pleno(step.ksdd, keputusan, dasar, temuan)
        peringatan = rules.p18_4_penolakan_bertentangan(step.ksdd, keputusan, dasar)
        alasan_peringatan = alasan_peringatan.strip() if peringatan else ""
        if peringatan and not alasan_peringatan:
            found += peringatan
        tolak_jika(found)
        ba = None
        if berita_acara:
            ba = berkas_unggah(
                ksdd=step.ksdd, jenis=JenisBerkas.BERITA_ACARA_PLENO, upload=berita_acara, user=user
            )
            step.berkas.append(ba)
        RekomendasiPleno.objects.create(
            ksdd=step.ksdd,
            tanggal_rapat=tanggal_rapat,
            nomor_berita_acara=nomor_berita_acara,
            keputusan=keputusan,
            alasan_penolakan=alasan_penolakan,
            pertimbangan_persetujuan=pertimbangan_persetujuan,
            uraian=uraian,
            temuan=temuan,
            alasan_peringatan=alasan_peringatan,
            berkas=ba,
            agenda=agenda,
            dicatat_oleh=user,
        )
        step.data = {
            "keputusan": keputusan,
            "alasan_penolakan": alasan_penolakan,
            "pertimbangan_persetujuan": pertimbangan_persetujuan,
            "temuan": temuan,
        }
        step.alasan = _("Rapat Pleno TKKSD %(tgl)s merekomendasikan: %(k)s.") % {
            "tgl": tanggal_rapat.strftime("%d-%m-%Y"),
            "k": Keputusan(keputusan).label,
        }
        if alasan_peringatan:
            step.alasan += " " + _("Peringatan (Pasal 18 ayat 4): %(p)s Alasan: %(a)s") % {
                "p": " ".join(str(p.detail) for p in peringatan),
                "a": alasan_peringatan,
            }
        step.rule = "P18-3"
    return ksdd


def ksdd_catat_tanggapan(
    *,
    ksdd: Ksdd,
    user,
    mitra: str,
    keputusan: str,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat,
    alasan: str = "",
    versi: int | None = None,
) -> Ksdd:
    """The reply to an offer. A partner's reply to ours (P16-4); or our reply to a
    partner's offer, only as TKKSD's Rapat Pleno recommended (P18-1, P18-3).
    Accepted by every partner: on to penyusunan KB. Rejected: the KSDD ends."""
    # The offer exists and is not answered yet (P16-4): Transisi.prasyarat_mitra, run by
    # langkah() for this ``mitra``.
    with langkah(ksdd=ksdd, nama="catat_tanggapan", user=user, versi=versi, mitra=mitra) as step:
        k = step.ksdd
        penawaran = _penawaran_mitra(k, mitra, "P16-4")
        found = []
        if keputusan not in Keputusan.values:
            found.append(
                Pelanggaran("P16-4", _("Tanggapan harus menerima atau menolak."), field="keputusan")
            )
        found += _tanggal_lampau(
            tanggal_diterima, _("Tanggal tanggapan diterima"), "tanggal_diterima"
        )
        found += _urutan_tanggal(
            tanggal_surat,
            tanggal_diterima,
            _("Surat tanggapan tidak dapat diterima sebelum tanggal suratnya."),
            "tanggal_diterima",
        )
        found += _urutan_tanggal(
            penawaran.tanggal_diterima,
            tanggal_surat,
            _("Tanggapan tidak dapat bertanggal sebelum penawaran diterima."),
            "tanggal_surat",
        )
        found += _wajib_berkas(surat, _("surat tanggapan"), "P16-4", "surat")
        rekomendasi = None
        if k.pemrakarsa == Pemrakarsa.MITRA:
            rekomendasi = k.rekomendasi_pleno.first()
            if rekomendasi and rekomendasi.keputusan != keputusan:
                found.append(
                    Pelanggaran(
                        "P18-3",
                        _(
                            "Tanggapan Bupati diberikan atas rekomendasi TKKSD (Pasal 18 ayat 1 dan 3): Rapat Pleno %(tgl)s merekomendasikan “%(k)s”."
                        )
                        % {
                            "tgl": rekomendasi.tanggal_rapat.strftime("%d-%m-%Y"),
                            "k": Keputusan(rekomendasi.keputusan).label,
                        },
                        field="keputusan",
                    )
                )
        if keputusan == Keputusan.DITOLAK and not alasan.strip() and rekomendasi is None:
            found.append(Pelanggaran("P16-4", _("Tuliskan alasan penolakan."), field="alasan"))
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, jenis=JenisBerkas.SURAT_TANGGAPAN, upload=surat, user=user)
        step.berkas.append(berkas)
        Tanggapan.objects.create(
            penawaran=penawaran,
            keputusan=keputusan,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            alasan=alasan,
            rekomendasi=rekomendasi,
            berkas=berkas,
            dicatat_oleh=user,
        )
        step.data = {"mitra": mitra, "keputusan": keputusan}
        nama = penawaran.mitra.nama_lengkap
        if keputusan == Keputusan.DITOLAK:
            step.pindah(
                Status.DITOLAK,
                alasan=_("Penawaran ditolak (%(m)s): %(a)s")
                % {"m": nama, "a": alasan or rekomendasi.uraian},
                rule="P18-4" if rekomendasi else "P16-4",
            )
        elif not k.penawaran.filter(tanggapan__isnull=True).exclude(pk=penawaran.pk).exists():
            step.pindah(
                Status.PENYUSUNAN_KB, alasan=_("Penawaran diterima (%s).") % nama, rule="P19-1"
            )
        else:
            step.alasan = _("Tanggapan %s dicatat: diterima; menunggu tanggapan mitra lain.") % nama
    return ksdd


# --- the clocks of the offer stage: P16-5, P16-6, P18-2 (deadlines/pemicu.py) --------------


def _tgl(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _penawaran_mitra(k: Ksdd, mitra: str, rule: str) -> Penawaran:
    penawaran = k.penawaran.select_related("mitra").filter(mitra_id=mitra).first()
    if penawaran is None:
        raise RuleViolation(
            Pelanggaran(
                rule, _("Tidak ada penawaran kepada/dari %s pada KSDD ini.") % mitra, field="mitra"
            )
        )
    return penawaran


_batas_hari_kalender = batas_hari_kalender


def ksdd_catat_permintaan_kedua(
    *,
    ksdd: Ksdd,
    user,
    mitra: str,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """A second request for an answer to an offer. Ours, signed by the Bupati, to a
    partner that has not answered within 30 calendar days of receiving the offer (P16-5),
    with the date the partner received it (starts P16-6); or a partner's to us, with the
    date we received it (starts P18-2: the Bupati answers within 15 working days).
    The status does not change."""
    # The offer exists, is unanswered, has no second request yet, and (ours) its 30 days
    # have passed as of today (P16-5, P18-2): Transisi.prasyarat_mitra, run by langkah().
    # Here only what the form sends: the letter's date after those 30 days.
    with langkah(
        ksdd=ksdd, nama="catat_permintaan_kedua", user=user, versi=versi, mitra=mitra
    ) as step:
        k = step.ksdd
        keluar = k.pemrakarsa == Pemrakarsa.DAERAH
        rule = "P16-5" if keluar else "P18-2"
        penawaran = _penawaran_mitra(k, mitra, rule)
        nama = penawaran.mitra.nama_lengkap
        found = []
        if keluar:
            batas = _batas_hari_kalender("P16-4", penawaran.tanggal_diterima)
            if tanggal_surat <= batas:
                found.append(
                    Pelanggaran(
                        "P16-5",
                        _(
                            "Permintaan tanggapan kedua disampaikan Bupati bila dalam 30 hari "
                            "kalender sejak surat penawaran diterima (%(diterima)s) tidak ada "
                            "tanggapan, yaitu setelah %(batas)s (Pasal 16 ayat 5)."
                        )
                        % {"diterima": _tgl(penawaran.tanggal_diterima), "batas": _tgl(batas)},
                        field="tanggal_surat",
                    )
                )
        else:
            found += _urutan_tanggal(
                penawaran.tanggal_diterima,
                tanggal_surat,
                _("Permintaan tanggapan kedua tidak dapat bertanggal sebelum penawaran diterima."),
                "tanggal_surat",
            )
        _surat_catat(
            step,
            PermintaanTanggapanKedua,
            penawaran=penawaran,
            user=user,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            surat=surat,
            label_diterima=_("Tanggal surat diterima"),
            periksa=found,
            data={
                "mitra": penawaran.mitra_id,
                "penawaran": penawaran.pk,
                "tanggal_diterima": tanggal_diterima.isoformat(),
            },
        )
        if keluar:
            step.alasan = _(
                "Permintaan tanggapan kedua %(n)s diterima %(m)s pada %(t)s; tanggapan "
                "ditunggu %(jangka)s (Pasal 16 ayat 5 dan 6)."
            ) % {
                "n": nomor,
                "m": nama,
                "t": _tgl(tanggal_diterima),
                "jangka": DEFINISI["P16-6"].jangka,
            }
        else:
            step.alasan = _(
                "Permintaan tanggapan kedua %(n)s dari %(m)s diterima pada %(t)s; Bupati "
                "menanggapi paling lama %(jangka)s (Pasal 18 ayat 2)."
            ) % {
                "n": nomor,
                "m": nama,
                "t": _tgl(tanggal_diterima),
                "jangka": DEFINISI["P18-2"].jangka,
            }
        step.rule = rule
    return ksdd


def ksdd_catat_laporan_gubernur(
    *,
    ksdd: Ksdd,
    user,
    mitra: str,
    nomor: str,
    tanggal_surat: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """The Bupati's report to the Gubernur as Wakil Pemerintah Pusat: a partner has still
    not answered 15 calendar days after receiving the second request (P16-6). The
    status does not change; the KSDD may then be cancelled or still answered."""
    # The offer is unanswered, not reported before, its second request recorded and that
    # request's 15 days passed as of today (P16-6): Transisi.prasyarat_mitra, run by
    # langkah() and by the KSDD page. Here only the letter's own date.
    with langkah(
        ksdd=ksdd, nama="catat_laporan_gubernur", user=user, versi=versi, mitra=mitra
    ) as step:
        k = step.ksdd
        penawaran = _penawaran_mitra(k, mitra, "P16-6")
        nama = penawaran.mitra.nama_lengkap
        kedua = penawaran.permintaan_kedua
        found = _tanggal_lampau(tanggal_surat, _("Tanggal surat laporan"), "tanggal_surat")
        batas = _batas_hari_kalender("P16-6", kedua.tanggal_diterima)
        if tanggal_surat <= batas:
            found.append(
                Pelanggaran(
                    "P16-6",
                    _(
                        "Laporan kepada Gubernur disampaikan bila dalam %(jangka)s sejak "
                        "permintaan tanggapan kedua diterima (%(diterima)s) mitra tetap tidak "
                        "menanggapi, yaitu setelah %(batas)s (Pasal 16 ayat 6)."
                    )
                    % {
                        "diterima": _tgl(kedua.tanggal_diterima),
                        "batas": _tgl(batas),
                        "jangka": DEFINISI["P16-6"].jangka,
                    },
                    field="tanggal_surat",
                )
            )
        tolak_jika(found)
        LaporanGubernur.objects.create(
            penawaran=penawaran,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            berkas=_surat_opsional(step, surat, user),
            dicatat_oleh=user,
        )
        step.data = {"mitra": penawaran.mitra_id, "penawaran": penawaran.pk}
        step.alasan = _(
            "Laporan Bupati kepada Gubernur sebagai Wakil Pemerintah Pusat %(n)s: %(m)s tidak "
            "menanggapi penawaran (Pasal 16 ayat 6)."
        ) % {"n": nomor, "m": nama}
        step.rule = "P16-6"
    return ksdd
