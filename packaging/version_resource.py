"""The Windows version resource of the executables, as the text PyInstaller's ``version=``
reads (PyInstaller.utils.win32.versioninfo evaluates it). Explorer shows it under
属性 → 详细信息, and antivirus programs trust an executable with one a little more.

Plain Python without PyInstaller, so that tests can check it on any platform.
"""

from __future__ import annotations

import re

# zh-CN (0x0804) in Unicode (code page 1200): the strings below are Chinese.
LANGUAGE, CODE_PAGE = 0x0804, 1200
PRODUCT = "工会公文助手 UnionOffice"


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` or ``1.2rc1`` as the four numbers a version resource holds."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:4]]
    padded = [*numbers, 0, 0, 0, 0]
    return (padded[0], padded[1], padded[2], padded[3])


def version_resource_text(version: str, description: str, file_name: str) -> str:
    """The VSVersionInfo literal for ``file_name`` (``UnionOffice.exe`` …) at ``version``."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "UnionOffice",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": file_name.removesuffix(".exe"),
        "LegalCopyright": "MIT License",
        "OriginalFilename": file_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('{LANGUAGE:04x}{CODE_PAGE:04x}', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE:#06x}, {CODE_PAGE}])])
  ]
)
"""
