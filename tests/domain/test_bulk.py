import gc
import threading

import pytest

from trade_crm.domain.bulk import collector_paused

pytestmark = pytest.mark.usefixtures("automatic_collector")


def test_the_collector_is_paused_inside_nested_blocks_and_resumes_after_the_last():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_still_resumes_the_collector():
    try:
        with collector_paused():
            raise ValueError("bad row")
    except ValueError:
        pass
    assert gc.isenabled()


def test_two_threads_overlapping_resume_the_collector_only_when_both_are_done():
    first_inside, second_done, states = threading.Event(), threading.Event(), []

    def first():
        with collector_paused():
            first_inside.set()
            second_done.wait(5)
            states.append(gc.isenabled())

    def second():
        first_inside.wait(5)
        with collector_paused():
            pass
        states.append(gc.isenabled())
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert states == [False, False] and gc.isenabled()


@collector_paused()
def _planned():
    return gc.isenabled()


def test_it_decorates_a_function_afresh_at_every_call():
    assert (_planned(), _planned(), gc.isenabled()) == (False, False, True)
