"""Which folders the sync reads: the Sent folder by SPECIAL-USE, else by a preset's name, else by its name in
many languages (modified UTF-7 names arrive decoded from imapclient)."""

from __future__ import annotations

import pytest

from trade_crm.exchange.mail.imap import CertificateRefused, FolderInfo, ServerAddress, find_sent_folder


def folders(*names: str, flagged: str = "") -> list[FolderInfo]:
    return [FolderInfo(name, ("\\HasNoChildren", "\\Sent") if name == flagged else ("\\HasNoChildren",))
            for name in names]


def test_the_folder_marked_sent_wins_over_any_name():
    assert find_sent_folder(folders("INBOX", "Sent", "Outbox 2025", flagged="Outbox 2025")) == "Outbox 2025"


@pytest.mark.parametrize("name", ["Sent", "Sent Items", "Sent Messages", "[Gmail]/Sent Mail", "已发送", "已发送邮件",
                                  "Gesendet", "Gesendete Elemente", "Envoyés", "Enviados", "Inviati",
                                  "Отправленные", "送信済み", "INBOX.Sent", "INBOX/Sent Items"])
def test_the_sent_folder_is_found_by_its_name_in_many_languages(name):
    assert find_sent_folder(folders("INBOX", "Drafts", "Archive", name)) == name


def test_a_whole_name_beats_a_last_level_and_a_known_name_beats_an_unknown_one():
    assert find_sent_folder(folders("INBOX", "Projects/Sent", "Sent Items")) == "Sent Items"
    assert find_sent_folder(folders("INBOX", "Sent Items", "Sent")) == "Sent"
    assert find_sent_folder(folders("INBOX", "Drafts", "Outbox")) is None


def test_a_preset_name_counts_when_the_server_marks_none_and_unselectable_folders_never():
    listed = folders("INBOX", "Sent", "已发送")
    assert find_sent_folder(listed, preferred="已发送") == "已发送"
    assert find_sent_folder([FolderInfo("Sent", ("\\Noselect", "\\Sent")), *folders("Sent Items")]) == "Sent Items"


def test_an_unreadable_ca_file_is_one_line(tmp_path):
    with pytest.raises(CertificateRefused, match="could not be read") as refused:
        ServerAddress("imap.example.com", ca_file=str(tmp_path / "none.pem")).ssl_context()
    assert "\n" not in str(refused.value)
