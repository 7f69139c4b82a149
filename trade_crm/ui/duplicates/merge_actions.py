"""Tools > Find duplicates… and Merge customers…, undoable merges, and "Undo merge" on the timeline.

`install_merge_actions(window, clock)` adds a Tools menu (or joins one already there), the list's
"Merge customers…" for two or more selected customers, and a right-click "Undo this merge" on the
timeline's merge entries. Every merge goes through the window's undo stack (Edit > Undo, Ctrl+Z).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QTreeWidgetItem

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.duplicates.scan import mark_not_duplicate, unmark_not_duplicate
from trade_crm.domain.errors import DomainError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.undo_commands import Changed, CustomerCommand, Failed

if TYPE_CHECKING:  # the dialogs and the merge itself load when first used, not at start
    from trade_crm.ui.duplicates.dialog import DuplicatesDialog
    from trade_crm.ui.duplicates.merge_dialog import MergeDialog

TOOLS_MENU = "tools_menu"  # objectName: later tools join the same menu


class MergeCommand(CustomerCommand):
    """Merge once in execute(); undo restores every customer; redo merges again (a new merge record)."""

    def __init__(self, keep_id: int, other_ids: list[int], choices: dict, clock: Clock, changed: Changed,
                 failed: Failed, text: str = ""):
        super().__init__(text or f"Merge {other_ids} into {keep_id}", [keep_id, *other_ids], changed, failed)
        self.keep_id, self.other_ids, self.choices, self._clock = keep_id, list(other_ids), choices, clock
        self.merge_id: int | None = None

    def do(self) -> None:
        # lazy: start-up, loaded when first merging
        from trade_crm.domain.duplicates.merge import merge_customers

        self.merge_id = merge_customers(self.keep_id, self.other_ids, self._clock, self.choices).merge_id

    def undo_change(self) -> None:
        # lazy: start-up, as the merge
        from trade_crm.domain.duplicates.merge_undo import undo_merge

        if self.merge_id is not None and self.merge_id not in undone_elsewhere(self.keep_id):
            undo_merge(self.merge_id, self._clock)


def undone_elsewhere(keep_id: int) -> set[int]:
    """Merges of this customer already undone (from the timeline or the command line)."""
    # lazy: start-up, as the merge
    from trade_crm.domain.duplicates.merge_undo import merge_history

    return {m.id for m in merge_history(keep_id) if m.undone_at is not None}


class NotDuplicateCommand(CustomerCommand):
    def __init__(self, ids: list[int], clock: Clock, changed: Changed, failed: Failed, text: str = ""):
        super().__init__(text or f"Not duplicates: {ids}", ids, changed, failed)
        self._clock = clock
        self._pairs: list[tuple[int, int]] = []

    def do(self) -> None:
        self._pairs = mark_not_duplicate(self.ids, self._clock)

    def undo_change(self) -> None:
        unmark_not_duplicate(self._pairs)


class MergeController(QObject):
    def __init__(self, window, clock: Clock):
        super().__init__(window)
        self._window, self._clock = window, clock
        self.dialog: DuplicatesDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.find_action = QAction(self.tr("Find &duplicates…"), window)
        self.find_action.setStatusTip(self.tr("Find customers recorded twice and merge them"))
        self.find_action.triggered.connect(self.open_duplicates)
        self.merge_action = QAction(self.tr("&Merge customers…"), window)
        self.merge_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.merge_action.setStatusTip(self.tr("Merge the selected customers into one, with their whole history"))
        self.merge_action.triggered.connect(self.on_merge_action_triggered)
        self.undo_action = QAction(self.tr("&Undo this merge"), window)
        self.undo_action.triggered.connect(self.on_undo_action_triggered)
        self._undo_merge_id: int | None = None
        window.customer_list.selection_changed.connect(self.update_enabled)
        window.customer_list.table.addAction(self.merge_action)
        entries = window.timeline.entries
        entries.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        entries.customContextMenuRequested.connect(self.on_timeline_context_menu_requested)
        self.update_enabled()

    def tools_menu(self) -> QMenu:
        bar: QMenuBar = self._window.menuBar()
        for action in bar.actions():
            if action.menu() is not None and action.menu().objectName() == TOOLS_MENU:
                return action.menu()
        menu = QMenu(self.tr("&Tools"), bar)
        menu.setObjectName(TOOLS_MENU)
        menus = bar.actions()
        if menus:
            bar.insertMenu(menus[-1], menu)  # before Help
        else:
            bar.addMenu(menu)
        return menu

    def update_enabled(self) -> None:
        self.merge_action.setEnabled(len(self._window.customer_list.selected_ids()) >= 2)

    # --- merging ----------------------------------------------------------------------------------

    def on_changed(self, ids: list[int]) -> None:
        self._window.on_command_changed(ids)
        self._window.timeline.show_customer(self._window.timeline.customer_id())

    def merge(self, keep_id: int, other_ids: list[int], choices: dict) -> bool:
        try:
            name = get_customer(keep_id).name
        except DomainError:
            name = ""
        # The command's text is made here: lupdate reads self.tr(text, "", n) as a plural, not translate(..., n).
        text = fill(self.tr("Merge %n customer(s) into “%1”", "", len(other_ids)), name or f"#{keep_id}")
        command = MergeCommand(keep_id, other_ids, choices, self._clock, self.on_changed, self._window.show_error,
                               text)
        if not self._window.push(command):
            return False
        undo_keys = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
        self._window.statusBar().showMessage(
            fill(self.tr("Merged into “%1”. Undo with %2."), name, undo_keys), 15_000)
        return True

    def mark_not_duplicate(self, ids: list[int]) -> bool:
        text = self.tr("Mark %n customer(s) as not duplicates", "", len(ids))
        return self._window.push(NotDuplicateCommand(ids, self._clock, self.on_changed, self._window.show_error, text))

    def undo_last(self) -> None:
        self._window.undo_stack.undo()

    def open_duplicates(self) -> DuplicatesDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        # lazy: start-up, loaded when first opened
        from trade_crm.ui.duplicates.dialog import DuplicatesDialog

        self.dialog = dialog = DuplicatesDialog(self._clock, self._window, merge=self.merge,
                                                mark=self.mark_not_duplicate, undo=self.undo_last,
                                                open_customer=self._window.customer_list.select_customer)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.on_dialog_finished)
        dialog.show()
        dialog.start()
        return dialog

    def on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def on_merge_action_triggered(self) -> None:
        ids = self._window.customer_list.selected_ids()
        if len(ids) < 2:
            return
        current = self._window.customer_list.current_id()
        # lazy: start-up, loaded when first opened
        from trade_crm.ui.duplicates.merge_dialog import MergeDialog

        try:
            self.merge_dialog = dialog = MergeDialog(ids, self._window, keep_id=current if current in ids else None)
        except DomainError as exc:
            self._window.show_error(str(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.merge(dialog.keep_id(), dialog.other_ids(), dialog.choices()))
        dialog.open()

    # --- undo from the timeline -------------------------------------------------------------------

    def merge_entry_id(self, item: QTreeWidgetItem | None) -> int | None:
        """The interaction id of a merge entry of the timeline, else None."""
        entries = self._window.timeline.entries
        customer_id = self._window.timeline.customer_id()
        if item is None or customer_id is None or item.data(0, Qt.ItemDataRole.UserRole) != "merge":
            return None
        known = item.data(0, Qt.ItemDataRole.UserRole + 1)
        if isinstance(known, int):
            return known
        # The view lists timeline() in order; the n-th merge row is the n-th merge entry.
        rows = [entries.topLevelItem(i) for i in range(entries.topLevelItemCount())]
        merges = [r for r in rows if r.data(0, Qt.ItemDataRole.UserRole) == "merge"]
        ids = [e.interaction_id for e in timeline(customer_id) if e.kind == "merge"]
        index = next(i for i, r in enumerate(merges) if r is item)
        return ids[index] if index < len(ids) else None

    def timeline_menu_at(self, pos: QPoint) -> QMenu | None:
        """The right-click menu of the timeline entry at `pos`: "Undo this merge" on a merge not yet undone."""
        entries = self._window.timeline.entries
        interaction_id = self.merge_entry_id(entries.itemAt(pos))
        # lazy: start-up, as the merge
        from trade_crm.domain.duplicates.merge_undo import merge_of_interaction

        info = merge_of_interaction(interaction_id) if interaction_id is not None else None
        if info is None or info.undone_at is not None:
            return None
        self._undo_merge_id = info.id
        menu = QMenu(entries)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.undo_action)
        return menu

    def on_timeline_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.timeline_menu_at(pos)
        if menu is not None:
            menu.popup(self._window.timeline.entries.viewport().mapToGlobal(pos))

    def on_undo_action_triggered(self) -> None:
        if self._undo_merge_id is not None:
            self.undo_merge(self._undo_merge_id)

    def undo_merge(self, merge_id: int) -> bool:
        """Undo a merge: through the undo stack when it is the last command, else directly."""
        stack = self._window.undo_stack
        last = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if isinstance(last, MergeCommand) and last.merge_id == merge_id:
            stack.undo()
            return True
        # lazy: start-up, as the merge
        from trade_crm.domain.duplicates.merge_undo import undo_merge

        try:
            result = undo_merge(merge_id, self._clock)
        except DomainError as exc:
            self._window.show_error(str(exc))
            return False
        self.on_changed([result.kept_id, *result.restored_ids])
        self._window.statusBar().showMessage(self.tr("Merge undone: the customers are back as they were."), 15_000)
        return True


def install_merge_actions(window, clock: Clock) -> MergeController:
    """Tools > Find duplicates… and Merge customers…, list and timeline context actions, on `window`."""
    controller = MergeController(window, clock)
    menu = controller.tools_menu()
    menu.addAction(controller.find_action)
    menu.addAction(controller.merge_action)
    window.merge_controller = controller
    return controller
