"""Setuptools hook: the wheel carries the top-level templates/ folder inside the package.

The Word templates live at the top of the checkout, where a clerk or engineer finds them
(design card); an installed program reads them as ``unionoffice/templates`` package data.
Everything else about the build is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATES = Path(__file__).resolve().parent / "templates"


class BuildWithTemplates(build_py):
    """build_py, then templates/*.docx copied to unionoffice/templates in the build."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "unionoffice" / "templates"
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(TEMPLATES.glob("*.docx")):
            self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildWithTemplates})
