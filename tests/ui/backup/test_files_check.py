"""Settings › Data › Attached files: the size limit is kept, the check lists a missing file and the stored files
no customer names, and Clean up removes only those."""

from __future__ import annotations

from trade_crm.domain.attachments.blobs import attachments_for, blob_path, stored_blobs
from trade_crm.domain.attachments.changes import SIZE_LIMIT_MB
from trade_crm.domain.attachments.records import NewFile, attach_files
from trade_crm.domain.customers.records import create_customer
from trade_crm.ui.backup.data_settings import DataSettingsWidget


def test_the_check_lists_missing_and_unnamed_files_and_clean_up_removes_the_unnamed(qtbot, db, db_path, clock):
    root = attachments_for(db_path)
    customer = create_customer(clock, name="Al Noor Trading LLC")
    [kept, lost] = attach_files(root, customer, [NewFile(b"kept", "kept.txt"), NewFile(b"lost", "PI.pdf")], clock)
    blob_path(root, lost.sha256).unlink()
    stray = blob_path(root, "cd" * 32)
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"12345")
    page = DataSettingsWidget(db_path, clock.zone)
    qtbot.addWidget(page)
    box = page.files_box
    with qtbot.waitSignal(box.checked, timeout=10_000):
        box.check_button.click()
    items = [box.problems.item(r).text() for r in range(box.problems.count())]
    assert items == [f"Missing: PI.pdf (customer #{customer})", "1 stored files no customer names (5 bytes)"]
    assert box.summary_label.text() == "2 files checked: 1 missing." and box.clean_button.isEnabled()
    box.clean_button.click()
    assert set(stored_blobs(root)) == {kept.sha256}


def test_the_size_limit_is_saved_with_the_page(qtbot, db, db_path, clock):
    page = DataSettingsWidget(db_path, clock.zone)
    qtbot.addWidget(page)
    assert page.files_box.limit_spin.value() == 50
    page.files_box.limit_spin.setValue(200)
    assert page.save()
    assert SIZE_LIMIT_MB.read() == 200
