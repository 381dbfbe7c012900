"""Plain text from document files, for search.

PDF through pypdf, Word (.docx) through python-docx, plain text as is. Any
other format, or a file that cannot be read, gives an empty string: a broken
upload must never stop an editor from publishing."""

import io
import logging
from pathlib import PurePath

import docx
from pypdf import PdfReader

logger = logging.getLogger(__name__)

# Enough for full-text search of long reports; keeps index rows bounded.
MAX_CHARS = 500_000


def _pdf(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx(data):
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.extend(cell.text for cell in row.cells)
    return "\n".join(paragraphs)


def _txt(data):
    return data.decode("utf-8", errors="replace")


READERS = {".pdf": _pdf, ".docx": _docx, ".txt": _txt}


def extract_text(data, filename):
    """Text of a file's bytes, by the file name's extension; "" if unreadable."""
    reader = READERS.get(PurePath(filename).suffix.lower())
    if reader is None:
        return ""
    try:
        text = reader(data)
    except Exception:  # noqa: BLE001 - any parser failure means "no text", logged
        logger.warning("Could not extract text from %s", filename, exc_info=True)
        return ""
    text = " ".join(text.replace("\x00", " ").split())
    return text[:MAX_CHARS]
