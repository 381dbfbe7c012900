"""The sample files behind generated documents: one small, real PDF per
language in the media storage, shared by every generated document of that
language, written once and removed with the last of them."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage

from .errors import GeneratorError
from .vocabulary import documents

SAMPLE_DIRECTORY = "documents/generated"


@dataclass(frozen=True)
class SampleFile:
    language: str
    name: str  # storage name, as stored in Document.file
    size: int
    sha1: str


def sample_pdf(language: str) -> bytes:
    """A small, valid one-page PDF naming its language (deterministic bytes)."""
    name = documents.LANGUAGE_NAMES.get(language, language)
    lines = [
        f"OSCE sample document - {name} version ({language})",
        "Synthetic content generated for benchmarks and load tests.",
    ]
    text = " ".join(
        f"({line.replace(chr(92), '').replace('(', '').replace(')', '')}) Tj 0 -22 Td"
        for line in lines
    )
    stream = f"BT /F1 14 Tf 72 770 Td {text} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def sample_names() -> list[str]:
    """The storage names of the sample files, one per language."""
    return [f"{SAMPLE_DIRECTORY}/sample-{code}.pdf" for code, _name in settings.LANGUAGES]


def ensure_sample_files(storage: Storage | None = None) -> dict[str, SampleFile]:
    """One real file per language in the media storage, shared by every
    generated document; written once, rewritten only if it differs."""
    storage = storage or default_storage
    samples = {}
    for (code, _name), name in zip(settings.LANGUAGES, sample_names(), strict=True):
        data = sample_pdf(code)
        if storage.exists(name):
            with storage.open(name, "rb") as handle:
                if handle.read() == data:
                    samples[code] = SampleFile(code, name, len(data), _sha1(data))
                    continue
            storage.delete(name)
        saved = storage.save(name, ContentFile(data))
        if saved != name:
            raise GeneratorError(f"Could not write the sample file {name} (got {saved}).")
        samples[code] = SampleFile(code, name, len(data), _sha1(data))
    return samples


def remove_sample_files(storage: Storage | None = None) -> None:
    storage = storage or default_storage
    for name in sample_names():
        if storage.exists(name):
            storage.delete(name)


def _sha1(data):
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()
