"""Sessions in the database, keys checked (see ``portal.core.sessions``)."""

from django.contrib.sessions.backends import db

from . import CheckedKeyMixin


class SessionStore(CheckedKeyMixin, db.SessionStore):
    pass
