"""Register publik: the signed agreements (KB or PKS signed), open to everyone without
login: the signed part of the register TKKSD keeps under Pasal 26 (penatausahaan), made
public in the spirit of the UU Pelayanan Publik the Perbup rests on. No drafts, no
internal letters, no person's name: of the signatories only their office (jabatan).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe
from rest_framework.throttling import AnonRateThrottle

from kersa.agreements.choices import Kategori
from kersa.core.saring import tahun_dari
from kersa.regions.selectors import wilayah_daerah

from .. import ekspor, statistik
from ..ekspor import Tabel

PER_HALAMAN = 25


def _etag(request, *args, **kwargs) -> str:
    """Changes with any KSDD change, the language and the login state (the header).

    ``private``: the page carries a CSRF token (language form), so shared caches must
    not keep it; browsers revalidate with If-None-Match and get a 304."""
    user = request.user.pk if request.user.is_authenticated else 0
    return f"{statistik.versi_publik()}-{get_language()}-{user}"


def _cari(request) -> tuple[str, int | None]:
    q = (request.GET.get("q") or "").strip()[:100]
    # The range of the public API's filter (``api.filters.PublikFilter``); 400 outside it.
    return q, tahun_dari(request.GET.get("tahun"), minimum=1991, maksimum=2199)


def _tabel(baris: Iterable[dict]) -> Tabel:
    return Tabel(
        _("KSDD yang telah ditandatangani"),
        [
            _("Nomor register"),
            _("Judul"),
            _("Para pihak"),
            _("Urusan"),
            _("Kategori"),
            _("Bentuk"),
            _("Tanggal Kesepakatan Bersama"),
            _("Tanggal PKS"),
            _("Berlaku mulai"),
            _("Berlaku sampai"),
            _("Penandatangan (jabatan)"),
            _("Keadaan"),
        ],
        (
            [
                b["ksdd"].nomor_register,
                b["ksdd"].judul,
                [b["daerah"], *b["mitra"]],
                b["urusan"],
                str(Kategori(b["ksdd"].kategori).label),
                str(b["ksdd"].bentuk),
                b["kb"].tanggal_ditandatangani if b["kb"] else None,
                b["pks"].tanggal_ditandatangani if b["pks"] else None,
                b["mulai"],
                b["berakhir"],
                b["penandatangan"],
                str(b["keadaan"]),
            ]
            for b in baris
        ),
        lebar=[18, 50, 40, 30, 22, 30, 14, 14, 12, 12, 40, 20],
    )


def _baris(qs) -> Iterator[dict]:

    hari_ini = timezone.localdate()
    daerah = wilayah_daerah().nama_lengkap
    for k in qs:
        b = statistik.baris_publik(k, hari_ini)
        b["daerah"] = daerah
        yield b


class UnduhPublik(AnonRateThrottle):
    """Anyone may download the register, but an anonymous address only a few times an
    hour: each download reads every signed KSDD (issue 18). DRF's throttle (the API's
    own, on the shared cache) rather than a counter of our own."""

    scope = "unduh_publik"
    rate = "6/hour"


def _dibatasi(request) -> HttpResponse | None:
    batas = UnduhPublik()
    if batas.allow_request(request, None):
        return None
    tunggu = int(batas.wait() or 60)
    resp = HttpResponse(
        _(
            "Terlalu banyak unduhan register publik dari alamat ini. Coba lagi dalam "
            "%(menit)d menit, atau masuk dengan akun KERSA."
        )
        % {"menit": max(1, round(tunggu / 60))},
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    resp["Retry-After"] = str(tunggu)
    return resp


@require_safe
@cache_control(max_age=300, private=True)
@condition(etag_func=_etag)
def daftar(request):
    q, tahun = _cari(request)
    halaman = Paginator(statistik.ksdd_publik(q=q, tahun=tahun), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    ctx = {
        "q": q,
        "tahun": tahun,
        "tahun_pilihan": statistik.tahun_publik(),
        "halaman": halaman,
        "baris": list(_baris(halaman.object_list)),
        "querystring": urlencode({k: v for k, v in (("q", q), ("tahun", tahun)) if v}),
    }
    return render(request, "reporting/publik.html", ctx)


def _unduh(request, ext: str):
    if (ditolak := _dibatasi(request)) is not None:
        return ditolak
    q, tahun = _cari(request)
    # Rows are read 500 at a time (prefetches included) and written as they come:
    # the CSV is streamed, the XLSX written row by row (ekspor.xlsx_dari_tabel).
    tabel = _tabel(_baris(statistik.ksdd_publik(q=q, tahun=tahun).iterator(chunk_size=500)))
    nama = f"ksdd-ditandatangani-{timezone.localdate():%Y%m%d}.{ext}"
    if ext == "csv":
        resp = StreamingHttpResponse(
            ekspor.csv_baris(tabel), content_type="text/csv; charset=utf-8"
        )
    else:
        resp = HttpResponse(
            ekspor.xlsx_dari_tabel([tabel], judul_buku=tabel.judul),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    return resp


@require_safe
@cache_control(max_age=300, private=True)
@condition(etag_func=_etag)
def unduh_csv(request):
    return _unduh(request, "csv")


@require_safe
@cache_control(max_age=300, private=True)
@condition(etag_func=_etag)
def unduh_xlsx(request):
    return _unduh(request, "xlsx")
