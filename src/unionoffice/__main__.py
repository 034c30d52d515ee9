import multiprocessing

from unionoffice.cli import main

# Guarded: an import's parsing processes (spawned) load this module again as __mp_main__.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
