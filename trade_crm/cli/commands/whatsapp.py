"""`trade-crm whatsapp link CUSTOMER_ID [--contact ID] [--template KEY] [--log] [--json]`: the wa.me link that
opens a WhatsApp chat with the contact, the template's text filled in for them (the same merge fields as
email); --log records it on the timeline as sent (a greeting template as the customer's greeting)."""

from __future__ import annotations

from trade_crm.cli.base import Command, Context
from trade_crm.domain.chats.wa_link import DEFAULT_TEMPLATE, log_whatsapp_sent, whatsapp_message
from trade_crm.domain.mail.merge import Holiday


def link_arguments(parser) -> None:
    parser.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")
    parser.add_argument("--contact", type=int, metavar="CONTACT_ID",
                        help="the person to message (default: the primary contact with a WhatsApp or phone number)")
    parser.add_argument("--template", default=DEFAULT_TEMPLATE, metavar="KEY",
                        help=f"the mail template whose text to send (default {DEFAULT_TEMPLATE}; "
                             "see `trade-crm mail template list`)")
    parser.add_argument("--language", metavar="CODE", help="the template's language (default: the customer's)")
    parser.add_argument("--holiday", default="", metavar="NAME", help="the holiday a greeting is for ({holiday.name})")
    parser.add_argument("--fair", default="", metavar="NAME", help="the trade fair a thank-you is about ({fair.name})")
    parser.add_argument("--text", metavar="TEXT", help="send this text instead of the template's")
    parser.add_argument("--log", action="store_true", help="log the message on the timeline as sent")


def link(ctx: Context, args) -> int:
    message = whatsapp_message(
        args.customer_id, args.contact, args.template, args.language,
        holiday=Holiday(args.holiday.strip()) if args.holiday.strip() else None,
        extra={"fair.name": args.fair} if args.fair.strip() else None, text=args.text)
    interaction_id = None
    if args.log:
        interaction_id = log_whatsapp_sent(message.customer_id, message.contact_id, message.text, ctx.clock,
                                           template_key=message.template_key, number=message.number)

    def human() -> str:
        lines = [message.link]
        if interaction_id is not None:
            lines.append(f"Logged #{interaction_id} on customer #{message.customer_id}'s timeline "
                         f"(to {message.contact_name or 'the contact'}, +{message.number})")
        return "\n".join(lines)
    ctx.emit({"link": message.link, "number": message.number, "text": message.text, "language": message.language,
              "template": message.template_key, "customer_id": message.customer_id,
              "contact": {"id": message.contact_id, "name": message.contact_name},
              "logged": interaction_id}, human)
    return 0


COMMANDS = (
    Command("whatsapp link", "the wa.me link with a template's text filled in for a contact; --log logs it as sent",
            link, link_arguments),
)
