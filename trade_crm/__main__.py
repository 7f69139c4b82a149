"""`python -m trade_crm`, the `trade-crm` console script and the `trade-crm-gui` window script."""

from __future__ import annotations

import sys

from trade_crm.cli.parser import run


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


def gui_main() -> int:
    """The window, for the GUI script (no console window on Windows); arguments as for `trade-crm gui`."""
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    raise SystemExit(main())
