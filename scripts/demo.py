"""Python equivalent of scripts/demo.sh, for a Windows developer (and any other system):

    py scripts\\demo.py            Windows
    python3 scripts/demo.py        Linux, macOS

Sets up .venv and starts UnionOffice on a demo database (demo/demo.sqlite in the repository
folder, its automatic backups beside it in demo/backups/, both ignored by git; or
UNIONOFFICE_DEMO_DB; delete demo/ to start afresh). Extra arguments go to unionoffice.
"""

from __future__ import annotations

import os
import subprocess
import sys

from setup_env import ROOT, ensure_venv, run, system_packages

# In a folder of its own: the window keeps a daily backup in backups/ beside the database.
DEMO_DB = "demo/demo.sqlite"


def main(arguments: list[str]) -> int:
    system_packages()
    python = ensure_venv()
    db = ROOT / os.environ.get("UNIONOFFICE_DEMO_DB", DEMO_DB)
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists():
        run(python, "-m", "unionoffice", "--db", db, "demo")
    window = [str(python), "-m", "unionoffice", "--db", str(db), *arguments]
    return subprocess.run(window, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
