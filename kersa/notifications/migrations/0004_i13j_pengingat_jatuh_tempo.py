"""A reminder is given once per clock, user, kind and due date: a clock moved to a new
due date (a KB extended, P19-3) is reminded again. Reminders already given are for the
due date their clock has now."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def isi_jatuh_tempo(apps, schema_editor):
    Pengingat = apps.get_model("notifications", "Pengingat")
    Tenggat = apps.get_model("deadlines", "Tenggat")
    Pengingat.objects.filter(jatuh_tempo__isnull=True).update(
        jatuh_tempo=Subquery(Tenggat.objects.filter(pk=OuterRef("tenggat_id")).values("jatuh_tempo")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_i12k_pengingat_kb_tanpa_pks"),
        ("deadlines", "__first__"),
    ]

    operations = [
        migrations.AddField(
            model_name="pengingat",
            name="jatuh_tempo",
            field=models.DateField(blank=True, null=True, verbose_name="untuk jatuh tempo"),
        ),
        migrations.RunPython(isi_jatuh_tempo, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="pengingat", name="pengingat_sekali_per_jenis"),
        migrations.AddConstraint(
            model_name="pengingat",
            constraint=models.UniqueConstraint(
                fields=("tenggat", "user", "jenis", "jatuh_tempo"),
                name="pengingat_sekali_per_jenis_jatuh_tempo",
            ),
        ),
    ]
