"""Bad files from the people who upload them: a section's editor and a
records manager get the form's error for an image that is not an image and a
document whose type lies, never a 500 (the checks are portal/core/uploads.py;
portal/core/tests/test_uploads.py covers every route for a superuser)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def login(client, group_name):
    user = get_user_model().objects.create_user("uploader", "uploader@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)


@pytest.mark.parametrize("group_name", ["Mission to Serbia — editors", "Central reviewers"])
def test_an_image_that_is_not_an_image_gets_a_form_error(client, group_name):
    login(client, group_name)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Not an image",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("photo.jpg", b"<html>no picture</html>"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    multiple = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("photo.png", b"%PDF-1.4\n%%EOF\n")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert multiple.status_code == 200 and multiple.json()["success"] is False


@pytest.mark.parametrize("group_name", ["Records managers", "Mission to Serbia — editors"])
def test_a_document_whose_type_lies_gets_a_form_error(client, group_name):
    login(client, group_name)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Annual report (French)",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 an executable, not a PDF"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    chooser = client.post(
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": "Annual report (French)",
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
            "document-chooser-upload-file": SimpleUploadedFile("rapport.pdf", b"<?php ?>"),
        },
    )
    assert chooser.status_code == 200
    assert chooser.json()["step"] == "reshow_creation_form"
    assert not get_document_model().objects.filter(title="Annual report (French)").exists()
