"""`python -m trade_crm` and the `trade-crm` console script."""

from __future__ import annotations

import sys

from trade_crm.cli.parser import run


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())
