"""Issue 14: a clock's starting event as a key and its facts, shown in the reader's
language (``deadlines.peristiwa``). The rows written before are read back from their
stored sentence (the Indonesian one, or its English when a step was recorded on an
English page); a sentence that matches none stays free text, shown as stored."""

import re

from django.db import migrations, models

# The sentences as they were written when this migration was made (frozen here: the
# live catalogue may change later).
TEMPLAT_ID = {
    "penawaran_keluar": "Surat penawaran %(n)s diterima %(m)s pada %(t)s",
    "penawaran_masuk": "Surat penawaran %(n)s dari %(m)s diterima pada %(t)s",
    "permintaan_kedua": "Permintaan tanggapan kedua %(n)s (%(m)s) diterima pada %(t)s",
    "dprd_permohonan": "Permohonan Persetujuan DPRD %(n)s diterima DPRD pada %(t)s",
    "dprd_telaahan": "Telaahan DPRD %(n)s diterima Bupati pada %(t)s",
    "dprd_jawaban": "Jawaban pimpinan DPRD %(n)s diterima Bupati pada %(t)s",
    "dprd_tindak_lanjut": "Tindak lanjut Bupati %(n)s diterima DPRD pada %(t)s",
    "naskah": "%(naskah)s ditandatangani pada %(t)s, berlaku sampai %(s)s",
    "laporan_semester": "Pelaksanaan KSDD %(nomor)s pada semester %(s)s",
    "monev_semester": "Semester %(s)s: monitoring dan evaluasi %(pd)s",
    "pleno_tahunan": "Tahun %(tahun)s: Rapat Pleno TKKSD paling sedikit sekali setahun",
    "identifikasi": "Triwulan I %(t)s: identifikasi KSDD sukarela untuk tahun %(b)s",
    "laporan_tkksd": (
        "Semester %(s)s: laporan TKKSD kepada Bupati (semester II: juga laporan tahunan)"
    ),
}
NASKAH = {
    "Kesepakatan Bersama": "kb",
    "Perjanjian Kerja Sama": "pks",
    "Kesepakatan Bersama (joint agreement)": "kb",
    "Cooperation Agreement (PKS)": "pks",
}


def _pola(templat: str) -> re.Pattern:
    bagian = re.split(r"%\((\w+)\)s", templat)
    regex = "".join(
        re.escape(b) if i % 2 == 0 else f"(?P<{b}>.+?)" for i, b in enumerate(bagian)
    )
    return re.compile(f"^{regex}$", re.S)


def _templat_en() -> dict[str, str]:
    from django.utils import translation

    with translation.override("en"):
        hasil = {}
        for kode, t in TEMPLAT_ID.items():
            en = translation.gettext(t)
            if en != t:
                hasil[kode] = en
        return hasil


def isi_kode(apps, schema_editor):
    Tenggat = apps.get_model("deadlines", "Tenggat")
    pola = [(k, _pola(t)) for k, t in TEMPLAT_ID.items()]
    pola += [(k, _pola(t)) for k, t in _templat_en().items()]
    for t in Tenggat.objects.filter(peristiwa_kode="").only("pk", "peristiwa").iterator():
        for kode, p in pola:
            m = p.match(t.peristiwa)
            if not m:
                continue
            data = m.groupdict()
            if kode == "naskah":
                if data["naskah"] not in NASKAH:
                    continue
                data["naskah"] = NASKAH[data["naskah"]]
            Tenggat.objects.filter(pk=t.pk).update(peristiwa_kode=kode, peristiwa_data=data)
            break


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0007_i12cal_tahun_perkiraan")]

    operations = [
        migrations.AddField(
            model_name="tenggat",
            name="peristiwa_kode",
            field=models.CharField(blank=True, max_length=40, verbose_name="kode peristiwa awal"),
        ),
        migrations.AddField(
            model_name="tenggat",
            name="peristiwa_data",
            field=models.JSONField(blank=True, default=dict, verbose_name="data peristiwa awal"),
        ),
        migrations.RunPython(isi_kode, migrations.RunPython.noop),
    ]
