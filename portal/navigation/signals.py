from django.db.models.signals import post_delete, post_save

from portal.core.cache import bump_content_version
from portal.countries.models import Chairpersonship

from .models import NavigationMenu


def connect():
    """Menus are cached under the content version (bumped on page changes by
    portal.core.signals); saving a menu or a Chairpersonship bumps it too."""
    for sender in (NavigationMenu, Chairpersonship):
        for signal in (post_save, post_delete):
            signal.connect(
                bump_content_version,
                sender=sender,
                dispatch_uid=f"content-version-{sender.__name__}-{id(signal)}",
            )
