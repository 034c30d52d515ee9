#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and starts UnionOffice on a demo database
# (demo.sqlite in the repository folder; delete it to start afresh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-packages.sh
VENV=${VENV:-.venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e .

DB=${UNIONOFFICE_DEMO_DB:-demo.sqlite}
[ -f "$DB" ] || "$VENV/bin/unionoffice" --db "$DB" demo
exec "$VENV/bin/unionoffice" --db "$DB" "$@"
