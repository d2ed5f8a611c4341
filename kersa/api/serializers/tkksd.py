"""TKKSD (Pasal 33–39): the Bupati's decrees with their offices and holders, meetings
with agenda, attendance, decisions and their Berita Acara and Notulen, the work
programme; and the input of scheduling a meeting and adding an agenda item."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.agreements.choices import AlasanPenolakan, Keputusan, PertimbanganPersetujuan
from kersa.agreements.models import Ksdd
from kersa.governance.choices import (
    JenisAgenda,
    JenisKeputusan,
    JenisRapat,
    Kedudukan,
    StatusPemangku,
    StatusRapat,
    TugasTkksd,
)
from kersa.governance.models import (
    AgendaRapat,
    Jabatan,
    KegiatanProgramKerja,
    Kehadiran,
    KeputusanBupati,
    KeputusanRapat,
    PemangkuJabatan,
    ProgramKerja,
    Rapat,
    RiwayatRapat,
)

from ..fields import TanggalField, pilihan_baca, pilihan_masuk
from .dokumen import DokumenSerializer

# --- decrees, offices, holders (Pasal 34–35) ------------------------------------------


class KeputusanBupatiSerializer(serializers.ModelSerializer):
    """A Keputusan Bupati that sets TKKSD (P34-1) or its Tim Teknis (P34-4)."""

    jenis = pilihan_baca(JenisKeputusan)
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)

    class Meta:
        model = KeputusanBupati
        fields = [
            "id",
            "jenis",
            "jenis_label",
            "nomor",
            "tanggal",
            "tentang",
            "berlaku_mulai",
            "berlaku_sampai",
            "berkas",
        ]
        read_only_fields = fields


class PemangkuSerializer(serializers.ModelSerializer):
    """Who held an office from when to when (P35-1). The NIP is left out."""

    status = pilihan_baca(StatusPemangku)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = PemangkuJabatan
        fields = ["id", "nama", "pangkat", "status", "status_label", "mulai", "selesai"]
        read_only_fields = fields


class KursiSerializer(serializers.Serializer):
    """One office of the decree (P35-1, P35-2), the person holding it on ``susunan_pada``
    (``pemangku``, null when vacant) and everyone who held it, newest first."""

    id = serializers.IntegerField(source="jabatan.id")
    kedudukan = serializers.ChoiceField(source="jabatan.kedudukan", choices=Kedudukan.choices)
    kedudukan_label = serializers.CharField(source="jabatan.get_kedudukan_display")
    nama_jabatan = serializers.CharField(source="jabatan.nama_jabatan")
    perangkat_daerah = serializers.IntegerField(
        source="jabatan.perangkat_daerah_id", allow_null=True
    )
    hak_suara = serializers.BooleanField(source="jabatan.hak_suara")
    anggota_tetap = serializers.BooleanField(source="jabatan.anggota_tetap")
    pemangku = PemangkuSerializer(allow_null=True)
    riwayat_pemangku = PemangkuSerializer(source="jabatan.pemangku.all", many=True)


class KeputusanBupatiDetailSerializer(KeputusanBupatiSerializer):
    """The decree with its composition on ``susunan_pada`` (today, or the first day of
    the decree when it starts later), as on the web page."""

    susunan_pada = serializers.DateField(read_only=True)
    jabatan = KursiSerializer(source="susunan", many=True, read_only=True)

    class Meta(KeputusanBupatiSerializer.Meta):
        fields = [*KeputusanBupatiSerializer.Meta.fields, "susunan_pada", "jabatan"]
        read_only_fields = fields


# --- meetings (Pasal 36–39) -------------------------------------------------------------


class KehadiranSerializer(serializers.ModelSerializer):
    """One office invited and whether its holder came (P38-4)."""

    class Meta:
        model = Kehadiran
        fields = [
            "id",
            "jabatan",
            "nama",
            "keterangan_jabatan",
            "hadir",
            "diwakili_oleh",
            "keterangan",
        ]
        read_only_fields = fields


class KeputusanRapatSerializer(serializers.ModelSerializer):
    """What the meeting decided on the item; for an offer, TKKSD's recommendation with
    its grounds (P18-3, P18-4, P18-5)."""

    class Meta:
        model = KeputusanRapat
        fields = [
            "uraian",
            "rekomendasi",
            "alasan_penolakan",
            "pertimbangan_persetujuan",
            "tindak_lanjut",
            "dicatat_pada",
        ]
        read_only_fields = fields


class AgendaRapatSerializer(serializers.ModelSerializer):
    """One agenda item, under a duty of Pasal 34 ayat (2) (P34-2), with its decision
    (null until the result is recorded)."""

    jenis = pilihan_baca(JenisAgenda)
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)
    keputusan = KeputusanRapatSerializer(read_only=True, allow_null=True)

    class Meta:
        model = AgendaRapat
        fields = [
            "id",
            "urutan",
            "judul",
            "jenis",
            "jenis_label",
            "tugas",
            "ksdd",
            "program_kerja",
            "pembahasan",
            "keputusan",
        ]
        read_only_fields = fields


class RiwayatRapatSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusRapat)
    ke = pilihan_baca(StatusRapat)
    oleh = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = RiwayatRapat
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class RapatSerializer(serializers.ModelSerializer):
    """A Rapat Pleno (P37) or Rapat Teknis (P38): when, where, its status, the office
    that chaired and the person on the day, and the ids of its Berita Acara and Notulen
    documents (P39)."""

    jenis = pilihan_baca(JenisRapat)
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)
    status = pilihan_baca(StatusRapat)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Rapat
        fields = [
            "id",
            "jenis",
            "jenis_label",
            "nomor",
            "tanggal",
            "waktu_mulai",
            "tempat",
            "status",
            "status_label",
            "keputusan",
            "pimpinan",
            "pimpinan_nama",
            "undangan",
            "berita_acara",
            "notulen",
            "versi",
        ]
        read_only_fields = fields


class RapatDetailSerializer(RapatSerializer):
    """The meeting with its attendance, agenda and decisions, the stand-in's reason
    (P37-4, P38-5), the notulen, its invitation (P36), Berita Acara and Notulen with their
    versions (P39)
    and its history."""

    kehadiran = KehadiranSerializer(many=True, read_only=True)
    agenda = AgendaRapatSerializer(many=True, read_only=True)
    riwayat = RiwayatRapatSerializer(many=True, read_only=True)
    dokumen_undangan = DokumenSerializer(source="undangan", read_only=True, allow_null=True)
    dokumen_berita_acara = DokumenSerializer(source="berita_acara", read_only=True, allow_null=True)
    dokumen_notulen = DokumenSerializer(source="notulen", read_only=True, allow_null=True)

    class Meta(RapatSerializer.Meta):
        fields = [
            *RapatSerializer.Meta.fields,
            "alasan_pengganti",
            "notulis",
            "ringkasan",
            "kehadiran",
            "agenda",
            "dokumen_undangan",
            "dokumen_berita_acara",
            "dokumen_notulen",
            "riwayat",
        ]
        read_only_fields = fields


class RapatJadwalkanSerializer(serializers.Serializer):
    """Schedule a Rapat Pleno or Rapat Teknis of the TKKSD in force on ``tanggal``
    (``services.rapat_jadwalkan``; P34-1, P37-1, P38-4): every office is invited."""

    jenis = pilihan_masuk(JenisRapat)
    tanggal = TanggalField()
    waktu_mulai = serializers.TimeField(required=False, allow_null=True)
    tempat = serializers.CharField(max_length=250, allow_blank=True)


class AgendaTambahSerializer(serializers.Serializer):
    """Put an item on a scheduled meeting's agenda (``services.agenda_tambah``; P34-2,
    P37-2, P18-3). ``ksdd``: the partner's offer awaiting a reply, for a recommendation;
    ``program_kerja``: the programme to set, for its setting."""

    judul = serializers.CharField(max_length=300, allow_blank=True)
    jenis = pilihan_masuk(JenisAgenda, required=False)
    tugas = serializers.ChoiceField(choices=TugasTkksd.choices, required=False, allow_blank=True)
    ksdd = serializers.PrimaryKeyRelatedField(
        queryset=Ksdd.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("ID KSDD (penawaran daerah mitra yang menunggu tanggapan)."),
    )
    program_kerja = serializers.PrimaryKeyRelatedField(
        queryset=ProgramKerja.objects.all(), required=False, allow_null=True
    )


# --- work programme (Pasal 37 ayat 2) ---------------------------------------------------


class KegiatanProgramKerjaSerializer(serializers.ModelSerializer):
    tugas_label = serializers.CharField(source="get_tugas_display", read_only=True)

    class Meta:
        model = KegiatanProgramKerja
        fields = [
            "id",
            "uraian",
            "tugas",
            "tugas_label",
            "triwulan",
            "penanggung_jawab",
            "selesai",
        ]
        read_only_fields = fields


class ProgramKerjaSerializer(serializers.ModelSerializer):
    """The year's work programme (P37-2) and the Rapat Pleno that set it (null while
    it is drafted)."""

    kegiatan = KegiatanProgramKerjaSerializer(many=True, read_only=True)

    class Meta:
        model = ProgramKerja
        fields = ["id", "tahun", "ditetapkan_dalam", "catatan", "kegiatan"]
        read_only_fields = fields


# --- recording a meeting's result, cancelling (Pasal 36–39, Pasal 18 ayat 3–5) ----------


class KehadiranIsianSerializer(serializers.Serializer):
    """One invited office on the day: present, or represented by whom (P38-4)."""

    kehadiran = serializers.IntegerField(
        help_text=_("ID baris kehadiran rapat ini (``kehadiran[].id`` pada detail rapat).")
    )
    hadir = serializers.BooleanField()
    diwakili_oleh = serializers.CharField(max_length=200, required=False, allow_blank=True)
    keterangan = serializers.CharField(max_length=250, required=False, allow_blank=True)


class KeputusanIsianSerializer(serializers.Serializer):
    """The decision on one agenda item; for a partner's offer the pleno's recommendation
    with its grounds (P18-3, P18-4 when rejecting, P18-5 when accepting)."""

    agenda = serializers.IntegerField(
        help_text=_("ID agenda rapat ini (``agenda[].id`` pada detail rapat).")
    )
    uraian = serializers.CharField(allow_blank=True)
    pembahasan = serializers.CharField(required=False, allow_blank=True)
    tindak_lanjut = serializers.CharField(required=False, allow_blank=True)
    rekomendasi = pilihan_masuk(Keputusan, required=False, allow_blank=True)
    alasan_penolakan = serializers.ListField(
        child=serializers.ChoiceField(choices=AlasanPenolakan.choices),
        required=False,
        help_text=_("Pasal 18 ayat (4), bila rekomendasi ditolak."),
    )
    pertimbangan_persetujuan = serializers.ListField(
        child=serializers.ChoiceField(choices=PertimbanganPersetujuan.choices),
        required=False,
        help_text=_("Pasal 18 ayat (5), bila rekomendasi diterima."),
    )
    temuan = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text=_(
            'JSON {"b": "temuan ..."}: temuan untuk setiap pertimbangan yang dipilih, '
            "menurut hurufnya (P18-4, P18-5)."
        ),
    )
    alasan_peringatan = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_(
            "Alasan bila penolakan tetap dicatat meskipun pertimbangannya bertentangan dengan "
            "data KSDD (P18-4)."
        ),
    )


def _per_id(baris: list[dict], kunci: str) -> dict[int, dict]:
    """A list of rows into the service's mapping ``{id: row}``; one row per id."""
    hasil: dict[int, dict] = {}
    for b in baris:
        pk = b.pop(kunci)
        if pk in hasil:
            raise serializers.ValidationError(_("ID %s disebut lebih dari sekali.") % pk)
        hasil[pk] = b
    return hasil


class RapatHasilCatatSerializer(serializers.Serializer):
    """Record a meeting that was held (``services.rapat_hasil_catat``): attendance per
    invited office, the chair (P37-3/P37-4 pleno, P38-4/P38-5 teknis) with the stand-in's
    reason, the notulen and a decision per agenda item (P39). An office left out of
    ``kehadiran`` is recorded absent; an agenda item left out of ``keputusan`` is
    refused (P39)."""

    kehadiran = KehadiranIsianSerializer(many=True)
    pimpinan = serializers.PrimaryKeyRelatedField(
        queryset=Jabatan.objects.all(),
        allow_null=True,
        help_text=_("ID jabatan yang memimpin rapat (``kehadiran[].jabatan``)."),
    )
    ringkasan = serializers.CharField(allow_blank=True, help_text=_("Jalannya rapat (notulen)."))
    keputusan = KeputusanIsianSerializer(many=True)
    alasan_pengganti = serializers.CharField(required=False, allow_blank=True)
    notulis = serializers.CharField(max_length=200, required=False, allow_blank=True)
    nomor = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_("Nomor Berita Acara; kosong: diberi nomor otomatis."),
    )

    def validate_kehadiran(self, baris):
        kehadiran = _per_id(baris, "kehadiran")
        rapat = self.context["rapat"]
        asing = set(kehadiran) - set(rapat.kehadiran.values_list("pk", flat=True))
        if asing:
            raise serializers.ValidationError(
                _("Bukan peserta rapat ini: %s.") % ", ".join(map(str, sorted(asing)))
            )
        return kehadiran

    def validate_keputusan(self, baris):
        keputusan = _per_id(baris, "agenda")
        rapat = self.context["rapat"]
        asing = set(keputusan) - set(rapat.agenda.values_list("pk", flat=True))
        if asing:
            raise serializers.ValidationError(
                _("Bukan agenda rapat ini: %s.") % ", ".join(map(str, sorted(asing)))
            )
        return keputusan


class RapatBatalkanSerializer(serializers.Serializer):
    """Cancel a scheduled meeting (``services.rapat_batalkan``); the reason is kept in
    its history."""

    alasan = serializers.CharField(allow_blank=True)
