"""The main window's actions, menus and toolbar, built in one place.

Later features add their File menu entries (import, export, back up, restore) with
`add_file_action`, which keeps them together above Settings and Quit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

from trade_crm.domain.customers.records import RATINGS
from trade_crm.ui.common.icons import icon

Key = QKeySequence.StandardKey
# View > Language: each language named in itself, so a user who cannot read the other one finds their own.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文"}


class MainActions(QObject):
    def __init__(self, window: QMainWindow, undo_stack: QUndoStack):
        super().__init__(window)
        self._window = window
        self.new_customer = self._make("customer_add", self.tr("&New customer…"), Key.New,
                                       self.tr("Add a customer"))
        self.edit_customer = self._make("customer_edit", self.tr("&Edit customer…"), None,
                                        self.tr("Edit the selected customer"))
        self.log_interaction = self._make("log", self.tr("&Log interaction"), "Ctrl+L",
                                          self.tr("Write down a call, an email, a visit…"))
        self.delete = self._make("delete", self.tr("&Delete customer"), Key.Delete,
                                 self.tr("Delete the selected customers"))
        # Only where the list has focus (MainWindow adds it to the table): Delete in a text box edits text.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._window.removeAction(self.delete)
        self.add_tag = self._make("tag", self.tr("Add &tag…"), None, self.tr("Tag the selected customers"))
        self.remove_tag = self._make(None, self.tr("&Remove tag…"), None,
                                     self.tr("Remove a tag from the selected customers"))
        self.ratings = {r: self._make(None, r, None, None) for r in RATINGS}
        self.ratings[None] = self._make(None, self.tr("No rating"), None, None)
        self.undo = undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo.setIcon(icon("undo"))
        self.undo.setShortcut(Key.Undo)
        self.redo = undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo.setIcon(icon("redo"))
        self.redo.setShortcuts([QKeySequence(Key.Redo), QKeySequence("Ctrl+Y")])
        self.find = self._make("search", self.tr("&Find…"), Key.Find, self.tr("Search customers"))
        self.clear_filters = self._make("clear", self.tr("&Clear search and filters"), None, None)
        self.show_filters = self._make("filter", self.tr("&Filters"), None, self.tr("Show the filters"))
        self.show_filters.setCheckable(True)
        self.show_timeline = self._make(None, self.tr("&Timeline"), None, None)
        self.show_reminders = self._make(None, self.tr("&Reminders"), None, None)
        for action in (self.show_timeline, self.show_reminders):
            action.setCheckable(True)
            action.setChecked(True)
        self.settings = self._make("settings", self.tr("&Settings…"), Key.Preferences, None)
        self.quit = self._make("quit", self.tr("&Quit"), "Ctrl+Q", None)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about = self._make("about", self.tr("&About Trade CRM"), None, None)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.language_group = QActionGroup(self)
        self.languages: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = self._make(None, name, None, None)
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.languages[code] = action
        self.data_location = self._make("folder", self.tr("&Where is my data?"), None, None)
        self.open_log_folder = self._make(None, self.tr("Open &log folder"), None,
                                          self.tr("The app's log files, to send with a problem report"))
        self.open_log_folder.setVisible(False)  # until the composition root says where the logs are
        self.file_menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        self._file_anchor: QAction | None = None
        self._toolbar_anchor: QAction | None = None

    def _make(self, icon_name: str | None, text: str, shortcut, tip: str | None) -> QAction:
        action = QAction(text, self._window)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        self._window.addAction(action)
        return action

    def build_menus(self, bar: QMenuBar) -> None:
        self.file_menu = bar.addMenu(self.tr("&File"))
        self._file_anchor = self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.new_customer, self.edit_customer, self.log_interaction, self.delete])
        edit.addSeparator()
        edit.addActions([self.add_tag, self.remove_tag])
        self.rating_menu = edit.addMenu(icon("star"), self.tr("Set &rating"))
        self.rating_menu.addActions(list(self.ratings.values()))
        edit.addSeparator()
        edit.addActions([self.find, self.clear_filters])
        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.show_filters, self.show_timeline, self.show_reminders])
        self.language_menu = view.addMenu(self.tr("&Language"))
        self.language_menu.addActions(list(self.languages.values()))
        self._view_menu = view
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.data_location, self.open_log_folder, self.about])

    def build_context_menu(self, widget: QWidget) -> None:
        """The customer list's right-click menu: the actions on the selected customers."""
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        widget.addActions([self.edit_customer, self.log_interaction, self._separator(), self.add_tag,
                           self.remove_tag, self.rating_menu.menuAction(), self._separator(), self.delete])

    def _separator(self) -> QAction:
        separator = QAction(self)
        separator.setSeparator(True)
        return separator

    def build_toolbar(self, toolbar: QToolBar) -> None:
        self.toolbar = toolbar
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_customer, self.edit_customer, self.log_interaction, self.delete])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.find])
        self._view_menu.addSeparator()
        self._view_menu.addAction(toolbar.toggleViewAction())

    def add_file_action(self, action: QAction, *, toolbar: bool = False) -> None:
        """Put `action` in the File menu (above Settings and Quit), and on the toolbar if asked."""
        if self.file_menu is None:
            raise RuntimeError("build_menus() first")
        self.file_menu.insertAction(self._file_anchor, action)
        if toolbar and self.toolbar is not None:
            if self._toolbar_anchor is None:
                self._toolbar_anchor = self.toolbar.addSeparator()
            self.toolbar.addAction(action)
