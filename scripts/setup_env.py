"""Shared by scripts/test.py and scripts/demo.py: the project's virtual environment and the
system packages, on Linux and Windows alike (the .sh scripts do the same on Linux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
# What the tests need besides Python on Windows (Linux: scripts/system-packages.sh).
WINDOWS_TOOLS = {
    "soffice": "LibreOffice (winget install TheDocumentFoundation.LibreOffice)",
    "pdftotext": "poppler (winget install oschwartz10612.Poppler)",
}


def venv_dir() -> Path:
    return ROOT / os.environ.get("VENV", ".venv")


def venv_tool(name: str) -> Path:
    """An executable of the virtual environment (``python``, ``ruff`` …)."""
    folder = venv_dir() / ("Scripts" if WINDOWS else "bin")
    return folder / (f"{name}.exe" if WINDOWS else name)


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    """Run ``command`` in the repository; stop the script with its status when it fails."""
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def system_packages() -> None:
    """Linux: the Debian packages (as the .sh scripts install them); Windows: say what is
    missing, since installing needs an administrator."""
    if not WINDOWS:
        if shutil.which("bash"):
            run("bash", ROOT / "scripts" / "system-packages.sh")
        return
    missing = [hint for tool, hint in WINDOWS_TOOLS.items() if shutil.which(tool) is None]
    if missing:
        print("缺少（渲染 Word 文件的测试需要）：" + "；".join(missing), file=sys.stderr)


def ensure_venv(extras: str = "") -> Path:
    """Create the virtual environment if need be and install the project into it."""
    python = venv_tool("python")
    if not python.exists():
        run(sys.executable, "-m", "venv", venv_dir())
    target = f".[{extras}]" if extras else "."
    run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", target)
    return python
