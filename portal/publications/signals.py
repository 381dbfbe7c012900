"""Text extraction follows replaced documents."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from .models import PublicationFile


def document_saved(sender, instance, update_fields=None, **kwargs):
    """A replaced file gets its text extracted again, for every publication
    file that uses it."""
    for item in PublicationFile.objects.filter(document=instance).select_related("document"):
        before = item.text_source_hash
        item.document = instance
        item.refresh_text()
        if item.text_source_hash != before:
            PublicationFile.objects.filter(pk=item.pk).update(
                text=item.text, text_source_hash=item.text_source_hash
            )


def connect():
    post_save.connect(
        document_saved, sender=get_document_model(), dispatch_uid="publications-document-saved"
    )
