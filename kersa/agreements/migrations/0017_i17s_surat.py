"""Letters share one abstract model (``models.surat.Surat``, issue 17 item 5): the number
is ``nomor`` everywhere, a letter's file ``berkas``, who recorded it ``dicatat_oleh``.
Renames keep the data; the receipt check is one constraint per letter, named by model."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0016_i18s_cari_trigram"),
        ("documents", "0011_i12k_perpanjangan_kb"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="pengajuankak", old_name="nomor_surat", new_name="nomor"),
        migrations.RenameField(model_name="penawaran", old_name="nomor_surat", new_name="nomor"),
        migrations.RenameField(model_name="tanggapan", old_name="nomor_surat", new_name="nomor"),
        migrations.RenameField(
            model_name="permohonandprd", old_name="nomor_surat", new_name="nomor"
        ),
        migrations.RenameField(
            model_name="permintaantanggapankedua", old_name="nomor_surat", new_name="nomor"
        ),
        migrations.RenameField(
            model_name="laporangubernur", old_name="nomor_surat", new_name="nomor"
        ),
        migrations.RenameField(model_name="jawabandprd", old_name="nomor_surat", new_name="nomor"),
        migrations.RenameField(
            model_name="penolakandprd", old_name="nomor_surat", new_name="nomor"
        ),
        migrations.RenameField(model_name="telaahandprd", old_name="nomor_surat", new_name="nomor"),
        migrations.RenameField(
            model_name="tindaklanjuttelaahan", old_name="nomor_surat", new_name="nomor"
        ),
        migrations.RenameField(
            model_name="perpanjangankb", old_name="nomor_surat", new_name="nomor"
        ),
        migrations.RenameField(
            model_name="pengajuankak", old_name="berkas_surat", new_name="berkas"
        ),
        migrations.RenameField(
            model_name="permohonandprd", old_name="berkas_surat", new_name="berkas"
        ),
        migrations.RenameField(
            model_name="pengajuankak", old_name="diajukan_oleh", new_name="dicatat_oleh"
        ),
        migrations.RenameField(
            model_name="pengajuankak", old_name="diajukan_pada", new_name="dicatat_pada"
        ),
        migrations.AlterModelOptions(
            name="pengajuankak",
            options={
                "ordering": ["-dicatat_pada"],
                "verbose_name": "pengajuan KAK",
                "verbose_name_plural": "pengajuan KAK",
            },
        ),
        migrations.RemoveConstraint(
            model_name="jawabandprd",
            name="jawaban_dprd_diterima_setelah_surat",
        ),
        migrations.RemoveConstraint(
            model_name="penolakandprd",
            name="penolakan_dprd_diterima_setelah_surat",
        ),
        migrations.RemoveConstraint(
            model_name="permintaantanggapankedua",
            name="permintaan_kedua_diterima_setelah_surat",
        ),
        migrations.RemoveConstraint(
            model_name="telaahandprd",
            name="telaahan_dprd_diterima_setelah_surat",
        ),
        migrations.RemoveConstraint(
            model_name="tindaklanjuttelaahan",
            name="tindak_lanjut_diterima_setelah_surat",
        ),
        migrations.AlterField(
            model_name="jawabandprd",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="jawabandprd",
            name="tanggal_diterima",
            field=models.DateField(verbose_name="tanggal surat diterima"),
        ),
        migrations.AlterField(
            model_name="laporangubernur",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="laporangubernur",
            name="tanggal_surat",
            field=models.DateField(verbose_name="tanggal surat"),
        ),
        migrations.AlterField(
            model_name="penawaran",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="penawaran",
            name="tanggal_surat",
            field=models.DateField(verbose_name="tanggal surat"),
        ),
        migrations.AlterField(
            model_name="pengajuankak",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="pengajuankak",
            name="tanggal_surat",
            field=models.DateField(verbose_name="tanggal surat"),
        ),
        migrations.AlterField(
            model_name="penolakandprd",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="penolakandprd",
            name="tanggal_diterima",
            field=models.DateField(verbose_name="tanggal surat diterima"),
        ),
        migrations.AlterField(
            model_name="permintaantanggapankedua",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="permohonandprd",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="permohonandprd",
            name="tanggal_diterima",
            field=models.DateField(verbose_name="tanggal surat diterima"),
        ),
        migrations.AlterField(
            model_name="tanggapan",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="tanggapan",
            name="tanggal_diterima",
            field=models.DateField(verbose_name="tanggal surat diterima"),
        ),
        migrations.AlterField(
            model_name="tanggapan",
            name="tanggal_surat",
            field=models.DateField(verbose_name="tanggal surat"),
        ),
        migrations.AlterField(
            model_name="telaahandprd",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="telaahandprd",
            name="tanggal_diterima",
            field=models.DateField(verbose_name="tanggal surat diterima"),
        ),
        migrations.AlterField(
            model_name="tindaklanjuttelaahan",
            name="nomor",
            field=models.CharField(max_length=100, verbose_name="nomor surat"),
        ),
        migrations.AlterField(
            model_name="tindaklanjuttelaahan",
            name="tanggal_diterima",
            field=models.DateField(verbose_name="tanggal surat diterima"),
        ),
        migrations.AddConstraint(
            model_name="jawabandprd",
            constraint=models.CheckConstraint(
                condition=models.Q(("tanggal_diterima__gte", models.F("tanggal_surat"))),
                name="jawabandprd_diterima_setelah_surat",
            ),
        ),
        migrations.AddConstraint(
            model_name="penolakandprd",
            constraint=models.CheckConstraint(
                condition=models.Q(("tanggal_diterima__gte", models.F("tanggal_surat"))),
                name="penolakandprd_diterima_setelah_surat",
            ),
        ),
        migrations.AddConstraint(
            model_name="permintaantanggapankedua",
            constraint=models.CheckConstraint(
                condition=models.Q(("tanggal_diterima__gte", models.F("tanggal_surat"))),
                name="permintaantanggapankedua_diterima_setelah_surat",
            ),
        ),
        migrations.AddConstraint(
            model_name="permohonandprd",
            constraint=models.CheckConstraint(
                condition=models.Q(("tanggal_diterima__gte", models.F("tanggal_surat"))),
                name="permohonandprd_diterima_setelah_surat",
            ),
        ),
        migrations.AddConstraint(
            model_name="tanggapan",
            constraint=models.CheckConstraint(
                condition=models.Q(("tanggal_diterima__gte", models.F("tanggal_surat"))),
                name="tanggapan_diterima_setelah_surat",
            ),
        ),
        migrations.AddConstraint(
            model_name="telaahandprd",
            constraint=models.CheckConstraint(
                condition=models.Q(("tanggal_diterima__gte", models.F("tanggal_surat"))),
                name="telaahandprd_diterima_setelah_surat",
            ),
        ),
        migrations.AddConstraint(
            model_name="tindaklanjuttelaahan",
            constraint=models.CheckConstraint(
                condition=models.Q(("tanggal_diterima__gte", models.F("tanggal_surat"))),
                name="tindaklanjuttelaahan_diterima_setelah_surat",
            ),
        ),
    ]
