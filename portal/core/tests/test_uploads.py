"""Uploads are checked by their content: an image must be an image, a PDF a
PDF; a file that is not what its name says gets the form's error, never a 500."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def png_bytes():
    out = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


NOT_IMAGES = {
    "text as jpg": ("notes.jpg", b"just some text, no picture\n" * 10),
    "text as png": ("notes.png", b"just some text\n"),
    "truncated png": ("cut.png", png_bytes()[:40]),
    "empty png": ("empty.png", b""),
    "html as gif": ("page.gif", b"<html><script>alert(1)</script></html>"),
    "pdf as webp": ("doc.webp", b"%PDF-1.4\n%%EOF\n"),
}


@pytest.mark.parametrize(("name", "content"), NOT_IMAGES.values(), ids=NOT_IMAGES.keys())
def test_image_add_refuses_what_is_no_image(admin_client, name, content):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Not an image",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


@pytest.mark.parametrize(("name", "content"), NOT_IMAGES.values(), ids=NOT_IMAGES.keys())
def test_multiple_image_upload_refuses_what_is_no_image(admin_client, name, content):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert data["error_message"]


def test_a_real_image_is_accepted(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Red square",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("red.png", png_bytes()),
        },
    )
    assert response.status_code == 302


def pdf_bytes():
    from pypdf import PdfWriter

    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    writer.write(out)
    return out.getvalue()


def docx_bytes():
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


NOT_DOCUMENTS = {
    "text as pdf": ("report.pdf", b"not a pdf at all"),
    "pdf header only": ("report.pdf", b"%PDF-1.7\ngarbage"),
    "html as pdf": ("report.pdf", b"<html><script>alert(1)</script></html>"),
    "text as docx": ("letter.docx", b"plain text"),
    "pdf as docx": ("letter.docx", pdf_bytes()),
    "binary as csv": ("data.csv", b"\xff\xfe\x00\x01binary"),
    "text as rtf": ("memo.rtf", b"hello"),
}


def add_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "A document",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


@pytest.mark.parametrize(("name", "content"), NOT_DOCUMENTS.values(), ids=NOT_DOCUMENTS.keys())
def test_document_add_refuses_content_unlike_its_extension(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 200
    assert "is not a valid" in str(response.context["form"].errors["file"])


@pytest.mark.parametrize(("name", "content"), NOT_DOCUMENTS.values(), ids=NOT_DOCUMENTS.keys())
def test_multiple_document_upload_refuses_content_unlike_its_extension(admin_client, name, content):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json()["success"] is False


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", pdf_bytes()), ("letter.docx", docx_bytes()), ("data.csv", b"a,b\n1,2\n")],
)
def test_real_documents_are_accepted(admin_client, name, content):
    assert add_document(admin_client, name, content).status_code == 302


def test_other_extensions_are_refused(admin_client):
    response = add_document(admin_client, "run.exe", b"MZ\x90\x00")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
