"""Clocks of the regulation (``deadlines.Tenggat``) as the API shows them: the rule and its
Pasal, who must act, the due date, the status, the day it was met or missed, and for a
running clock the countdown the Tenggat page shows (issue: clocks in the API)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.deadlines.definisi import DEFINISI
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import Tenggat
from kersa.deadlines.selectors import ditahan_teks, grup_tenggat, hitung_mundur, perkiraan_teks


class TenggatSerializer(serializers.ModelSerializer):
    """One clock. ``sisa`` and ``hitung_mundur`` (units left, in words) only while it runs;
    they need ``hari_ini`` and ``kalender`` in the context (one calendar per request)."""

    judul = serializers.SerializerMethodField(
        help_text=_("Yang harus terjadi sebelum jatuh tempo.")
    )
    pasal = serializers.SerializerMethodField(help_text=_("Pasal yang menetapkan jangka waktu."))
    yang_bertindak = serializers.SerializerMethodField(help_text=_("Siapa yang harus bertindak."))
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    peristiwa = serializers.SerializerMethodField(
        help_text=_("Peristiwa awal tenggat, dalam bahasa permintaan.")
    )
    ksdd_nomor = serializers.CharField(
        source="ksdd.nomor_register", read_only=True, allow_null=True, default=None
    )
    grup = serializers.SerializerMethodField(
        help_text=_("Kelompok halaman Tenggat: terlewat, hari_ini, minggu_ini, berikutnya.")
    )
    sisa = serializers.SerializerMethodField(
        help_text=_(
            "Sisa hari (negatif: terlambat) dalam satuan jangka waktunya; null bila selesai."
        )
    )
    hitung_mundur = serializers.SerializerMethodField(
        help_text=_("Sisa waktu dalam kata-kata; null bila tenggat telah selesai.")
    )
    jatuh_tempo_perkiraan = serializers.SerializerMethodField(
        help_text=_(
            "True bila jatuh tempo dihitung pada tahun yang hari liburnya masih perkiraan "
            "(SKB belum dikonfirmasi; tahun_perkiraan menyebut tahunnya)."
        )
    )
    catatan_perkiraan = serializers.SerializerMethodField(
        help_text=_(
            "Keterangan jatuh tempo perkiraan, dan bila pekerja menahan persetujuan DPRD "
            "yang dianggap diberikan; null bila bukan perkiraan."
        )
    )

    class Meta:
        model = Tenggat
        fields = [
            "id",
            "rule",
            "pasal",
            "judul",
            "yang_bertindak",
            "ksdd",
            "ksdd_nomor",
            "perangkat_daerah",
            "peristiwa",
            "peristiwa_kode",
            "peristiwa_data",
            "tanggal_peristiwa",
            "satuan",
            "panjang",
            "jatuh_tempo",
            "jatuh_tempo_perkiraan",
            "tahun_perkiraan",
            "catatan_perkiraan",
            "status",
            "status_label",
            "selesai_pada",
            "akibat",
            "grup",
            "sisa",
            "hitung_mundur",
        ]
        read_only_fields = fields

    def _definisi(self, obj):
        return DEFINISI.get(obj.rule)

    def get_judul(self, obj) -> str:
        d = self._definisi(obj)
        return str(d.judul) if d else obj.rule

    def get_pasal(self, obj) -> str:
        d = self._definisi(obj)
        return str(d.pasal) if d else ""

    def get_yang_bertindak(self, obj) -> str:
        d = self._definisi(obj)
        return str(d.penanggung) if d else ""

    def _berjalan(self, obj) -> bool:
        return obj.status == "berjalan"

    def get_grup(self, obj) -> str | None:
        if obj.status not in ("berjalan", "terlewat"):
            return None
        return grup_tenggat(self.context["hari_ini"], obj.jatuh_tempo, obj.status)

    def _mundur(self, obj):
        if not self._berjalan(obj):
            return None
        return hitung_mundur(
            obj.satuan, self.context["hari_ini"], obj.jatuh_tempo, self.context["kalender"]()
        )

    def get_peristiwa(self, obj) -> str:
        return obj.peristiwa_teks

    def get_jatuh_tempo_perkiraan(self, obj) -> bool:
        return obj.tahun_perkiraan is not None

    def get_catatan_perkiraan(self, obj) -> str | None:
        teks = perkiraan_teks(obj)
        if not teks:
            return None
        ditahan = ditahan_teks(obj, self.context["hari_ini"])
        return f"{teks} {ditahan}" if ditahan else teks

    def get_sisa(self, obj) -> int | None:
        m = self._mundur(obj)
        return m[0] if m else None

    def get_hitung_mundur(self, obj) -> str | None:
        m = self._mundur(obj)
        return str(m[1]) if m else None


def konteks_tenggat(context: dict) -> dict:
    """``hari_ini`` and a lazily loaded calendar (loaded once, only if a clock runs)."""
    from django.utils import timezone

    cache: list = []

    def kalender():
        if not cache:
            cache.append(Kalender())
        return cache[0]

    return {**context, "hari_ini": timezone.localdate(), "kalender": kalender}
