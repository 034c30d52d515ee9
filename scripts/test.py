"""Python equivalent of scripts/test.sh, for a Windows developer (and any other system):

    py scripts\\test.py            Windows
    python3 scripts/test.py        Linux, macOS

Sets up .venv, then runs what scripts/test.sh runs: lint (ruff), the layer contracts, mypy,
every test (GUI ones offscreen), and the Qt-free pass with PySide6 blocked. Extra arguments go
to the full pytest run (e.g. ``-k numbering``).
"""

from __future__ import annotations

import os
import sys

from setup_env import ensure_venv, run, system_packages, venv_tool

QT_FREE_TESTS = ["tests/domain", "tests/storage", "tests/cli", "tests/importing", "tests/exporting"]


def main(arguments: list[str]) -> None:
    system_packages()
    python = ensure_venv("test,postgres")
    run(venv_tool("ruff"), "check", "src", "tests")
    run(venv_tool("lint-imports"))
    run(venv_tool("mypy"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run(python, "-m", "pytest", *arguments, env=env)
    print("Qt-free pass: domain, storage, importing, exporting and cli tests with PySide6 blocked")
    qt_free = {key: value for key, value in env.items() if key != "UNIONOFFICE_TEST_POSTGRES"}
    qt_free["UNIONOFFICE_BLOCK_QT"] = "1"
    run(python, "-m", "pytest", "-p", "no:pytest-qt", "-W", "ignore::pytest.PytestConfigWarning",
        "-q", *QT_FREE_TESTS, env=qt_free)  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
