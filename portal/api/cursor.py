"""The opaque cursor of a list: where the next page starts in keyset order.

A cursor is the (sort moment, item id) of the last item of a page, written as
``v1.<microseconds>.<id>`` and base64url-encoded. Clients pass it back
unchanged; anything that does not decode to exactly that is refused (400),
never read as a number that would overflow or reach the database."""

import base64
import binascii
import datetime
import re

from django.utils.translation import gettext as _

from .errors import BadRequest

PATTERN = re.compile(r"^v1\.(-?[0-9]{1,18})\.([0-9]{1,18})$")
MAX_CURSOR = 80
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def encode(moment: datetime.datetime, item_id: int) -> str:
    micros = (moment - EPOCH) // datetime.timedelta(microseconds=1)
    raw = f"v1.{micros}.{item_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime.datetime, int]:
    """(sort moment, item id) of a cursor; ``BadRequest`` for anything else."""
    error = BadRequest("cursor", _("This cursor is not one this API gave; start again without it."))
    if not cursor or len(cursor) > MAX_CURSOR or not cursor.isascii():
        raise error
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise error from None
    match = PATTERN.match(raw)
    if not match:
        raise error
    micros, item_id = int(match.group(1)), int(match.group(2))
    try:
        moment = EPOCH + datetime.timedelta(microseconds=micros)
    except OverflowError:
        raise error from None
    return moment, item_id
