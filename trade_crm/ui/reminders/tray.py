"""Telling the user what fell due: a tray icon where the desktop has a tray, else a bar in the window.

`create_notifier()` picks the backend (DESIGN rule 8): `TrayNotifier` (QSystemTrayIcon with the due count
drawn on the icon, balloon messages, a menu Open / Today's reminders / Quit) when
`QSystemTrayIcon.isSystemTrayAvailable()`, else `BarNotifier`, whose `bar` (a NotificationBar frame) the
main window shows at its top. Both speak the same small interface, so the app never asks which it has.
`CloseToTray` keeps the app running in the tray when the window is closed, and says so the first time.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QSystemTrayIcon, QToolButton, QWidget

from trade_crm.domain.reminders.records import DueReminder
from trade_crm.ui.common.icons import app_icon
from trade_crm.ui.reminders.text import reminder_texts

CLOSE_TO_TRAY_KEY = "tray/close_to_tray"
CLOSE_EXPLAINED_KEY = "tray/close_explained"
MESSAGE_MS = 10_000
SHOWN_TITLES = 3


def badge_icon(base: QIcon, count: int, size: int = 64) -> QIcon:
    """`base` with the count in a red disc at its top right (no badge for 0; "99+" above 99)."""
    pixmap = base.pixmap(size, size) if not base.isNull() else QPixmap(size, size)
    if base.isNull():
        pixmap.fill(QColor("#2f6fb3"))
    if count <= 0:
        return QIcon(pixmap)
    text = str(count) if count < 100 else "99+"
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    diameter = size * (0.62 if len(text) < 3 else 0.72)
    disc = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#d93025"))
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(diameter * (0.62 if len(text) == 1 else 0.5 if len(text) == 2 else 0.38)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


def raised_message(reminders: list[DueReminder], *, away: bool = False, today: date | None = None
                   ) -> tuple[str, str]:
    """(title, text) of the notification for newly due reminders, their titles in the UI language."""
    count = len(reminders)
    if away:
        title = (QCoreApplication.translate("Notifier", "1 reminder while you were away") if count == 1 else
                 QCoreApplication.translate("Notifier", "%1 reminders while you were away").replace("%1", str(count)))
    elif count == 1:
        title = QCoreApplication.translate("Notifier", "Reminder due")
    else:
        title = QCoreApplication.translate("Notifier", "%1 reminders due").replace("%1", str(count))
    lines = [reminder_texts(r, today or date.today())[0] for r in reminders[:SHOWN_TITLES]]
    if count > SHOWN_TITLES:
        lines.append(QCoreApplication.translate("Notifier", "and %1 more").replace("%1", str(count - SHOWN_TITLES)))
    return title, "\n".join(lines)


class Notifier(QObject):
    """The interface: set the due count, show what is newly due; requests come back as signals."""

    open_requested = Signal()
    reminders_requested = Signal()
    quit_requested = Signal()
    customer_requested = Signal(int)

    is_tray = False

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.due_count = 0
        self.last_message: tuple[str, str] = ("", "")
        self._customer_id: int | None = None

    def set_due_count(self, count: int) -> None:
        self.due_count = count

    def show_raised(self, reminders: list) -> None:
        self._show_reminders(reminders, away=False)

    def show_away(self, reminders: list) -> None:
        self._show_reminders(reminders, away=True)

    def _show_reminders(self, reminders: list, *, away: bool) -> None:
        if not reminders:
            return
        first = reminders[0]
        customer = first.customer_id if first.customer_id is not None else (
            first.customer_ids[0] if first.customer_ids else None)
        title, text = raised_message(reminders, away=away)
        self.show_message(title, text, customer if len(reminders) == 1 else None)

    def show_message(self, title: str, text: str, customer_id: int | None = None) -> None:
        self.last_message = (title, text)
        self._customer_id = customer_id

    def on_message_clicked(self) -> None:
        """The notification was clicked: open its customer, or the list when it is about several."""
        if self._customer_id is not None:
            self.customer_requested.emit(self._customer_id)
        else:
            self.reminders_requested.emit()
        self.open_requested.emit()


class TrayNotifier(Notifier):
    """A QSystemTrayIcon: the app icon with the due count, balloon messages, and a small menu."""

    is_tray = True

    def __init__(self, parent: QObject | None = None, base_icon: QIcon | None = None):
        super().__init__(parent)
        self._base = base_icon if base_icon is not None else app_icon()
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open Trade CRM"), self)
        self.reminders_action = QAction(self.tr("Today's reminders"), self)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.reminders_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.open_action.triggered.connect(self.open_requested)
        self.reminders_action.triggered.connect(self.reminders_requested)
        self.reminders_action.triggered.connect(self.open_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.icon = QSystemTrayIcon(badge_icon(self._base, 0), self)
        self.icon.setContextMenu(self.menu)
        self.icon.setToolTip(self.tr("Trade CRM"))
        self.icon.activated.connect(self.on_icon_activated)
        self.icon.messageClicked.connect(self.on_message_clicked)
        self.icon.show()

    def set_due_count(self, count: int) -> None:
        super().set_due_count(count)
        self.icon.setIcon(badge_icon(self._base, count))
        self.icon.setToolTip(self.tr("Trade CRM: %1 due").replace("%1", str(count)) if count else self.tr("Trade CRM"))

    def show_message(self, title: str, text: str, customer_id: int | None = None) -> None:
        super().show_message(title, text, customer_id)
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)

    def on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def hide(self) -> None:
        self.icon.hide()


class NotificationBar(QFrame):
    """A slim bar at the top of the main window: the message, Open customer / Show reminders, close."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notification_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#notification_bar { background: #fff4ce; border: 1px solid #e0c060; }"
                           "#notification_bar QLabel { color: #3a3000; }")
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.open_button = QToolButton()
        self.open_button.setText(self.tr("Open customer"))
        self.list_button = QToolButton()
        self.list_button.setText(self.tr("Show reminders"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.title_label)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.list_button)
        row.addWidget(self.close_button)
        self.hide()

    def show_message(self, title: str, text: str, with_customer: bool) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text.replace("\n", " · "))
        self.open_button.setVisible(with_customer)
        self.show()


class BarNotifier(Notifier):
    """Where there is no tray (some Linux desktops, headless): messages go to a bar in the window."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.bar = NotificationBar()
        self.bar.open_button.clicked.connect(self.on_message_clicked)
        self.bar.list_button.clicked.connect(self.reminders_requested)
        self.bar.open_button.clicked.connect(self.bar.hide)
        self.bar.list_button.clicked.connect(self.bar.hide)

    def show_message(self, title: str, text: str, customer_id: int | None = None) -> None:
        super().show_message(title, text, customer_id)
        self.bar.show_message(title, text, customer_id is not None)


def create_notifier(parent: QObject | None = None, *, tray_available: bool | None = None) -> Notifier:
    """A tray icon where the desktop has a tray, else the in-window bar; never fails."""
    if tray_available is None:
        tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    return TrayNotifier(parent) if tray_available else BarNotifier(parent)


class CloseToTray(QObject):
    """Event filter on the main window: closing it hides it to the tray (a setting, on by default),
    and the first time says that the app is still running. Without a tray, closing quits as usual."""

    def __init__(self, window: QWidget, notifier: Notifier, settings: QSettings):
        super().__init__(window)
        self._window, self._notifier, self._settings = window, notifier, settings
        self._quitting = False
        window.installEventFilter(self)

    def enabled(self) -> bool:
        return (self._notifier.is_tray and not self._quitting and not getattr(self._window, "quitting", False)
                and bool(self._settings.value(CLOSE_TO_TRAY_KEY, True, type=bool)))

    def set_enabled(self, on: bool) -> None:
        self._settings.setValue(CLOSE_TO_TRAY_KEY, bool(on))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close and self.enabled():
            event.ignore()
            self._window.hide()
            if not self._settings.value(CLOSE_EXPLAINED_KEY, False, type=bool):
                self._settings.setValue(CLOSE_EXPLAINED_KEY, True)
                self._notifier.show_message(self.tr("Trade CRM is still running"), self.tr(
                    "It keeps watching your reminders from the tray. To exit, choose File › Quit (Ctrl+Q) or Quit "
                    "in the tray menu; or turn this off in Settings."))
            return True
        return super().eventFilter(watched, event)

    def quit(self) -> None:
        """Really quit (the tray menu's Quit): close the window for good, then end the event loop."""
        self._quitting = True
        self._window.close()
        QCoreApplication.quit()
