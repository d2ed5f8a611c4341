"""Set-based writes of the daily scan (issue 18 item 5): a fixed number of statements
whatever the number of clocks, by ``INSERT … SELECT`` and conditional ``UPDATE``s.

The ORM has no ``INSERT … SELECT``; :func:`sisipkan_dari` compiles a queryset whose
columns are all annotations (in the order of the target columns) and puts it under an
``INSERT INTO … (cols)`` with ``ON CONFLICT DO NOTHING``, so a row another worker
inserted meanwhile (a unique ``kunci``) is skipped, not an error. Two small functions
give what the SQL dialects spell differently: a date as ``dd-mm-yyyy`` and a date plus
one day. Only PostgreSQL and SQLite are supported (``DIDUKUNG``); elsewhere the scan
keeps its row-by-row path.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import CharField, DateField, Func, Value

DIDUKUNG = ("postgresql", "sqlite")


def didukung() -> bool:
    return connection.vendor in DIDUKUNG


class TanggalDMY(Func):
    """A date written ``dd-mm-yyyy`` (as ``strftime("%d-%m-%Y")`` writes it)."""

    output_field = CharField()
    arity = 1

    def as_postgresql(self, compiler, conn, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"to_char({sql}, 'DD-MM-YYYY')", params

    def as_sqlite(self, compiler, conn, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"strftime(%s, {sql})", ["%d-%m-%Y", *params]


class HariBerikut(Func):
    """The day after a date (a missed clock is missed the day after its last day)."""

    output_field = DateField()
    arity = 1

    def as_postgresql(self, compiler, conn, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + 1)", params

    def as_sqlite(self, compiler, conn, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '+1 day')", params


def teks(nilai: str) -> Value:
    return Value(nilai, output_field=CharField())


def sisipkan_dari(model, kolom: list[str], qs) -> int:
    """``INSERT INTO model (kolom…) SELECT …`` from ``qs``, one statement. ``qs`` must
    be ``.annotate(c0=…, c1=…).values("c0", "c1", …)`` in the order of ``kolom``
    (field names of ``model``). Rows whose unique key exists already are skipped.
    Returns the number of rows inserted."""
    meta = model._meta
    kolom_sql = ", ".join(connection.ops.quote_name(meta.get_field(k).column) for k in kolom)
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({kolom_sql}) "
            f"{sql} ON CONFLICT DO NOTHING",
            params,
        )
        return cur.rowcount
