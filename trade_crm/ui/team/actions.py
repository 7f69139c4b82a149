"""The Team menu of a book on a team server: the public pool, Claim, Put back, and a manager's Hand over….

`install_team_actions(window, clock)` does nothing on a laptop book (no owners, no pool). On a server
book it shows the list's "In the public pool" filter, adds a Team menu and the list's right-click
"Claim from the pool" / "Put back into the pool" for the selected customers; "Hand over…" is offered
to managers only (the database refuses it to anyone else anyway).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.team.handover import acting_person, bound_book, manages, team_mode
from trade_crm.domain.team.pool import PoolSettings, claim, release
from trade_crm.ui.common.i18n import fill

if TYPE_CHECKING:  # the dialogs load when first opened
    from trade_crm.ui.team.handover_dialog import HandoverDialog
    from trade_crm.ui.team.pool_settings_dialog import PoolSettingsDialog


class TeamController(QObject):
    def __init__(self, window, clock: Clock):
        super().__init__(window)
        self._window, self._clock = window, clock
        db = bound_book()
        self.person, self.manager = acting_person(db), manages(db)
        self.dialog: HandoverDialog | None = None
        self.show_pool_action = QAction(self.tr("Show the public &pool"), window)
        self.show_pool_action.setStatusTip(self.tr("List the customers nobody owns: anyone may claim them"))
        self.show_pool_action.triggered.connect(self.show_pool)
        self.claim_action = QAction(self.tr("&Claim from the pool"), window)
        self.claim_action.setStatusTip(self.tr("Make the selected pool customers yours"))
        self.claim_action.triggered.connect(self.claim_selected)
        self.release_action = QAction(self.tr("Put &back into the pool"), window)
        self.release_action.setStatusTip(self.tr("Give the selected customers up: anyone may claim them"))
        self.release_action.triggered.connect(self.release_selected)
        self.handover_action = QAction(self.tr("&Hand over customers…"), window)
        self.handover_action.setStatusTip(self.tr("Give every customer of one person to another (managers)"))
        self.handover_action.triggered.connect(self.open_handover)
        self.handover_action.setVisible(self.manager)
        self.pool_rule_action = QAction(self.tr("Pool &rule…"), window)
        self.pool_rule_action.setStatusTip(self.tr("When customers go back to the pool, and the claim cap (managers)"))
        self.pool_rule_action.triggered.connect(self.open_pool_rule)
        self.pool_rule_action.setVisible(self.manager)
        self.menu = self._team_menu(window.menuBar())
        self.menu.addActions([self.show_pool_action, self.claim_action, self.release_action])
        self.menu.addSeparator()
        self.menu.addActions([self.handover_action, self.pool_rule_action])
        table = window.customer_list.table
        separator = QAction(window)
        separator.setSeparator(True)
        table.addActions([separator, self.claim_action, self.release_action])
        window.customer_list.filter_bar.pool_check.setVisible(True)
        window.customer_list.selection_changed.connect(self.update_enabled)
        self.update_enabled()

    def _team_menu(self, bar: QMenuBar) -> QMenu:
        menu = QMenu(self.tr("Tea&m"), bar)
        menu.setObjectName("team_menu")
        menus = bar.actions()
        bar.insertMenu(menus[-1], menu) if menus else bar.addMenu(menu)  # before Help
        return menu

    def update_enabled(self) -> None:
        selected = bool(self._window.customer_list.selected_ids())
        self.claim_action.setEnabled(selected)
        self.release_action.setEnabled(selected)

    def show_pool(self) -> None:
        """The customer list, filtered to the pool (the filter bar shown, so the chip can clear it)."""
        pane = self._window.customer_list
        pane.filters_button.setChecked(True)
        pane.filter_bar.set_filter(replace(pane.filter_bar.apply_to(pane.current_filter()), pool=True))

    def claim_selected(self) -> list[int]:
        """Claim each selected customer; say how many became yours and why any did not."""
        ids = self._window.customer_list.selected_ids()
        cap = PoolSettings.load().claim_cap
        won, refusals = [], []
        for customer_id in ids:
            try:
                claim(bound_book(), customer_id, self.person, cap, now=self._clock.now())
                won.append(customer_id)
            except DomainError as exc:
                refusals.append(str(exc))
                if "hand some back first" in str(exc):
                    break  # the cap: the rest would be refused the same
        self._after(won, self.tr("%n customer(s) claimed from the pool", "", len(won)), refusals)
        return won

    def release_selected(self) -> list[int]:
        ids = self._window.customer_list.selected_ids()
        try:
            done = release(bound_book(), ids, by=self.person, now=self._clock.now())
        except DomainError as exc:
            self._window.show_error(str(exc))
            return []
        self._after(done, self.tr("%n customer(s) put back into the pool", "", len(done)), [])
        return done

    def _after(self, ids: list[int], message: str, refusals: list[str]) -> None:
        if ids:
            self._window.on_command_changed(ids)
            self._window.timeline.show_customer(self._window.timeline.customer_id())
        self._window.statusBar().showMessage(message, 10_000)
        if refusals:
            self._window.show_error("\n".join(refusals[:5]))

    def open_handover(self) -> HandoverDialog:
        # lazy: start-up, the dialog loads when first opened
        from trade_crm.ui.team.handover_dialog import HandoverDialog

        self.dialog = dialog = HandoverDialog(self._clock, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.handed_over.connect(self.on_dialog_handed_over)
        dialog.open()
        return dialog

    def open_pool_rule(self) -> PoolSettingsDialog:
        # lazy: start-up, the dialog loads when first opened
        from trade_crm.ui.team.pool_settings_dialog import PoolSettingsDialog

        dialog = PoolSettingsDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def on_dialog_handed_over(self, summary) -> None:
        self._window.on_command_changed([])  # thousands may move: reload, select none
        self._window.statusBar().showMessage(
            fill(self.tr("%n customer(s) handed over from %1 to %2", "", summary.count), summary.from_person,
                 summary.to_person), 15_000)


def install_team_actions(window, clock: Clock) -> TeamController | None:
    """The Team menu and the pool filter on a team server book; nothing on a laptop book."""
    if not team_mode():
        return None
    return TeamController(window, clock)
