"""The project's error types. The CLI maps `CasualtyError` to exit 2, anything else to 1."""

from __future__ import annotations


class CasualtyError(Exception):
    """Base of every error a user can cause and fix (bad usage, bad input)."""


class UsageError(CasualtyError):
    """Options or arguments that do not fit together."""


class InputError(CasualtyError):
    """Bad input, located by file and line (or row) where known."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.reason = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"
