"""`make screenshots`' insight shots: the dashboard and the pipeline board over a demo book, as PNGs."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from trade_crm.demo.book import load_demo
from trade_crm.tools.screenshots import load_mail_customer, shoot_insights, shoot_mail


def test_screenshots_of_the_dashboard_and_the_board(qtbot, db, db_path, clock, tmp_path):
    load_demo(clock, customers=60)
    shots = shoot_insights(QApplication.instance(), tmp_path, db_path, clock, "en", "en")
    assert [p.name for p in shots] == ["dashboard_en.png", "pipeline_board_en.png"]
    assert all(not QImage(str(p)).isNull() for p in shots)


def test_screenshots_of_mail_the_timeline_the_reader_and_new_senders(qtbot, db, db_path, clock, tmp_path):
    load_demo(clock, customers=60)
    customer_id = load_mail_customer(QApplication.instance(), db_path, clock)
    shots = shoot_mail(QApplication.instance(), tmp_path, db_path, clock, "en", "en", customer_id)
    assert [p.name for p in shots] == ["mail_timeline_en.png", "mail_reader_en.png", "new_senders_en.png"]
    images = [QImage(str(p)) for p in shots]
    assert all(not image.isNull() and image.width() > 600 for image in images)


def test_screenshot_of_a_customers_files_with_thumbnails(qtbot, db, db_path, clock, tmp_path):
    from trade_crm.domain.attachments.records import attachments_of  # lazy: only this test needs it
    from trade_crm.tools.screenshots_files import load_demo_files, shoot_files  # lazy: as above

    load_demo(clock, customers=60)
    customer_id = load_mail_customer(QApplication.instance(), db_path, clock)
    load_demo_files(tmp_path, db_path, clock, customer_id)
    assert [f.name for f in attachments_of(customer_id)][:2] == ["PI-2026-118.pdf", "damaged carton 1.jpg"]
    shot = shoot_files(QApplication.instance(), tmp_path, db_path, clock, "en", "en", customer_id)
    image = QImage(str(shot))
    assert shot.name == "files_en.png" and image.width() > 600
