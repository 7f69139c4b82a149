import pytest

from trade_crm.store.settings import SettingKey

CADENCE = SettingKey("cadence.days.A", int, 14, "Keep in touch with A customers every N days")


def test_unset_setting_reads_its_default(db):
    assert CADENCE.read() == 14


def test_setting_round_trips_and_refuses_the_wrong_type(db):
    CADENCE.write(10)
    assert CADENCE.read() == 10
    with pytest.raises(TypeError):
        CADENCE.write("ten")
    assert CADENCE.read() == 10
