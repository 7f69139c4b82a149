"""The first-run page shows each entry's description whole, a wrapped second line included."""

from __future__ import annotations

from PySide6.QtGui import QAction

from trade_crm.ui.shell.first_run import FirstRunPage


def test_a_description_that_wraps_is_not_clipped(qtbot):
    page = FirstRunPage(demo_available=True)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    action = QAction("Import…", page)
    long_one = page.add_action_button(action, "Bring in a trade-show list, an exhibitor directory or a CRM export "
                                              "from Excel, CSV or vCard.")
    page.show()
    qtbot.waitExposed(page)
    for button in (long_one, page.add_button, page.demo_button):
        qtbot.waitUntil(lambda b=button: b.height() >= b.heightForWidth(b.width()))
    assert long_one.height() > page.add_button.height()  # the second line has its room
