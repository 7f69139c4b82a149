"""The generator is pure: the same spec and day give the same rows, however they are chunked."""

from trade_crm.demo.generator import generate_book
from trade_crm.demo.rows import BookSpec
from trade_crm.domain.clock import today


def names_and_countries(spec, day):
    return [(c[1], c[2]) for chunk in generate_book(spec, day) for c in chunk.customers]


def test_same_seed_gives_the_same_book_and_another_seed_another(clock):
    day = today(clock)
    first = names_and_countries(BookSpec(customers=120), day)
    assert first == names_and_countries(BookSpec(customers=120), day)
    assert first != names_and_countries(BookSpec(customers=120, seed=7), day)


def test_chunking_does_not_change_the_rows(clock):
    spec, day = BookSpec(customers=50), today(clock)
    whole = [r for chunk in generate_book(spec, day, chunk_size=1000) for r in chunk.interactions]
    pieces = [r for chunk in generate_book(spec, day, chunk_size=7) for r in chunk.interactions]
    assert whole == pieces
