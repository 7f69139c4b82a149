"""Where the sync of each folder stands: UIDVALIDITY, the last UID stored, HIGHESTMODSEQ (CONDSTORE).

A folder whose UIDVALIDITY changed (the server renumbered it) is read again from the start: its stored
locations are forgotten, never its messages, so the copies found again are recognised by their key
(Message-ID or content hash) and make no second timeline entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.store.models import MailAccount, MailFolder, MailLocation, database


@dataclass(frozen=True)
class FolderState:
    account_id: int
    folder: str
    uidvalidity: int
    last_uid: int
    highest_modseq: int | None
    synced_at: datetime | None


def folder_state(account_id: int, folder: str) -> FolderState | None:
    """Where the sync of this folder stands, or None before its first sync."""
    row = MailFolder.get_or_none(MailFolder.account == account_id, MailFolder.folder == folder)
    if row is None:
        return None
    return FolderState(account_id, folder, row.uidvalidity, row.last_uid, row.highest_modseq, row.synced_at)


def folder_states(account_id: int) -> list[FolderState]:
    return [FolderState(account_id, r.folder, r.uidvalidity, r.last_uid, r.highest_modseq, r.synced_at)
            for r in MailFolder.select().where(MailFolder.account == account_id).order_by(MailFolder.folder)]


def save_folder_state(account_id: int, folder: str, *, uidvalidity: int, last_uid: int,
                      highest_modseq: int | None = None, synced_at: datetime | None = None) -> FolderState:
    """Remember where the sync of this folder stands (one transaction). A UIDVALIDITY other than the stored
    one forgets the folder's stored locations (the old UIDs mean nothing now); the messages stay."""
    if not folder:
        raise ValidationError("folder", "a folder needs a name")
    for name, value in (("uidvalidity", uidvalidity), ("last_uid", last_uid)):
        if not isinstance(value, int) or value < 0:
            raise ValidationError(name, f"{value!r} is not an IMAP number")
    with database.atomic():
        if not MailAccount.select().where(MailAccount.id == account_id).exists():
            raise NotFoundError("mail account", account_id)
        before = folder_state(account_id, folder)
        if before is not None and before.uidvalidity != uidvalidity:
            forget_locations(account_id, folder, keep_uidvalidity=uidvalidity)
        values = {"uidvalidity": uidvalidity, "last_uid": last_uid, "highest_modseq": highest_modseq,
                  "synced_at": synced_at}
        if before is None:
            MailFolder.insert(account=account_id, folder=folder, **values).execute()
        else:
            MailFolder.update(**values).where(MailFolder.account == account_id,
                                              MailFolder.folder == folder).execute()
    return folder_state(account_id, folder)


def forget_locations(account_id: int, folder: str, *, keep_uidvalidity: int | None = None) -> int:
    """Forget the stored copies of one folder (all, or those of another UIDVALIDITY than `keep_uidvalidity`);
    how many. The caller holds the transaction."""
    query = MailLocation.delete().where(MailLocation.account == account_id, MailLocation.folder == folder)
    if keep_uidvalidity is not None:
        query = query.where(MailLocation.uidvalidity != keep_uidvalidity)
    return query.execute()
