<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Commands</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="68"/>
        <source>Delete %n customer(s)</source>
        <translation>
            <numerusform>Delete %n customer</numerusform>
            <numerusform>Delete %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="85"/>
        <source>Add tag “%1” to %n customer(s)</source>
        <translation>
            <numerusform>Add tag “%1” to %n customer</numerusform>
            <numerusform>Add tag “%1” to %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="86"/>
        <source>Remove tag “%1” from %n customer(s)</source>
        <translation>
            <numerusform>Remove tag “%1” from %n customer</numerusform>
            <numerusform>Remove tag “%1” from %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="106"/>
        <source>Rate %n customer(s) %1</source>
        <translation>
            <numerusform>Rate %n customer %1</numerusform>
            <numerusform>Rate %n customers %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="107"/>
        <source>Clear the rating of %n customer(s)</source>
        <translation>
            <numerusform>Clear the rating of %n customer</numerusform>
            <numerusform>Clear the rating of %n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="92"/>
        <source>%n more problem(s) followed the first.</source>
        <translation>
            <numerusform>%n more problem followed the first.</numerusform>
            <numerusform>%n more problems followed the first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="280"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="282"/>
        <source>%n months ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="283"/>
        <source>%n years ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="313"/>
        <source>Overdue by %n days</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="314"/>
        <source>Due in %n days</source>
        <translation>
            <numerusform>Due in %n day</numerusform>
            <numerusform>Due in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/filter_bar.py" line="176"/>
        <source>Not contacted for %n days</source>
        <translation>
            <numerusform>Not contacted for %n day</numerusform>
            <numerusform>Not contacted for %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="152"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="154"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="156"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="211"/>
        <source>Delete %Ln customers with their contacts and timelines?</source>
        <translation>
            <numerusform>Delete %Ln customer with its contacts and timeline?</numerusform>
            <numerusform>Delete %Ln customers with their contacts and timelines?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="0"/>
        <source>%Ln group(s) of probable duplicates, the surest first.</source>
        <translation>
            <numerusform>%Ln group of probable duplicates, the surest first.</numerusform>
            <numerusform>%Ln groups of probable duplicates, the surest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeController</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_actions.py" line="0"/>
        <source>Merge %n customer(s) into “%1”</source>
        <translation>
            <numerusform>Merge %n customer into “%1”</numerusform>
            <numerusform>Merge %n customers into “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_actions.py" line="0"/>
        <source>Mark %n customer(s) as not duplicates</source>
        <translation>
            <numerusform>Mark %n customer as not a duplicate</numerusform>
            <numerusform>Mark %n customers as not duplicates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="0"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="0"/>
        <source>%n timeline entry(s)</source>
        <translation>
            <numerusform>%n timeline entry</numerusform>
            <numerusform>%n timeline entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="0"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="0"/>
        <source>%n opportunity(s)</source>
        <translation>
            <numerusform>%n opportunity</numerusform>
            <numerusform>%n opportunities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="0"/>
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n reminder</numerusform>
            <numerusform>%n reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="0"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderText</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>last contact %n day(s) ago</source>
        <translation>
            <numerusform>last contact %n day ago</numerusform>
            <numerusform>last contact %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>%1 in %2 on %3: greet %n customer(s)</source>
        <translation>
            <numerusform>%1 in %2 on %3: greet %n customer</numerusform>
            <numerusform>%1 in %2 on %3: greet %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Tell customers about the closure: %1, %2 – %3 (%n day(s) off)</source>
        <translation>
            <numerusform>Tell customers about the closure: %1, %2 – %3 (%n day off)</numerusform>
            <numerusform>Tell customers about the closure: %1, %2 – %3 (%n days off)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>%1: no order for %n day(s)</source>
        <translation>
            <numerusform>%1: no order for %n day</numerusform>
            <numerusform>%1: no order for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Ordered once, %n day(s) ago (%1); a single order is followed up after %2.</source>
        <translation>
            <numerusform>Ordered once, %n day ago (%1); a single order is followed up after %2.</numerusform>
            <numerusform>Ordered once, %n days ago (%1); a single order is followed up after %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Usually orders every %1; last order %n day(s) ago (%2).</source>
        <translation>
            <numerusform>Usually orders every %1; last order %n day ago (%2).</numerusform>
            <numerusform>Usually orders every %1; last order %n days ago (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderPane</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Done: %n reminder(s)</source>
        <translation>
            <numerusform>Done: %n reminder</numerusform>
            <numerusform>Done: %n reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Snooze %n reminder(s)</source>
        <translation>
            <numerusform>Snooze %n reminder</numerusform>
            <numerusform>Snooze %n reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message numerus="yes">
        <source>%n new customer(s)</source>
        <translation>
            <numerusform>%n new customer</numerusform>
            <numerusform>%n new customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timeline entry(ies)</source>
        <translation>
            <numerusform>%n timeline entry</numerusform>
            <numerusform>%n timeline entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailController</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>&amp;New senders (%n)…</source>
        <translation>
            <numerusform>&amp;New senders (%n)…</numerusform>
            <numerusform>&amp;New senders (%n)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageReaderDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>%n remote image(s) or file(s) not loaded, to protect your privacy.</source>
        <translation>
            <numerusform>%n remote image or file not loaded, to protect your privacy.</numerusform>
            <numerusform>%n remote images or files not loaded, to protect your privacy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>%n message(s): %1</source>
        <translation>
            <numerusform>%n message: %1</numerusform>
            <numerusform>%n messages: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Attachments (%n)</source>
        <translation>
            <numerusform>Attachment (%n)</numerusform>
            <numerusform>Attachments (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>%n message(s) · %1</source>
        <comment>a mail thread folded under its newest message</comment>
        <translation>
            <numerusform>%n message · %1</numerusform>
            <numerusform>%n messages · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Ready: logged in, %n folder(s) (no Sent folder found: add it under Also sync folders).</source>
        <translation>
            <numerusform>Ready: logged in, %n folder (no Sent folder found: add it under Also sync folders).</numerusform>
            <numerusform>Ready: logged in, %n folders (no Sent folder found: add it under Also sync folders).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Ready: logged in, %n folder(s), sent mail in “%1”.</source>
        <translation>
            <numerusform>Ready: logged in, %n folder, sent mail in “%1”.</numerusform>
            <numerusform>Ready: logged in, %n folders, sent mail in “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Send %n message(s)</source>
        <translation>
            <numerusform>Send %n message</numerusform>
            <numerusform>Send %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailOutController</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>%n message(s) in the outbox.</source>
        <translation>
            <numerusform>%n message in the outbox.</numerusform>
            <numerusform>%n messages in the outbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>&amp;Outbox (%n failed)…</source>
        <translation>
            <numerusform>&amp;Outbox (%n failed)…</numerusform>
            <numerusform>&amp;Outbox (%n failed)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>%n customer(s) left out: their greeting is in the outbox already.</source>
        <translation>
            <numerusform>%n customer left out: their greeting is in the outbox already.</numerusform>
            <numerusform>%n customers left out: their greeting is in the outbox already.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) back in the queue for another try.</source>
        <translation>
            <numerusform>%n message back in the queue for another try.</numerusform>
            <numerusform>%n messages back in the queue for another try.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) back in the queue.</source>
        <translation>
            <numerusform>%n message back in the queue.</numerusform>
            <numerusform>%n messages back in the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) cancelled: they will not be sent.</source>
        <translation>
            <numerusform>%n message cancelled: it will not be sent.</numerusform>
            <numerusform>%n messages cancelled: they will not be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) paused: they wait until you resume them.</source>
        <translation>
            <numerusform>%n message paused: it waits until you resume it.</numerusform>
            <numerusform>%n messages paused: they wait until you resume them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxRunner</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n message(s) could not be sent</source>
        <translation>
            <numerusform>%n message could not be sent</numerusform>
            <numerusform>%n messages could not be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
