"""Files uploaded in the admin are checked by their content, not their name.

Wagtail already refuses an image that Willow cannot identify, or whose format
does not match its extension; but a file that starts like an image and is
cut short (or otherwise corrupt) passes the header check and fails later,
while the admin makes its thumbnail: a 500. ``CheckedImageForm`` decodes the
whole image once and answers with the form's error.

Documents have no such check in Wagtail: a ``.pdf`` may hold anything. Our
pages read PDFs' text for search and show their size and type, so
``CheckedDocumentForm`` refuses a file whose content is not what its
extension says: a PDF must open with pypdf, an Office Open XML file
(``.docx``, ``.xlsx``, ``.pptx``) and an OpenDocument file (``.odt``) must be
a zip archive of that kind, an RTF file must start like one, and text files
(``.csv``, ``.txt``) must be UTF-8 text. Sizes are limited by
``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and ``WAGTAILDOCS_MAX_UPLOAD_SIZE``, the
extensions by ``WAGTAILIMAGES_EXTENSIONS`` and ``WAGTAILDOCS_EXTENSIONS``.

Settings name these forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
``WAGTAILDOCS_DOCUMENT_FORM_BASE``); Wagtail builds its add, edit and
multiple-upload forms on them."""

import os
import zipfile
from collections.abc import Callable
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, which also decodes the whole image: a cut or
    corrupt file is an invalid image, whatever its header says."""

    def to_python(self, data):
        try:
            checked = super().to_python(data)
            if checked is not None:
                checked.image.get_pillow_image().load()
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a bad file.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        finally:
            if hasattr(data, "seek"):
                data.seek(0)
        return checked


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form with ``CheckedImageField``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            old = self.fields["file"]
            field = CheckedImageField(label=old.label, required=old.required)
            field.widget = old.widget
            self.fields["file"] = field


def _is_pdf(f: IO[bytes]) -> bool:
    if f.read(5) != b"%PDF-":
        return False
    f.seek(0)
    try:
        PdfReader(f, strict=False).pages[0]  # the page tree can be read
    except (PyPdfError, ValueError, KeyError, IndexError, TypeError, OSError, RecursionError):
        return False
    return True


def _zip_holding(name: str) -> Callable[[IO[bytes]], bool]:
    def check(f: IO[bytes]) -> bool:
        if not zipfile.is_zipfile(f):
            return False
        f.seek(0)
        try:
            with zipfile.ZipFile(f) as archive:
                return name in archive.namelist()
        except zipfile.BadZipFile:
            return False

    return check


def _is_rtf(f: IO[bytes]) -> bool:
    return f.read(5) == b"{\\rtf"


def _is_text(f: IO[bytes]) -> bool:
    data = f.read()
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


CONTENT_CHECKS = {
    "pdf": _is_pdf,
    "docx": _zip_holding("[Content_Types].xml"),
    "xlsx": _zip_holding("[Content_Types].xml"),
    "pptx": _zip_holding("[Content_Types].xml"),
    "odt": _zip_holding("mimetype"),
    "rtf": _is_rtf,
    "csv": _is_text,
    "txt": _is_text,
}


def content_matches(upload: File) -> bool:
    """Whether ``upload``'s content is what its extension says (``True``
    for an extension without a check)."""
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    check = CONTENT_CHECKS.get(extension)
    if check is None:
        return True
    upload.seek(0)
    try:
        return check(upload)
    finally:
        upload.seek(0)


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content is not what
    its extension says."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data and not content_matches(upload):
            extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
            raise ValidationError(
                _(
                    "This file is not a valid %(format)s file; check that it opens, then upload it again."
                )
                % {"format": extension.upper()},
                code="invalid_document_content",
            )
        return upload
