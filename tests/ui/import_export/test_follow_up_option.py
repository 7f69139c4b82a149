"""The wizard's first follow-up option and its country picker (中国 accepted)."""

from datetime import timedelta

from PySide6.QtWidgets import QLineEdit

from tests.ui.import_export.test_wizard import acme, fair, make_wizard, no_job_left_running, to_review  # noqa: F401
from trade_crm.domain.clock import today
from trade_crm.store.models import Customer
from trade_crm.ui.import_export.follow_up_option import FollowUpOption


def test_on_for_a_trade_show_off_for_a_website_and_the_users_choice_stays(qtbot):
    source = QLineEdit()
    option = FollowUpOption(source)
    qtbot.addWidget(option)
    assert option.days() == 0
    source.setText("Canton Fair 2026 Autumn")
    assert (option.check.isChecked(), option.days()) == (True, 3)
    source.setText("website")
    assert option.days() == 0
    option.check.click()  # the user turns it on by hand: a later source no longer decides
    option.spin.setValue(10)
    source.setText("referral")
    assert option.days() == 10


def test_the_wizard_takes_a_chinese_country_name_and_plans_first_follow_ups(qtbot, make_wizard, fair, db, clock):  # noqa: F811
    wizard = make_wizard(fair)
    page = wizard.file_page
    page.country_combo.setEditText("中国")
    assert (page.country_is_valid(), page.default_country()) == (True, "CN")
    page.country_combo.setEditText("Atlantis")
    assert not page.country_is_valid()
    page.country_combo.setEditText("Deutschland")
    page.source_edit.setText("Canton Fair 2026 Autumn")
    assert page.follow_up.days() == 3
    to_review(qtbot, wizard)
    with qtbot.waitSignal(wizard.import_committed, timeout=10_000):
        wizard.next_button.click()
    assert {c.follow_up_on for c in Customer.select()} == {today(clock) + timedelta(days=3)}
