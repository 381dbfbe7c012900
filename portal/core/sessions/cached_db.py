"""Sessions in the shared cache and the database, keys checked (see
``portal.core.sessions``)."""

from django.contrib.sessions.backends import cached_db

from . import CheckedKeyMixin


class SessionStore(CheckedKeyMixin, cached_db.SessionStore):
    pass
