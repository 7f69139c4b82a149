"""A window of pages over a long, sorted list of rows: the customer list holds a few pages, not 100,000 rows.

Rows are read a page at a time through `fetch(offset, limit)` when someone asks for a row that is not
held; when more than `max_pages` pages are held, the page farthest from the one just read is dropped, so
scrolling to the end of 100,000 customers keeps about `max_pages * page_size` rows in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar


class _HasId(Protocol):
    id: int


Row = TypeVar("Row", bound=_HasId)


class RowWindow(Generic[Row]):
    def __init__(self, fetch: Callable[[int, int], list[Row]], *, page_size: int, max_pages: int):
        self._fetch = fetch
        self.page_size = page_size
        self.max_pages = max(max_pages, 3)  # the page read, and its neighbours on screen
        self._pages: dict[int, list[Row]] = {}
        self._row_of: dict[int, int] = {}  # id -> row, for the rows held

    def clear(self) -> None:
        self._pages.clear()
        self._row_of.clear()

    def page_numbers(self) -> list[int]:
        return sorted(self._pages)

    def held(self) -> int:
        """How many rows are in memory."""
        return sum(map(len, self._pages.values()))

    def row_of(self, row_id: int) -> int | None:
        """The row of `row_id` if it is held; None otherwise (it may still be in the list)."""
        return self._row_of.get(row_id)

    def cached(self, row: int) -> Row | None:
        number, offset = divmod(row, self.page_size)
        page = self._pages.get(number)
        return page[offset] if page is not None and offset < len(page) else None

    def get(self, row: int) -> Row | None:
        """The row at `row`, reading its page when it is not held; None past the end of the list."""
        found = self.cached(row)
        if found is not None or row < 0:
            return found
        number, offset = divmod(row, self.page_size)
        page = self.load(number)
        return page[offset] if offset < len(page) else None

    def load(self, number: int) -> list[Row]:
        """Read page `number` (again) and hold it; drops the farthest page when too many are held."""
        page = self._fetch(number * self.page_size, self.page_size)
        self.put(number, page)
        return page

    def put(self, number: int, page: list[Row]) -> None:
        self._forget(number)
        self._pages[number] = page
        first = number * self.page_size
        for offset, row in enumerate(page):
            self._row_of[row.id] = first + offset
        while len(self._pages) > self.max_pages:
            self._forget(max(self._pages, key=lambda n: abs(n - number)))

    def replace(self, row: int, value: Row) -> None:
        number, offset = divmod(row, self.page_size)
        page = self._pages[number]
        self._row_of.pop(page[offset].id, None)
        page[offset] = value
        self._row_of[value.id] = row

    def remove(self, row: int) -> None:
        """Take `row` out: the rows after it move up one, so the pages after its own are dropped and its
        page comes up one short (its last row is read again when asked for)."""
        number, offset = divmod(row, self.page_size)
        for later in [n for n in self._pages if n > number]:
            self._forget(later)
        page = self._pages.get(number)
        if page is None or offset >= len(page):
            return
        self._forget(number)
        del page[offset]
        self.put(number, page)

    def drop_from(self, row: int) -> None:
        """Forget every held row at `row` or after it (the list became shorter)."""
        number, offset = divmod(row, self.page_size)
        for later in [n for n in self._pages if n > number or (n == number and offset == 0)]:
            self._forget(later)
        page = self._pages.get(number)
        if page is not None and offset < len(page):
            self.put(number, page[:offset])

    def _forget(self, number: int) -> None:
        for row in self._pages.pop(number, ()):
            self._row_of.pop(row.id, None)
