"""Trigram indexes for the register's text search (issue 18 item 3), PostgreSQL only.

The register's ``?q=`` (``filters.KsddFilter.cari``) is ``icontains`` on the title, the
register number, the location and the partner's name; on PostgreSQL Django writes it
``UPPER(col::text) LIKE UPPER('%…%')``, which a GIN index of ``pg_trgm`` over that very
expression serves (three letters or more). The extension and the indexes are created
only on PostgreSQL; SQLite keeps the plain ``LIKE`` scan (a laptop's register is small).
Not in the models' ``Meta.indexes``: a GIN index has no SQLite form, and the migration
state stays the same on both databases (``makemigrations --check`` is clean).
"""

from django.db import migrations

INDEKS = [
    ("agreements_ksdd", "judul", "ksdd_judul_trgm"),
    ("agreements_ksdd", "nomor_register", "ksdd_nomor_trgm"),
    ("agreements_ksdd", "lokasi", "ksdd_lokasi_trgm"),
    ("regions_wilayah", "nama", "wilayah_nama_trgm"),
]


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for tabel, kolom, nama in INDEKS:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{nama}" ON "{tabel}" '
            f'USING gin ((UPPER("{kolom}"::text)) gin_trgm_ops)'
        )


def hapus(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _tabel, _kolom, nama in INDEKS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{nama}"')


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0015_i12k_perpanjangan_kb"),
        ("regions", "0004_riwayat_pgtrigger"),
    ]

    operations = [migrations.RunPython(buat, hapus, elidable=False)]
