#!/usr/bin/env bash
# Set up and run KERSA on SQLite with demo data: web server and background worker.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements.txt
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.dev}"
mkdir -p var
PY=.venv/bin/python
$PY manage.py migrate --noinput -v0
$PY manage.py muat_demo
ADDR="${KERSA_ADDR:-127.0.0.1:8000}"
# Links in reminder e-mails point at the address served here.
export KERSA_BASE_URL="${KERSA_BASE_URL:-http://$ADDR}"
# The daily clock scan: queued now; the worker keeps it queued for 00:05 every day.
$PY manage.py pindai_tenggat --antrekan
$PY manage.py jalankan_pekerja --interval 2 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
echo
echo "KERSA berjalan di http://$ADDR/  (pekerja latar belakang: PID $WORKER)"
echo "Tekan Ctrl+C untuk berhenti."
$PY manage.py runserver "$ADDR" --noreload
