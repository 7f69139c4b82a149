"""Orders: the money a customer sent, and the lifecycle stage it implies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store.models import Customer, Order, database


def lifecycle_for_order_count(count: int) -> str:
    """potential (no order), new (one), returning (two or more). Later rules refine this."""
    if count == 0:
        return "potential"
    return "new" if count == 1 else "returning"


def parse_amount(value: object) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as exc:
        raise ValidationError("amount", f'"{value}" is not an amount') from exc
    if amount < 0:
        raise ValidationError("amount", "an order amount cannot be negative")
    return amount


def record_order(customer_id: int, ordered_on: date, amount: object, currency: str, clock: Clock, *,
                 reference: str = "", notes: str = "") -> int:
    money = parse_amount(amount)
    code = clean_line(currency).upper()
    if len(code) != 3 or not code.isalpha():
        raise ValidationError("currency", f'"{currency}" is not a 3-letter currency code')
    with database.atomic():
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFoundError("customer", customer_id)
        order_id = Order.insert(customer=customer_id, ordered_on=ordered_on, amount=money, currency=code,
                                reference=clean_line(reference), notes=clean_block(notes),
                                created_at=clock.now()).execute()
        refresh_lifecycle(customer_id)
    return order_id


def delete_order(order_id: int) -> None:
    with database.atomic():
        order = Order.get_or_none(Order.id == order_id)
        if order is None:
            raise NotFoundError("order", order_id)
        customer_id = order.customer_id
        order.delete_instance()
        refresh_lifecycle(customer_id)


def refresh_lifecycle(customer_id: int) -> None:
    count = Order.select().where(Order.customer == customer_id).count()
    Customer.update(lifecycle=lifecycle_for_order_count(count)).where(Customer.id == customer_id).execute()
