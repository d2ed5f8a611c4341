#!/usr/bin/env bash
# Run KERSA's whole test suite: lint and checks, then pytest on SQLite and on PostgreSQL.
# Installs what the tests need (Python packages; Debian's chromium when run as root),
# or says plainly what is missing. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements-dev.txt
PY=.venv/bin/python

# Browser tests drive Debian's chromium (never `playwright install`: no downloads);
# document tests need LibreOffice and poppler.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "liberation" || need+=(fonts-liberation2)
# Documents: DOCX -> PDF with LibreOffice, PDF pages -> images/text with poppler.
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# SVG emblems are drawn to PNG with cairosvg, which loads libcairo.
ldconfig -p 2>/dev/null | grep -q "libcairo.so.2" || need+=(libcairo2)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Memasang paket Debian untuk uji: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Paket Debian yang dibutuhkan uji belum terpasang: ${need[*]}" >&2
    echo "Pasang dulu: sudo apt-get install --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
fi

export DJANGO_SETTINGS_MODULE=config.settings.test
unset DATABASE_URL

mkdir -p var
echo "== Pemeriksaan: ruff, Django check, migrasi, skema OpenAPI"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
$PY manage.py check --fail-level WARNING
$PY manage.py makemigrations --check --dry-run >/dev/null || {
  echo "Ada perubahan model tanpa migrasi: jalankan manage.py makemigrations." >&2
  exit 1
}
$PY manage.py spectacular --validate --fail-on-warn --file var/openapi-check.yml >/dev/null
DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-deploy-$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz \
  ALLOWED_HOSTS=kersa.example.go.id $PY manage.py check --deploy --fail-level WARNING

# Browser tests run Playwright's sync API beside Django in one process.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
WORKERS="${PYTEST_WORKERS:-2}"
echo "== Uji pada SQLite"
$PY -m pytest -n "$WORKERS" -rs "$@"

PG_URL="${KERSA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/kersa}"
if $PY - "$PG_URL" <<'PYEOF' 2>/dev/null
import sys, psycopg
url = sys.argv[1].rsplit("/", 1)[0] + "/postgres"
psycopg.connect(url, connect_timeout=3).close()
PYEOF
then
  echo "== Uji pada PostgreSQL ($PG_URL)"
  DATABASE_URL="$PG_URL" $PY -m pytest -n "$WORKERS" -rs "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL tidak dapat dihubungi di $PG_URL, padahal CI wajib menguji di PostgreSQL." >&2
  exit 1
else
  echo "== PostgreSQL tidak tersedia di $PG_URL: putaran PostgreSQL tidak dijalankan"
  echo "   (uji bertanda 'postgres' di atas dilewati dengan alasan yang tertulis)."
fi
