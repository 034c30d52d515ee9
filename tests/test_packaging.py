"""The Windows version resource the spec gives both executables, read the way PyInstaller
reads it (an expression of its versioninfo classes), here with stand-ins for those classes."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location(
        "version_resource", ROOT / "packaging" / "version_resource.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record(kind: str):
    return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}


CLASSES = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
           "VarFileInfo", "VarStruct")  # fmt: skip


def test_the_version_resource_carries_the_projects_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    resource = _module()
    text = resource.version_resource_text(
        project["version"], project["description"], "unionoffice-cli.exe"
    )
    info = eval(text, {name: _record(name) for name in CLASSES})  # as PyInstaller does
    numbers = resource.version_numbers(project["version"])
    assert info["ffi"]["filevers"] == info["ffi"]["prodvers"] == numbers
    table = info["kids"][0]["args"][0][0]
    assert table["args"][0] == "080404b0"  # zh-CN, Unicode
    strings = dict(entry["args"] for entry in table["args"][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == project["version"]
    assert strings["OriginalFilename"] == "unionoffice-cli.exe"
    assert strings["FileDescription"] == project["description"]


def test_version_numbers() -> None:
    numbers = _module().version_numbers
    assert numbers("0.1.0") == (0, 1, 0, 0)
    assert numbers("1.2rc3") == (1, 2, 3, 0)
    assert numbers("2.0.1.7.9+local5") == (2, 0, 1, 7)
