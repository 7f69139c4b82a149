"""Quotes in the main window: the Quotes menu (Products…, New quotation…, Seller profile…), the customer page's
Quotes tab, and the editors they open. The windows are imported when first opened, not at start
(tests/ui/shell/test_start_imports.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from trade_crm.domain.clock import Clock
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.quotes.customer_quotes import QuotesPane

if TYPE_CHECKING:  # the windows load when first opened
    from trade_crm.ui.quotes.outputs import DocumentOutputs
    from trade_crm.ui.quotes.product_window import ProductsWindow
    from trade_crm.ui.quotes.proforma_dialog import ProformaDialog
    from trade_crm.ui.quotes.quote_editor import QuotationDialog
    from trade_crm.ui.quotes.seller_dialog import SellerProfileDialog

QUOTES_MENU = "quotes_menu"
# (customer id, contact id or None, the PDF, the outbox purpose, a subject) -> the compose dialog it opened
DocumentComposer = Callable[[int, int | None, Path, str, str], object]


class QuotesController(QObject):
    def __init__(self, window, clock: Clock, root: Path | None, *, documents_folder: Path | None = None,
                 composer: DocumentComposer | None = None):
        super().__init__(window)
        self._window, self._clock, self._composer = window, clock, composer
        self.root = root  # the book's attachments folder: photos, the seller's images, PDFs kept with entries
        self._folder = documents_folder
        self.products_window: ProductsWindow | None = None
        self.editors: list = []
        self.products_action = QAction(self.tr("&Products…"), window)
        self.products_action.setStatusTip(self.tr("Your product catalog: prices by quantity, packing, photos"))
        self.new_action = QAction(self.tr("New &quotation…"), window)
        self.new_action.setStatusTip(self.tr("A quotation for the selected customer"))
        self.seller_action = QAction(self.tr("&Seller profile…"), window)
        self.seller_action.setStatusTip(self.tr("Your company, bank and numbering as printed on quotations and PIs"))
        self.products_action.triggered.connect(self.open_products)
        self.new_action.triggered.connect(lambda: self.new_quotation(window.customer_list.current_id()))
        self.seller_action.triggered.connect(self.open_seller_profile)
        self.menu = self._menu(window.menuBar())
        self.menu.addActions([self.products_action, self.new_action])
        self.menu.addSeparator()
        self.menu.addAction(self.seller_action)
        timeline = window.timeline
        self.pane = QuotesPane(self._clock)
        self.pane.setObjectName("quotes_pane")
        timeline.pages.addTab(self.pane, QCoreApplication.translate("QuotesPane", "Quotes"))
        self.pane.count_changed.connect(self.on_pane_count_changed)
        self.pane.quotation_open_requested.connect(self.open_quotation)
        self.pane.proforma_open_requested.connect(self.open_proforma)
        self.pane.new_quotation_requested.connect(self.new_quotation)
        window.customer_list.current_customer_changed.connect(self.pane.show_customer)
        window.book_changed.connect(lambda: self.pane.show_customer(timeline.customer_id()))
        self.pane.show_customer(timeline.customer_id())

    def _menu(self, bar: QMenuBar) -> QMenu:
        menu = QMenu(self.tr("&Quotes"), bar)
        menu.setObjectName(QUOTES_MENU)
        menus = bar.actions()
        bar.insertMenu(menus[-1], menu) if menus else bar.addMenu(menu)  # before Help
        return menu

    def on_pane_count_changed(self, count: int) -> None:
        pages = self._window.timeline.pages
        index = pages.indexOf(self.pane)
        pages.setTabText(index, fill(QCoreApplication.translate("QuotesPane", "Quotes (%1)"), count) if count
                         else QCoreApplication.translate("QuotesPane", "Quotes"))

    # --- the windows ------------------------------------------------------------------------------

    def outputs(self, parent) -> DocumentOutputs:
        # lazy: start-up, the document renderers load with the first editor
        from trade_crm.ui.quotes.outputs import DocumentOutputs

        return DocumentOutputs(self._clock, parent, composer=self.composer(), folder=self._folder, root=self.root)

    def composer(self) -> DocumentComposer | None:
        """Email PDF…: the mail feature's compose dialog (None without the mail feature installed)."""
        return self._composer

    def open_products(self) -> ProductsWindow:
        # lazy: start-up, the catalog window is imported when first opened
        from trade_crm.ui.quotes.product_window import ProductsWindow

        if self.products_window is None:
            self.products_window = ProductsWindow(self._clock, self._window, root=self.root)
        else:
            self.products_window.refresh()
        self.products_window.show()
        self.products_window.activateWindow()
        return self.products_window

    def _editor(self, dialog):
        dialog.outputs.setParent(dialog)  # made before the dialog; goes with it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self.editors.remove(d) if d in self.editors else None)
        self.editors.append(dialog)
        dialog.show()
        return dialog

    def new_quotation(self, customer_id: int | None = None) -> QuotationDialog | None:
        if customer_id is None:
            # lazy: the customer picker loads when first asked for
            from trade_crm.ui.quotes.customer_picker import pick_customer

            customer_id = pick_customer(self._window, self._clock, self.tr("New quotation"))
            if customer_id is None:
                return None
        return self.open_quotation(None, customer_id=customer_id)

    def open_quotation(self, quotation_id: int | None, *, customer_id: int | None = None) -> QuotationDialog:
        # lazy: start-up, the editor is imported when first opened
        from trade_crm.ui.quotes.quote_editor import QuotationDialog

        dialog = QuotationDialog(self._clock, quotation_id=quotation_id, customer_id=customer_id,
                                 outputs=self.outputs(self), parent=self._window)
        dialog.quotation_saved.connect(self.on_document_saved)
        dialog.quotation_opened.connect(self.open_quotation)
        dialog.proforma_requested.connect(lambda qid: self.open_proforma(None, quotation_id=qid))
        return self._editor(dialog)

    def open_proforma(self, proforma_id: int | None, *, quotation_id: int | None = None) -> ProformaDialog:
        # lazy: start-up, the PI dialog is imported when first opened
        from trade_crm.ui.quotes.proforma_dialog import ProformaDialog

        dialog = ProformaDialog(self._clock, quotation_id=quotation_id, proforma_id=proforma_id,
                                outputs=self.outputs(self), parent=self._window)
        dialog.proforma_saved.connect(self.on_document_saved)
        dialog.seller_profile_requested.connect(lambda: self.open_seller_profile(after=dialog.check_seller))
        return self._editor(dialog)

    def open_seller_profile(self, after=None) -> SellerProfileDialog:
        # lazy: start-up, the profile dialog is imported when first opened
        from trade_crm.ui.quotes.seller_dialog import SellerProfileDialog

        dialog = SellerProfileDialog(self._clock, self._window, root=self.root)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if after is not None:
            dialog.profile_saved.connect(after)
        dialog.open()
        return dialog

    def on_document_saved(self, _ident: int) -> None:
        """A quotation or PI changed: the timeline (a sent document, an order), and what follows the book (the
        Quotes and Files tabs, the reminders: a quotation's chasers, the dashboard's orders)."""
        self._window.timeline.show_customer(self._window.timeline.customer_id())
        self._window.book_changed.emit()


def install_quotes(window, clock: Clock, root: Path | None, *, documents_folder: Path | None = None,
                   composer: DocumentComposer | None = None) -> QuotesController:
    """The Quotes menu and tab; `root` is the book's attachments folder (app.py: attachments_for(db_path));
    `composer` opens the mail feature's compose dialog for Email PDF… (app.py: the mail controller's)."""
    window.quotes_controller = QuotesController(window, clock, root, documents_folder=documents_folder,
                                                composer=composer)
    return window.quotes_controller
