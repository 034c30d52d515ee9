"""Python equivalent of scripts/demo.sh, for a Windows developer (and any other system):

    py scripts\\demo.py            Windows
    python3 scripts/demo.py        Linux, macOS

Sets up .venv and starts UnionOffice on a demo database (demo.sqlite in the repository
folder, or UNIONOFFICE_DEMO_DB; delete it to start afresh). Extra arguments go to unionoffice.
"""

from __future__ import annotations

import os
import subprocess
import sys

from setup_env import ROOT, ensure_venv, run, system_packages


def main(arguments: list[str]) -> int:
    system_packages()
    python = ensure_venv()
    db = ROOT / os.environ.get("UNIONOFFICE_DEMO_DB", "demo.sqlite")
    if not db.exists():
        run(python, "-m", "unionoffice", "--db", db, "demo")
    window = [str(python), "-m", "unionoffice", "--db", str(db), *arguments]
    return subprocess.run(window, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
