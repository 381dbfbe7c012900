from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "portal.taxonomy"
    label = "taxonomy"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portal.core.cache import bump_content_version

        from .models import Term

        # Facets keep the terms per content version (``registry.terms_by_id``).
        for signal in (post_save, post_delete):
            signal.connect(
                bump_content_version, sender=Term, dispatch_uid=f"taxonomy-term-{id(signal)}"
            )
