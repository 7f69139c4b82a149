"""What the first paint does not wait for: libraries the window needs only later are imported when first
used (holidays by a greeting or a customer's card, APScheduler by the alarms after the first paint, the
greetings dialog when opened; the import readers when a file is dragged or the wizard opens; the export
dialog and writers when an export is asked for; the merge, its undo and the duplicates dialogs when first
used), not by the modules run_gui imports to build and show the window."""

from __future__ import annotations

import subprocess
import sys

LATER = ("holidays", "apscheduler", "trade_crm.ui.reminders.greetings_dialog",
         "trade_crm.exchange.importing.readers", "trade_crm.exchange.exporting.workbook",
         "trade_crm.exchange.vcard.writer", "trade_crm.ui.import_export.export_dialog",
         "trade_crm.domain.duplicates.merge", "trade_crm.domain.duplicates.merge_undo",
         "trade_crm.ui.duplicates.dialog", "trade_crm.ui.duplicates.merge_dialog",
         "imapclient", "trade_crm.exchange.mail.sync", "trade_crm.ui.mail.reader", "trade_crm.ui.mail.senders_view",
         "trade_crm.ui.mail.settings_page", "trade_crm.domain.mail.senders", "trade_crm.domain.mail.accounts",
         "trade_crm.domain.mail.triage", "trade_crm.ui.mail.compose_dialog", "trade_crm.ui.mail.outbox_view",
         "trade_crm.domain.mail.templates", "trade_crm.domain.mail.outbox", "trade_crm.exchange.mail.sending", "smtplib")


def test_the_modules_run_gui_starts_with_leave_the_later_libraries_unimported():
    probe = (
        "import sys\n"
        "import trade_crm.app\n"
        "from trade_crm.ui.reminders.scheduler import ReminderScheduler\n"
        "from trade_crm.ui.shell.reminder_controller import ReminderController\n"
        "from trade_crm.domain.reminders.sync import sync_reminders\n"
        f"print(sorted(m for m in {LATER!r} if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_alarms_import_apscheduler_when_first_used():
    probe = (
        "import sys\n"
        "from trade_crm.domain.clock import SystemClock\n"
        "from trade_crm.ui.reminders.alarms import Alarms\n"
        "alarms = Alarms(SystemClock())\n"
        "before = 'apscheduler' in sys.modules\n"
        "alarms.start()\n"
        "print(before, 'apscheduler' in sys.modules, alarms.running)\n"
        "alarms.shutdown()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True"]
