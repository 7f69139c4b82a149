"""The reminder tree model alone: a consistent tree for Qt's own model tester, the "… and N more" row, and
row texts made only for the rows a view asks about."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from trade_crm.domain.reminders.records import DueReminder
from trade_crm.ui.reminders.tree_model import ReminderGroup, ReminderRole, ReminderTreeModel

TODAY = date(2026, 11, 23)


def due(reminder_id: int, kind: str, due_on: date) -> DueReminder:
    return DueReminder(id=reminder_id, key=f"test:{reminder_id}", kind=kind, due_on=due_on,
                       title=f"Reminder {reminder_id}", detail="", customer_id=reminder_id, customer_name="",
                       state="open")


def groups(made: list[int]) -> list[ReminderGroup]:
    def texts(reminder: DueReminder) -> tuple[str, str, str]:
        made.append(reminder.id)
        return reminder.title, reminder.due_on.isoformat(), ""

    follow_ups = ReminderGroup("follow_up", "Follow-ups (5)", 5,
                               [due(1, "follow_up", date(2026, 11, 1)), due(2, "follow_up", TODAY)], texts)
    follow_ups.more_text = "… and 3 more"
    greetings = ReminderGroup("greeting", "Greetings (1)", 1, [due(7, "greeting", TODAY)], texts)
    return [follow_ups, greetings]


def test_the_tree_passes_qts_model_tester(qapp):
    model = ReminderTreeModel()
    # The tester checks on every change and reports by a Qt warning, which fails the test.
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_headers("Reminder", "Due")
    model.set_groups(groups([]), TODAY)
    model.set_groups([], TODAY)
    assert tester.model() is model  # kept alive to the end: it checks on every change


def test_a_group_not_fully_loaded_ends_in_a_more_row_that_cannot_be_selected(qapp):
    model = ReminderTreeModel()
    model.set_groups(groups([]), TODAY)
    follow_ups, greetings = model.index(0, 0), model.index(1, 0)
    assert (model.rowCount(follow_ups), model.rowCount(greetings)) == (3, 1)
    more = model.index(2, 0, follow_ups)
    assert model.is_more_row(more) and more.data() == "… and 3 more"
    assert model.reminder(more) is None and not model.flags(more) & Qt.ItemFlag.ItemIsSelectable
    assert model.group_of(more).kind == "follow_up"


def test_a_reminder_is_found_by_id_and_carries_itself(qapp):
    model = ReminderTreeModel()
    model.set_groups(groups([]), TODAY)
    index = model.reminder_index(7, column=1)
    assert (index.parent().row(), index.row(), index.column()) == (1, 0, 1)
    assert index.data(ReminderRole).id == 7 and index.data(Qt.ItemDataRole.UserRole) == 7
    assert not model.reminder_index(99).isValid()


def test_only_overdue_due_dates_are_bold(qapp):
    model = ReminderTreeModel()
    model.set_groups(groups([]), TODAY)
    assert model.reminder_index(1, column=1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.reminder_index(2, column=1).data(Qt.ItemDataRole.FontRole) is None


def test_row_texts_are_made_once_and_only_for_rows_asked_about(qapp):
    made: list[int] = []
    model = ReminderTreeModel()
    model.set_groups(groups(made), TODAY)
    assert made == []
    index = model.reminder_index(2)
    assert (index.data(), index.siblingAtColumn(1).data()) == ("Reminder 2", TODAY.isoformat())
    assert made == [2]
