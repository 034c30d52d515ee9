#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and starts UnionOffice on a demo database
# (demo/demo.sqlite in the repository folder, with the automatic backups beside it in
# demo/backups/, both ignored by git; delete demo/ to start afresh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-packages.sh
VENV=${VENV:-.venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e .

DB=${UNIONOFFICE_DEMO_DB:-demo/demo.sqlite}
mkdir -p "$(dirname "$DB")"
[ -f "$DB" ] || "$VENV/bin/unionoffice" --db "$DB" demo
exec "$VENV/bin/unionoffice" --db "$DB" "$@"
