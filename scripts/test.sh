#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and runs the whole test suite:
#   1. lint (ruff) and the layer contracts (no Qt below the gui package);
#   2. every test, GUI ones offscreen;
#   3. the Qt-free pass: domain, storage, import, export and CLI tests with PySide6 blocked.
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
"$VENV/bin/python" -m pytest "$@"

echo "Qt-free pass: domain, storage, importing, exporting and cli tests with PySide6 blocked"
env -u UNIONOFFICE_TEST_POSTGRES UNIONOFFICE_BLOCK_QT=1 "$VENV/bin/python" -m pytest -p no:pytest-qt -W ignore::pytest.PytestConfigWarning -q \
  tests/domain tests/storage tests/cli $(ls -d tests/importing tests/exporting 2>/dev/null)
