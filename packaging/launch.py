"""Entry script of the bundled executables (both call the same main as the wheel's)."""

import multiprocessing
import sys

from unionoffice.cli import main

if __name__ == "__main__":
    # A bundled executable started as an import's parsing process runs that, not main().
    multiprocessing.freeze_support()
    sys.exit(main())
