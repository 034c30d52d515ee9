"""Entry script of the bundled executables (both call the same main as the wheel's)."""

import sys

from unionoffice.cli import main

if __name__ == "__main__":
    sys.exit(main())
