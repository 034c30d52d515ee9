"""Setuptools hook: the wheel carries the top-level templates/, ui/ and resources/ folders
inside the package.

They live at the top of the checkout, where a clerk or engineer finds them (design card); an
installed program reads them as ``unionoffice/templates``, ``unionoffice/ui`` and
``unionoffice/resources`` package data (exporting/docx/templates.py, gui/assets.py).
Everything else about the build is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# folder at the top of the checkout -> the files of it the program reads
SHIPPED = {
    "templates": ("*.docx",),
    "ui": ("*.ui",),
    "resources": ("*.svg", "*.png", "*.ico", "*.desktop", "README.md", "icons/*.svg"),
}


class BuildWithData(build_py):
    """build_py, then each shipped folder copied to unionoffice/FOLDER in the build."""

    def run(self) -> None:
        super().run()
        for folder, patterns in SHIPPED.items():
            source = ROOT / folder
            target = Path(self.build_lib) / "unionoffice" / folder
            for pattern in patterns:
                for path in sorted(source.glob(pattern)):
                    destination = target / path.relative_to(source)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    self.copy_file(str(path), str(destination))


setup(cmdclass={"build_py": BuildWithData})
