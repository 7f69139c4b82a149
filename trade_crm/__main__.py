"""`python -m trade_crm`, the `trade-crm` console script and the `trade-crm-gui` window script."""

from __future__ import annotations

import multiprocessing
import sys

from trade_crm.cli.parser import run


def main(argv: list[str] | None = None) -> int:
    # In the frozen app a child process (the PDF font cache's build, exchange/documents/face_cache.py) starts this
    # same program: freeze_support runs the child's work there and exits, instead of opening a second window.
    multiprocessing.freeze_support()
    return run(sys.argv[1:] if argv is None else argv)


def gui_main() -> int:
    """The window, for the GUI script (no console window on Windows); arguments as for `trade-crm gui`."""
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    raise SystemExit(main())
