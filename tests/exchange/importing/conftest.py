import pytest

from tests.exchange.importing.lists import HEADER


@pytest.fixture
def sheet(xlsx):
    """A trade-show list of HEADER's columns: `sheet(("Acme", "Max", "max@acme.de"), name="fair.xlsx")`."""
    def build(*rows, name="fair.xlsx"):
        return xlsx([HEADER, *[list(r) + [""] * (len(HEADER) - len(r)) for r in rows]], name=name)
    return build
