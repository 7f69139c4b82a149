"""The one country picker: completes on English, Chinese, own-language names and codes; Enter picks
and never saves the dialog it sits in."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QVBoxLayout

from trade_crm.ui.common.country_combo import CountryPicker

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
# The offscreen platform cannot raise a popup or grab the keyboard for it; it says so, harmlessly.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def type_text(qtbot, picker, text):
    """Keys for Latin text; an input method's commit for Chinese (as a pinyin IME delivers it)."""
    if text.isascii():
        qtbot.keyClicks(picker.lineEdit(), text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(picker.lineEdit(), event)


def dialog_with_picker(qtbot, locale):
    dialog = QDialog()
    picker = CountryPicker(locale, "Country")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(picker)
    layout.addWidget(buttons)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker.setFocus()
    return dialog, picker


@pytest.mark.parametrize("locale", [ENGLISH, CHINESE], ids=["en", "zh"])
@pytest.mark.parametrize("typed", ["Germ", "德国", "Deutschland", "DE", "deutsch"])
def test_typing_any_name_or_code_offers_germany_and_enter_picks_it_without_saving(qtbot, locale, typed):
    dialog, picker = dialog_with_picker(qtbot, locale)
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(True))
    type_text(qtbot, picker, typed)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [picker.completer().completionModel().index(r, 0).data() for r in
               range(picker.completer().completionModel().rowCount())]
    germany = "Germany" if locale is ENGLISH else "德国"
    assert germany in offered
    for _ in range(offered.index(germany) + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.code() == "DE" and picker.currentText() == germany
    assert accepted == [] and dialog.isVisible()  # Enter picked; it did not save the dialog


@pytest.mark.parametrize("typed", ["Germ", "德国"])
def test_a_picker_listed_later_has_its_countries_by_the_first_key_typed(qtbot, typed):
    """The main window's filter bar: its picker costs nothing at the window's start."""
    picker = CountryPicker(ENGLISH, "Country", later=True)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.count() == 1  # only "no country", until it is used
    picker.setFocus()
    type_text(qtbot, picker, typed)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert picker.count() > 200
    assert "Germany" in [picker.completer().completionModel().index(r, 0).data()
                         for r in range(picker.completer().completionModel().rowCount())]


def test_a_picker_listed_later_lists_them_when_opened_or_set(qtbot):
    opened = CountryPicker(ENGLISH, later=True)
    qtbot.addWidget(opened)
    opened.showPopup()
    assert opened.count() > 200
    opened.hidePopup()
    chosen = CountryPicker(ENGLISH, later=True)
    qtbot.addWidget(chosen)
    chosen.set_code("de")
    assert (chosen.code(), chosen.currentText()) == ("DE", "Germany")
    wheeled = CountryPicker(ENGLISH, later=True)
    qtbot.addWidget(wheeled)
    QApplication.sendEvent(wheeled, QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, -120),
                                                 Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                                 Qt.ScrollPhase.NoScrollPhase, False))
    assert wheeled.count() > 200 and wheeled.currentIndex() == 1  # the wheel stepped to the first country


def test_enter_in_the_field_with_the_popup_closed_does_not_save_either(qtbot):
    dialog, picker = dialog_with_picker(qtbot, ENGLISH)
    picker.lineEdit().setText("Ελλάδα")
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert (picker.code(), picker.currentText(), dialog.result()) == ("GR", "Greece", 0)
    assert dialog.isVisible()


@pytest.mark.parametrize(("typed", "code"), [("中国", "CN"), ("China", "CN"), ("cn", "CN"), ("Osterreich", "AT"),
                                             ("", ""), ("Atlantis", None)])
def test_a_typed_name_resolves_to_its_code_or_none(qtbot, typed, code):
    picker = CountryPicker(CHINESE, "")
    qtbot.addWidget(picker)
    picker.setEditText(typed)
    assert picker.code() == code


def test_set_code_shows_the_name_in_the_ui_language(qtbot):
    picker = CountryPicker(CHINESE, "")
    qtbot.addWidget(picker)
    picker.set_code("de")
    assert (picker.currentText(), picker.currentData()) == ("德国", "DE")
    picker.set_code(None)
    assert (picker.currentText(), picker.code()) == ("", "")


def test_building_a_picker_reads_no_cldr_data_so_start_up_is_unaffected():
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from PySide6.QtCore import QLocale; from trade_crm.ui.common.country_combo import CountryPicker;"
            "picker = CountryPicker(QLocale()); print('babel' in sys.modules, picker.count() > 200)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["False", "True"]
