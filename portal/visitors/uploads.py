"""Files that visitors attach: checked by their content, limited in size
and number (docs/forms.md).

A file's extension must be one of ``VISITOR_UPLOAD_EXTENSIONS`` and its
content what the extension says: documents by ``core.uploads``' checks (the
admin's), images by their signature. A file that lies about its type, or is
larger than ``VISITOR_UPLOAD_MAX_BYTES``, is refused with a message naming it."""

import os

from django import forms
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal.core.uploads import CONTENT_CHECKS

SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def content_is(upload, extension: str) -> bool:
    upload.seek(0)
    try:
        if extension in SIGNATURES:
            head = upload.read(16)
            return any(head.startswith(signature) for signature in SIGNATURES[extension])
        check = CONTENT_CHECKS.get(extension)
        return bool(check and check(upload))
    finally:
        upload.seek(0)


def check_upload(upload) -> None:
    extension = extension_of(upload.name)
    allowed = settings.VISITOR_UPLOAD_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("%(name)s: files of this type cannot be sent. Accepted types: %(types)s.")
            % {"name": upload.name, "types": ", ".join(sorted(allowed))},
            code="file_type",
        )
    if upload.size > settings.VISITOR_UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("%(name)s is too large: files may be at most %(size)s.")
            % {"name": upload.name, "size": filesizeformat(settings.VISITOR_UPLOAD_MAX_BYTES)},
            code="file_size",
        )
    if not content_is(upload, extension):
        raise ValidationError(
            _("%(name)s is not a valid %(type)s file; check that it opens, then attach it again.")
            % {"name": upload.name, "type": extension.upper()},
            code="file_content",
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class CheckedFilesField(forms.FileField):
    """Zero or more files, each checked by ``check_upload``, at most
    ``VISITOR_UPLOAD_MAX_FILES``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(files) > settings.VISITOR_UPLOAD_MAX_FILES:
            raise ValidationError(
                _("Please attach at most %(count)s files.")
                % {"count": settings.VISITOR_UPLOAD_MAX_FILES},
                code="file_count",
            )
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        cleaned = [super(CheckedFilesField, self).clean(item, initial) for item in files]
        for upload in cleaned:
            check_upload(upload)
        return cleaned


class InMemoryUploadHandler(MemoryFileUploadHandler):
    """Django's memory handler, for every size: a visitor's file never lands
    in a temporary file on disk (a report of wrongdoing is encrypted before
    it touches any storage). The request's size is bounded by the reverse
    proxy (``client_max_body_size``) and by ``VISITOR_REQUEST_MAX_BYTES``
    here: a larger body is refused before it is read."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.VISITOR_REQUEST_MAX_BYTES:
            raise RequestDataTooBig("The request is larger than VISITOR_REQUEST_MAX_BYTES.")
        self.activated = True
