#!/usr/bin/env bash
# mypy with django-stubs against a baseline: the errors there when type checking was added
# (mypy-baseline.txt, line numbers left out so edits elsewhere in a file do not matter).
# Fails only on an error that is not in the baseline. `scripts/mypy-baseline.sh --update`
# rewrites the baseline after fixing some (commit the shorter file).
set -euo pipefail
cd "$(dirname "$0")/.."
MYPY="${MYPY:-.venv/bin/mypy}"
[ -x "$MYPY" ] || { echo "mypy belum terpasang: pip install -r requirements-dev.txt" >&2; exit 1; }
now=$(mktemp)
trap 'rm -f "$now"' EXIT
DJANGO_SETTINGS_MODULE=config.settings.test "$MYPY" kersa config 2>/dev/null \
  | grep -E '^[^ ]+:[0-9]+: error:' | sed -E 's/^([^:]+):[0-9]+: /\1: /' | LC_ALL=C sort >"$now" || true
if [ "${1:-}" = "--update" ]; then
  cp "$now" mypy-baseline.txt
  echo "mypy-baseline.txt: $(wc -l <mypy-baseline.txt) galat tercatat."
  exit 0
fi
baru=$(LC_ALL=C comm -13 <(LC_ALL=C sort mypy-baseline.txt) "$now")
if [ -n "$baru" ]; then
  echo "Galat mypy baru (tidak ada di mypy-baseline.txt):" >&2
  echo "$baru" >&2
  exit 1
fi
echo "mypy: $(wc -l <"$now") galat, semuanya dalam baseline ($(wc -l <mypy-baseline.txt))."
