"""Digests: the items first published since a subscriber's last digest that
match their choices, read from the listing index, in their language with the
English fallback marked, written to the outbox in batches (docs/subscriptions.md).

Never twice: each subscription's ``sent_until`` (high-water mark) moves to the
run's cutoff in the transaction that writes its digest to the outbox, so a
message and the mark commit together or not at all; a second run finds no new
items. Efficient: subscribers with the same choices, language and mark share
one query and one rendering; each batch's messages are one bulk insert."""

from __future__ import annotations

import email as email_parser
import email.policy as email_policy
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.template import loader
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Page

from portal.core.locales import locale_id_of
from portal.core.localized import localize
from portal.listings.index import ListingPosting
from portal.listings.kinds import listed_kind
from portal.mail.delivery import first_attempt_deadline
from portal.mail.models import OutgoingMessage
from portal.mail.stored import to_row
from portal.taxonomy.registry import tag_params

from . import links, mailing
from .records import Frequency, Subscription
from .sending import enqueue_batches

logger = logging.getLogger("portal.subscriptions")

MAX_ITEMS = 50  # the newest items of one digest; the rest are counted
# A digest looks back this far at most, however long ago the last one was sent.
LOOKBACK = timedelta(days=31)
BATCH = 1000  # subscriptions per transaction
# The least time between two digests of one subscription, per frequency.
MIN_GAP = {
    Frequency.IMMEDIATE: timedelta(0),
    Frequency.DAILY: timedelta(hours=23),
    Frequency.WEEKLY: timedelta(days=6, hours=23),
}
# Placeholders in a digest's bytes, replaced for each subscriber.
MANAGE = "https://manage.invalid/"
UNSUBSCRIBE = "https://unsubscribe.invalid/"
TO = "subscriber@recipient.invalid"
MESSAGE_ID = "<message-id@recipient.invalid>"

GroupKey = tuple[tuple[str, ...], tuple[int, ...], datetime]


def settle() -> timedelta:
    """Items published less than this before a run wait for the next one, so
    that a publication committing during the run is not skipped."""
    return timedelta(seconds=settings.SUBSCRIPTION_SETTLE_SECONDS)


@dataclass
class Item:
    pk: int
    listing: str
    sort: datetime
    published: datetime
    terms: set[int]


class NewItems:
    """The items first published in a run's window, read once: their listing
    index rows in one query, their pages in one query per page type, and
    their translations in one query per language. Each group of subscribers
    is then matched in memory, without a query."""

    def __init__(self, since: datetime, until: datetime):
        self.items: dict[int, Item] = {}
        params = set(tag_params())
        rows = ListingPosting.objects.filter(
            item__first_published_at__gt=since, item__first_published_at__lte=until
        ).values_list("item_id", "listing", "facet", "value", "sort", "item__first_published_at")
        for pk, listing, facet, value, sort, published in rows.iterator(chunk_size=5000):
            item = self.items.get(pk)
            if item is None:
                item = self.items[pk] = Item(pk, listing, sort, published, set())
            if facet in params and value.isdigit():
                item.terms.add(int(value))
        self.newest_first = sorted(self.items.values(), key=lambda i: (i.sort, i.pk), reverse=True)
        self._pages: dict[int, Page] | None = None
        self._shown: dict[str, dict[int, Page]] = {}

    def matching(self, kinds, terms, since: datetime) -> tuple[tuple[int, ...], int]:
        """(the newest MAX_ITEMS item ids, how many in all) of the kinds (any
        when empty) carrying any of the terms (any when empty), first
        published after ``since``."""
        kinds, terms = set(kinds), set(terms)
        found = [
            item.pk
            for item in self.newest_first
            if item.published > since
            and (not kinds or item.listing in kinds)
            and (not terms or not terms.isdisjoint(item.terms))
        ]
        return tuple(found[:MAX_ITEMS]), len(found)

    def shown(self, language: str) -> dict[int, Page]:
        """{item id: the page shown in ``language``}: its translation, else
        the item itself marked ``is_fallback``."""
        if self._pages is None:
            pages = Page.objects.filter(pk__in=list(self.items)).specific()
            self._pages = {page.pk: page for page in pages}
        if language not in self._shown:
            sources = list(self._pages.values())
            shown = localize(sources, locale_id_of(language))
            self._shown[language] = {
                source.pk: page for source, page in zip(sources, shown, strict=True)
            }
        return self._shown[language]


@dataclass(frozen=True)
class Rendered:
    """A digest's message with placeholders for the subscriber's address,
    links and Message-ID, as the outbox stores it (8-bit MIME: the
    placeholders are in the bytes as written)."""

    subject: str
    from_email: str
    mime: bytes


def render(new: NewItems, item_ids: tuple[int, ...], total: int, language: str) -> Rendered:
    """One digest in ``language``, with placeholders for the subscriber's
    address and links. No query once ``new`` has read the language."""
    shown_in = new.shown(language)
    pairs = [(shown_in[pk], new.items[pk]) for pk in item_ids if pk in shown_in]
    with translation.override(language):
        items = [
            {
                "title": page.title,
                "summary": getattr(page, "summary", ""),
                "url": page.get_full_url(),
                "is_fallback": page.is_fallback,
                "lang": settings.LANGUAGE_CODE if page.is_fallback else language,
                "kind": listed_kind(item.listing).label,
            }
            for page, item in pairs
        ]
        context = {
            "items": items,
            "more": max(total - len(items), 0),
            "manage_url": MANAGE,
            "unsubscribe_url": UNSUBSCRIBE,
            "language": language,
        }
        subject = ngettext(
            "%(count)s new item from the OSCE", "%(count)s new items from the OSCE", total
        ) % {"count": total}
        text = loader.render_to_string("subscriptions/mail/digest.txt", context)
        html = loader.render_to_string("subscriptions/mail/digest.html", context)
    mail = mailing.message(
        subject,
        text,
        html,
        TO,
        "subscription-digest",
        headers={**mailing.unsubscribe_headers(UNSUBSCRIBE), "Message-ID": MESSAGE_ID},
    )
    row = to_row(mail)
    return Rendered(row.subject, row.from_email, row.mime)


def personal(digest: Rendered, subscription) -> OutgoingMessage:
    """The subscriber's message: the digest's bytes with their address, links
    and a Message-ID of their own. An address that is not ASCII gets a
    message written afresh (its header must be encoded)."""
    manage, unsubscribe = links.manage_and_unsubscribe(subscription)
    email = subscription.email
    mime = digest.mime
    if email.isascii():
        message_id = make_msgid(domain=DNS_NAME)
        for placeholder, value in (
            (MANAGE, manage),
            (UNSUBSCRIBE, unsubscribe),
            (TO, email),
            (MESSAGE_ID, message_id),
        ):
            mime = mime.replace(placeholder.encode(), value.encode())
    else:
        parsed = email_parser.message_from_bytes(mime, policy=email_policy.default)
        text = parsed.get_body(("plain",)).get_content()
        html = parsed.get_body(("html",)).get_content()

        def fill(body: str) -> str:
            return body.replace(MANAGE, manage).replace(UNSUBSCRIBE, unsubscribe)

        mail = mailing.message(
            digest.subject,
            fill(text),
            fill(html),
            email,
            "subscription-digest",
            headers=mailing.unsubscribe_headers(unsubscribe),
        )
        mime = to_row(mail).mime
    return OutgoingMessage(
        kind="subscription-digest",
        confidential=True,
        from_email=digest.from_email,
        recipients=[email],
        subject=digest.subject,
        mime=mime,
        next_attempt_at=first_attempt_deadline(),
    )


def run(frequency: str, now: datetime | None = None, batch: int = BATCH) -> int:
    """Write the digests due for ``frequency``; return how many were written."""
    cutoff = (now or timezone.now()) - settle()
    due = Subscription.objects.filter(
        frequency=frequency,
        confirmed_at__isnull=False,
        sent_until__lte=cutoff - MIN_GAP[frequency],
    ).only("pk", "email", "language", "kinds", "terms", "sent_until", "key")
    oldest = due.order_by("sent_until").values_list("sent_until", flat=True).first()
    if oldest is None:
        return 0
    new = NewItems(max(oldest, cutoff - LOOKBACK), cutoff)
    found: dict[GroupKey, tuple[tuple[int, ...], int]] = {}
    rendered: dict[tuple[tuple[int, ...], int, str], Rendered] = {}
    written, last_pk = 0, 0
    while True:
        with transaction.atomic():
            subscriptions = list(
                due.filter(pk__gt=last_pk)
                .order_by("pk")
                .select_for_update(skip_locked=True)[:batch]
            )
            if not subscriptions:
                break
            last_pk = subscriptions[-1].pk
            rows = []
            for subscription in subscriptions:
                key = (
                    tuple(subscription.kinds),
                    tuple(subscription.terms),
                    subscription.sent_until,
                )
                if key not in found:
                    found[key] = new.matching(*key)
                ids, total = found[key]
                if not ids:
                    continue
                shape = (ids, total, subscription.language)
                if shape not in rendered:
                    rendered[shape] = render(new, ids, total, subscription.language)
                rows.append(personal(rendered[shape], subscription))
            OutgoingMessage.objects.bulk_create(rows, batch_size=500)
            Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(
                sent_until=cutoff
            )
            ids_written = [row.pk for row in rows]
            transaction.on_commit(lambda ids=ids_written: enqueue_batches(ids))
            written += len(rows)
    if written:
        logger.info("Wrote %s %s digests.", written, frequency)
    return written
