"""Session engines that treat a bad session cookie as no session.

Django's database engines send any cookie value of eight characters or more
to the database as the key; on PostgreSQL a NUL byte in it raises
``ValueError`` deep in the driver, on every page. Here a key is only looked
up when it has the form Django gives keys (32 lower-case letters and digits),
and a database error while loading a session is logged and read as an empty
session: the visitor gets a page (and a new session when one is needed), not
a 500. ``SESSION_ENGINE`` names ``portal.core.sessions.db``, or
``portal.core.sessions.cached_db`` when a shared cache is configured."""

import logging
import re
from typing import Any

from django.db import DatabaseError

logger = logging.getLogger(__name__)

# django.contrib.sessions.backends.base.VALID_KEY_CHARS, 32 of them.
SESSION_KEY = re.compile(r"[a-z0-9]{32}")


class CheckedKeyMixin:
    """Before a Django session store: key format checked, load errors read
    as no session."""

    def _validate_session_key(self, key: str | None) -> bool:
        return isinstance(key, str) and SESSION_KEY.fullmatch(key) is not None

    def load(self) -> dict[str, Any]:
        try:
            return super().load()
        except DatabaseError:
            logger.exception("The session could not be loaded; answering without it.")
            self._session_key = None
            return {}
