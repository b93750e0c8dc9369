"""Console-script entry: a Ctrl-C while the command line is still importing ends quietly too."""

from __future__ import annotations

import sys


def main() -> None:
    """Import the CLI and run it; an interrupt during the import exits 130 with one line."""
    try:
        from casualty.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("casualty: interrupted\n")
        raise SystemExit(130) from None
    cli_main()
