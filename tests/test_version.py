"""The program's version is written once in the package and once in pyproject.toml."""

import tomllib
from pathlib import Path

import unionoffice

ROOT = Path(__file__).resolve().parents[1]


def test_package_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert unionoffice.__version__ == project["version"]
