"""The seller's letterhead and bank for the documents, kept in the book's settings (a backup carries it); the
logo, signature and stamp images are kept in the attachment blob store by their sha256, so the settings hold
only names.

A PI is what the buyer's bank pays from: it refuses to issue while a bank field is missing (beneficiary, bank
name, SWIFT/BIC, account or IBAN), and a SWIFT/BIC or IBAN that cannot be right (format; the IBAN's mod-97
check digits) is refused when saved.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, replace
from pathlib import Path

import pycountry

from trade_crm.domain.attachments.blobs import blob_path, store_blob
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.document import BankDetails, SellerProfile
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store.settings import SettingKey

SELLER_PROFILE = SettingKey("quotes.seller", dict, {}, "Seller profile")
IMAGES = ("logo", "signature", "stamp")
TEXTS = ("company", "company_local", "address", "phone", "email", "website")
BANK_FIELDS = ("beneficiary", "bank_name", "bank_address", "swift", "account", "iban")
MAX_IMAGE_BYTES = 5 * 1024 * 1024
_SWIFT = re.compile(r"^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?$")
_IBAN = re.compile(r"^([A-Z]{2})(\d{2})[A-Z0-9]{11,30}$")


def compact(value: str) -> str:
    return re.sub(r"[\s\-]", "", value or "").upper()


def check_swift(value: str, field: str = "bank.swift") -> str:
    """A SWIFT/BIC as printed ("DEUTDEFF" or "DEUTDEFF500"); ValidationError naming `field` when malformed."""
    code = compact(value)
    match = _SWIFT.match(code)
    if not match:
        raise ValidationError(field, f'"{value}" is not a SWIFT/BIC: 8 or 11 letters and digits, '
                                     "bank (4 letters), country (2), location (2), branch (3, optional)")
    if pycountry.countries.get(alpha_2=match.group(1)) is None and match.group(1) != "XK":
        raise ValidationError(field, f'"{value}": {match.group(1)} is not a country code')
    return code


def check_iban(value: str, field: str = "bank.iban") -> str:
    """An IBAN with its check digits verified (ISO 13616 mod 97); printed in groups of four."""
    code = compact(value)
    match = _IBAN.match(code)
    if not match:
        raise ValidationError(field, f'"{value}" is not an IBAN: a country code, 2 check digits and the account')
    digits = "".join(str(int(ch, 36)) for ch in code[4:] + code[:4])
    if int(digits) % 97 != 1:
        raise ValidationError(field, f'"{value}": the IBAN check digits do not match (a typo?)')
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def clean_bank(bank: BankDetails) -> BankDetails:
    values = {name: clean_line(getattr(bank, name)) for name in BANK_FIELDS}
    values["bank_address"] = clean_block(bank.bank_address)
    if values["swift"]:
        values["swift"] = check_swift(values["swift"])
    if values["iban"]:
        values["iban"] = check_iban(values["iban"])
    return BankDetails(**values)


def check_bank_complete(bank: BankDetails, field_prefix: str = "bank.") -> None:
    """What a PI needs before it can be issued: raises ValidationError naming the first missing field."""
    for name, label in (("beneficiary", "the beneficiary"), ("bank_name", "the bank's name"),
                        ("swift", "the SWIFT/BIC")):
        if not getattr(bank, name).strip():
            raise ValidationError(field_prefix + name, f"{label} is missing from the seller profile's bank details")
    if not bank.account.strip() and not bank.iban.strip():
        raise ValidationError(field_prefix + "account", "an account number or an IBAN is needed in the seller "
                                                        "profile's bank details")
    check_swift(bank.swift, field_prefix + "swift")
    if bank.iban.strip():
        check_iban(bank.iban, field_prefix + "iban")


def profile_data(profile: SellerProfile, images: dict[str, dict] | None = None) -> dict:
    """The JSON-ready form kept in settings and in a PI's snapshot (images by sha256, not path)."""
    data = {name: getattr(profile, name) for name in TEXTS}
    data["bank"] = asdict(profile.bank)
    data["images"] = dict(images or {})
    return data


def profile_from(data: dict, root: Path | None) -> SellerProfile:
    """A stored profile (settings or a PI's snapshot) with image paths resolved under `root` (None: no images)."""
    bank = data.get("bank") if isinstance(data.get("bank"), dict) else {}
    images = data.get("images") if isinstance(data.get("images"), dict) else {}
    paths: dict[str, Path | None] = {}
    for name in IMAGES:
        entry = images.get(name)
        path = blob_path(root, entry["sha256"]) if root is not None and isinstance(entry, dict) and entry.get(
            "sha256") else None
        paths[name] = path if path is not None and path.is_file() else None
    return SellerProfile(**{name: str(data.get(name) or "") for name in TEXTS},
                         bank=BankDetails(**{name: str(bank.get(name) or "") for name in BANK_FIELDS}), **paths)


def stored_profile() -> dict:
    data = SELLER_PROFILE.read()
    return data if isinstance(data, dict) else {}


def read_seller_profile(root: Path | None = None) -> SellerProfile:
    """The seller's profile; image paths point into the blob store under `root` (None when not given or gone)."""
    return profile_from(stored_profile(), root)


def save_seller_profile(profile: SellerProfile, root: Path | None = None) -> SellerProfile:
    """Check and keep the profile. An image path that is not already in the blob store is copied there (needs
    `root`); an image set to None is removed from the profile. Returns the profile as read back."""
    texts = {name: clean_line(getattr(profile, name)) for name in TEXTS}
    texts["address"] = clean_block(profile.address)
    cleaned = replace(profile, bank=clean_bank(profile.bank), **texts)
    old = stored_profile().get("images") or {}
    images: dict[str, dict] = {}
    for name in IMAGES:
        path = getattr(profile, name)
        if path is None:
            continue
        path = Path(path)
        entry = old.get(name) if isinstance(old.get(name), dict) else None
        if root is not None and entry and blob_path(root, entry.get("sha256", "")) == path:
            images[name] = entry  # unchanged: already kept
            continue
        if root is None:
            raise ValidationError(name, "images are kept in the book's attachments folder: it was not given")
        if not path.is_file():
            raise ValidationError(name, f"{path} is not a file")
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise ValidationError(name, f"{path.name} is over {MAX_IMAGE_BYTES // (1024 * 1024)} MB")
        blob = store_blob(root, path)
        images[name] = {"sha256": blob.sha256, "name": path.name}
    SELLER_PROFILE.write(json.loads(json.dumps(profile_data(cleaned, images))))
    return read_seller_profile(root)
