"""store/, domain/ and exchange/ never import Qt: they must run in the CLI, a worker and a test alike."""

import pkgutil
import subprocess
import sys

import trade_crm


def _modules(package: str) -> list[str]:
    pkg = __import__(f"trade_crm.{package}", fromlist=["_"])
    return [m.name for m in pkgutil.walk_packages(pkg.__path__, prefix=f"trade_crm.{package}.")]


def test_store_domain_exchange_and_cli_import_no_qt():
    modules = _modules("store") + _modules("domain") + _modules("exchange") + _modules("cli")
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'trade_crm.ui', 'trade_crm.app')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(trade_crm.__file__).parents[1]))
    assert out.stdout.strip() == ""
