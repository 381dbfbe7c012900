"""Every other route by which the admin takes a file: the image and document
choosers' upload forms (inside the page editor), replacing the file of an
existing image or document, and an image whose extension lies about its
format. Each answers a bad file with a form error, never a 500, and stores
nothing."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from .test_uploads import NOT_DOCUMENTS, NOT_IMAGES, pdf_bytes

pytestmark = pytest.mark.django_db


def image_bytes(fmt: str) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (8, 8), "navy").save(out, fmt)
    return out.getvalue()


LYING_IMAGES = {
    "png named gif": ("photo.gif", image_bytes("PNG")),
    "jpeg named png": ("photo.png", image_bytes("JPEG")),
    "gif named webp": ("photo.webp", image_bytes("GIF")),
}
BAD_IMAGES = {**NOT_IMAGES, **LYING_IMAGES}


def root() -> int:
    return Collection.get_first_root_node().pk


@pytest.mark.parametrize(("name", "content"), LYING_IMAGES.values(), ids=LYING_IMAGES.keys())
def test_image_add_refuses_an_extension_that_lies(admin_client, name, content):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Lies", "collection": root(), "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


@pytest.mark.parametrize(("name", "content"), BAD_IMAGES.values(), ids=BAD_IMAGES.keys())
def test_the_image_choosers_upload_refuses_a_bad_file(admin_client, name, content):
    before = Image.objects.count()
    response = admin_client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "From the page editor",
            "image-chooser-upload-collection": root(),
            "image-chooser-upload-file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert "error" in response.json()["htmlFragment"]
    assert Image.objects.count() == before


def test_the_image_choosers_upload_takes_a_real_image(admin_client):
    response = admin_client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Navy square",
            "image-chooser-upload-collection": root(),
            "image-chooser-upload-file": SimpleUploadedFile("navy.png", image_bytes("PNG")),
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] != "reshow_creation_form"
    assert Image.objects.filter(title="Navy square").exists()


@pytest.mark.parametrize(("name", "content"), BAD_IMAGES.values(), ids=BAD_IMAGES.keys())
def test_replacing_an_images_file_refuses_a_bad_file(admin_client, name, content):
    image = Image.objects.create(
        title="Navy", file=ImageFile(io.BytesIO(image_bytes("PNG")), name="navy.png")
    )
    response = admin_client.post(
        f"/admin/images/{image.pk}/",
        {"title": "Navy", "collection": root(), "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    image.refresh_from_db()
    assert image.file.name.endswith(".png")


@pytest.mark.parametrize(("name", "content"), NOT_DOCUMENTS.values(), ids=NOT_DOCUMENTS.keys())
def test_the_document_choosers_upload_refuses_a_bad_file(admin_client, name, content):
    before = Document.objects.count()
    response = admin_client.post(
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": "From the page editor",
            "document-chooser-upload-collection": root(),
            "document-chooser-upload-file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert "is not a valid" in response.json()["htmlFragment"]
    assert Document.objects.count() == before


def test_the_document_choosers_upload_takes_a_real_pdf(admin_client):
    response = admin_client.post(
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": "Annual report",
            "document-chooser-upload-collection": root(),
            "document-chooser-upload-file": SimpleUploadedFile("annual.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] != "reshow_creation_form"
    assert Document.objects.filter(title="Annual report").exists()


@pytest.mark.parametrize(("name", "content"), NOT_DOCUMENTS.values(), ids=NOT_DOCUMENTS.keys())
def test_replacing_a_documents_file_refuses_a_bad_file(admin_client, name, content):
    document = Document.objects.create(
        title="Report", file=SimpleUploadedFile("report.pdf", pdf_bytes())
    )
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Report", "collection": root(), "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert "is not a valid" in str(response.context["form"].errors["file"])
    document.refresh_from_db()
    assert document.file.name.endswith(".pdf")
