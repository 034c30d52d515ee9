"""UnionOffice (工会公文助手): notices, 文号 register and activity plans for trade-union offices."""

# Kept equal to pyproject.toml's version by tests/test_version.py. A literal, not
# importlib.metadata: reading the installed metadata was a twentieth of the window's start-up.
__version__ = "0.1.0"
