"""How a command ends: every error it raises mapped to one exit code and one line on stderr.

Exit codes (SPEC): 2 for bad input or usage, 130 when interrupted, 141 when the reader of
stdout went away (`| head`), 1 for an internal error, shown as a one-line bug report unless
`--debug` (or CASUALTY_DEBUG) asks for the traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import NoReturn, ParamSpec

from casualty.errors import CasualtyError

P = ParamSpec("P")


def fail(message: str, code: int) -> NoReturn:
    from casualty.sanitize import terminal_safe

    try:
        sys.stderr.write(f"casualty: {terminal_safe(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    raise SystemExit(code)


def guarded(command: Callable[P, None]) -> Callable[P, None]:
    """Map every error a command raises to its exit code, once, for all commands.

    Usage errors that typer detects itself (unknown option, bad choice) exit 2 through typer.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except CasualtyError as exc:
            fail(str(exc), 2)
        except BrokenPipeError:
            quiet_broken_pipe()
            raise SystemExit(141) from None
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:  # the one broad handler: a bug, not a user error
            if os.environ.get("CASUALTY_DEBUG"):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(a bug: run again with --debug for the traceback and report it to the project)",
                1,
            )

    return wrapper


def quiet_broken_pipe() -> None:
    # Python flushes stdout at exit; with the reader gone that raises again. Point stdout at
    # /dev/null so the interpreter exits quietly, as `| head` users expect.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
