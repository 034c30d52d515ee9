#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and runs the whole test suite:
#   1. lint (ruff) and the layer contracts (no Qt below the gui package);
#   2. every test, GUI ones offscreen;
#   3. the Qt-free pass: domain, storage, import, export and CLI tests with PySide6 blocked,
#      run beside 2.
# Extra arguments go to the full pytest run (e.g. scripts/test.sh -k numbering).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-packages.sh
VENV=${VENV:-.venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test,postgres]"

"$VENV/bin/ruff" check src tests
"$VENV/bin/lint-imports"
"$VENV/bin/mypy"

export QT_QPA_PLATFORM=offscreen
# The Qt-free pass runs beside the full run, on the core the full run leaves mostly idle (one
# pytest process, and a PostgreSQL server in CI); its report follows the full run's.
qt_free_log=$(mktemp)
env -u UNIONOFFICE_TEST_POSTGRES UNIONOFFICE_BLOCK_QT=1 "$VENV/bin/python" -m pytest -p no:pytest-qt -p no:cacheprovider -W ignore::pytest.PytestConfigWarning -q \
  tests/domain tests/storage tests/cli $(ls -d tests/importing tests/exporting 2>/dev/null) \
  >"$qt_free_log" 2>&1 &
qt_free=$!
full=0
"$VENV/bin/python" -m pytest "$@" || full=$?
qt_free_status=0
wait "$qt_free" || qt_free_status=$?
echo "Qt-free pass: domain, storage, importing, exporting and cli tests with PySide6 blocked"
cat "$qt_free_log"
rm -f "$qt_free_log"
[ "$full" -eq 0 ] && [ "$qt_free_status" -eq 0 ]
