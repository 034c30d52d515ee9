"""UnionOffice (工会公文助手): notices, 文号 register and activity plans for trade-union offices."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("unionoffice")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
