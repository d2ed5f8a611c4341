"""Recording a letter at a step (issue 17 item 5): the steps that only record a letter
(DPRD's answer, its review, the Bupati's follow-up, a second request for an answer) do
it through ``_surat_catat``; the letter models share ``models.surat.SuratDiterima``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kersa.core.errors import Pelanggaran, tolak_jika
from kersa.documents.choices import JenisBerkas
from kersa.documents.services import berkas_unggah

from .umum import _surat_diterima


def _surat_opsional(step, upload, user):
    """The letter's scan when one was sent, kept with the step's files; else None."""
    if not upload:
        return None
    berkas = berkas_unggah(ksdd=step.ksdd, jenis=JenisBerkas.LAINNYA, upload=upload, user=user)
    step.berkas.append(berkas)
    return berkas


def _surat_catat(
    step,
    model,
    *,
    user,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat,
    label_diterima,
    periksa: Sequence[Pelanggaran] = (),
    data: dict | None = None,
    **induk,
):
    """Record a received letter of ``model`` (a ``SuratDiterima``) for ``step``: its
    receipt date not in the future nor before the letter's date (``label_diterima``
    names it), then the step's own findings ``periksa``, all refused at once; the
    optional scan kept with the step. ``induk`` names what the letter answers
    (``permohonan=…``, ``penawaran=…``). The step's data is ``data``, by default the
    letter's number and receipt date. Returns the letter."""
    tolak_jika([*_surat_diterima(tanggal_surat, tanggal_diterima, label_diterima), *periksa])
    dicatat = model.objects.create(
        **induk,
        nomor=nomor,
        tanggal_surat=tanggal_surat,
        tanggal_diterima=tanggal_diterima,
        berkas=_surat_opsional(step, surat, user),
        dicatat_oleh=user,
    )
    # The step's history keeps the key its rows were always written with
    # (``RiwayatTahap`` rows are never rewritten; ``views.register`` reads it).
    step.data = (
        data
        if data is not None
        else {"nomor_surat": nomor, "tanggal_diterima": tanggal_diterima.isoformat()}
    )
    return dicatat
