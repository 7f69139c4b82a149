"""A product's photos: the bytes in the book's attachment blob store (domain/attachments/blobs.py), kept once
however many products show them; the product row names them (`photos` JSON: sha256 and file name).

`root` is the book's attachments folder (`blobs.attachments_for(db_path)`), given by the caller as for any
attachment. The integrity check and the backups count a photo's blob as named (domain/attachments/integrity.py,
store/backup.py), so a clean-up never removes it.
"""

from __future__ import annotations

import json
from pathlib import Path

from trade_crm.domain.attachments.blobs import blob_path, store_blob
from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.catalog import ProductView, product_view
from trade_crm.domain.quotes.product_input import ProductPhoto
from trade_crm.store.models import Product, database

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp"})
MAX_PHOTO_BYTES = 20 * 1024 * 1024
MAX_PHOTOS = 20


def _photos(product_id: int) -> list[dict]:
    return [{"sha256": p.sha256, "name": p.name} for p in product_view(product_id).photos]


def add_product_photo(product_id: int, source: Path, root: Path, clock: Clock) -> ProductView:
    """Keep the image file `source` with the product (a photo already there is not added twice)."""
    source = Path(source)
    if source.suffix.lower() not in PHOTO_SUFFIXES:
        raise ValidationError("photos", f"{source.name} is not a photo ({', '.join(sorted(PHOTO_SUFFIXES))})")
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise ValidationError("photos", f"cannot read {source.name}: {exc.strerror or exc}") from None
    if size > MAX_PHOTO_BYTES:
        raise ValidationError("photos", f"{source.name} is {size // (1024 * 1024)} MB; at most "
                                        f"{MAX_PHOTO_BYTES // (1024 * 1024)} MB")
    photos = _photos(product_id)
    if len(photos) >= MAX_PHOTOS:
        raise ValidationError("photos", f"a product keeps at most {MAX_PHOTOS} photos")
    try:
        blob = store_blob(root, source)
    except OSError as exc:
        raise ValidationError("photos", f"cannot keep {source.name}: {exc.strerror or exc}") from None
    if all(p["sha256"] != blob.sha256 for p in photos):
        photos.append({"sha256": blob.sha256, "name": source.name})
        _write(product_id, photos, clock)
    return product_view(product_id)


def remove_product_photo(product_id: int, sha256: str, clock: Clock) -> ProductView:
    """Take a photo off the product (its blob stays until the files check cleans up what no row names)."""
    photos = _photos(product_id)
    kept = [p for p in photos if p["sha256"] != sha256]
    if len(kept) == len(photos):
        raise ValidationError("photos", f"product {product_id} has no photo {sha256[:12]}")
    _write(product_id, kept, clock)
    return product_view(product_id)


def _write(product_id: int, photos: list[dict], clock: Clock) -> None:
    with database.atomic():
        Product.update(photos=json.dumps(photos, ensure_ascii=False), updated_at=clock.now()).where(
            Product.id == product_id).execute()


def photo_file(root: Path, photo: ProductPhoto) -> Path:
    """Where a photo's bytes are (it may be missing on a laptop that did not add it: check `exists()`)."""
    return blob_path(root, photo.sha256)
