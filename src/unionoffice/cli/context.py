"""What a command needs: the database (opened on first use), stdout and stderr."""

from __future__ import annotations

import json
from typing import Any, TextIO

from unionoffice.cli import console
from unionoffice.storage.database import Database


class CommandContext:
    def __init__(self, db: str | None, out: TextIO, err: TextIO) -> None:
        self._db_argument = db
        self._db: Database | None = None
        self.out = out
        self.err = err

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database(self._db_argument)
            warning = self._db.location_warning()
            if warning:
                self.note(f"注意：{warning}")
        return self._db

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, value: Any) -> None:
        """JSON for programs: UTF-8 whatever the console's code page (cp936, cp1252 …)."""
        console.write_utf8(self.out, json.dumps(value, ensure_ascii=False, indent=2) + "\n")

    def note(self, text: str) -> None:
        """Something the user should know that is not the command's result."""
        print(text, file=self.err)

    def error(self, text: str) -> None:
        print(f"错误：{text}", file=self.err)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
