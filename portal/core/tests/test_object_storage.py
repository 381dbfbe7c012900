"""Media on S3-compatible object storage (docs/operations.md, "Media"), against
a real S3 server started by the test (moto in server mode): uploads land in the
bucket; a document is served by Wagtail's view as a redirect to a signed
address that expires; image renditions have public, unsigned addresses; a
restricted document never redirects an anonymous visitor to the bucket."""

import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages as django_storages
from django.test import override_settings
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition
from wagtail.models import Collection, CollectionViewRestriction

from portal.core.tests.servers import s3_server

pytestmark = pytest.mark.django_db

BUCKET = "portal-media"
PUBLIC_RENDITIONS = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/renditions/*",
        }
    ],
}
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    with s3_server(BUCKET) as (endpoint, client):
        # The bucket policy of docs/operations.md: renditions are public, the rest private.
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_RENDITIONS))
        yield endpoint, client


@pytest.fixture
def s3(s3_endpoint, monkeypatch):
    endpoint, client = s3_endpoint
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    common = {
        "bucket_name": BUCKET,
        "endpoint_url": endpoint,
        "region_name": "us-east-1",
        "signature_version": "s3v4",
    }
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "querystring_auth": True, "querystring_expire": 300},
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "location": "renditions", "querystring_auth": False},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages,
        WAGTAILIMAGES_RENDITION_STORAGE="renditions",
        WAGTAILDOCS_SERVE_METHOD="redirect",
    ):
        # Wagtail reads the renditions' storage once, when its models load; the
        # last test shows that it reads ours from the environment at start-up.
        monkeypatch.setattr(
            Rendition._meta.get_field("file"), "storage", django_storages["renditions"]
        )
        yield client


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def png() -> bytes:
    out = io.BytesIO()
    PillowImage.new("RGB", (400, 300), (0, 58, 112)).save(out, "PNG")
    return out.getvalue()


def test_a_document_lands_in_the_bucket_and_is_served_by_a_signed_redirect(client, s3):
    body = b"%PDF-1.4\n% a decision of the Permanent Council\n%%EOF\n"
    document = Document.objects.create(
        title="PC.DEC/1", file=ContentFile(body, name="pc-dec-1.pdf")
    )
    assert document.file.name in keys(s3)

    response = client.get(document.url)
    assert response.status_code == 302
    signed = response["Location"]
    query = parse_qs(urlsplit(signed).query)
    assert "X-Amz-Signature" in query and query["X-Amz-Expires"] == ["300"]
    assert fetch(signed) == body


def test_renditions_have_public_addresses(s3):
    image = Image.objects.create(title="Map", file=ImageFile(io.BytesIO(png()), name="map.png"))
    assert image.file.name in keys(s3)
    rendition = image.get_rendition("fill-120x80")
    assert f"renditions/{rendition.file.name}" in keys(s3)
    assert not urlsplit(rendition.url).query  # no signature to expire in a cached page
    data = fetch(rendition.url)
    assert PillowImage.open(io.BytesIO(data)).size == (120, 80)
    # The original is private: its address without a signature is refused.
    unsigned = urlsplit(image.file.url)._replace(query="").geturl()
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(unsigned)
    assert refused.value.code == 403


def test_a_restricted_document_is_not_handed_out(client, s3):
    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Internal note",
        collection=private,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="internal.pdf"),
    )
    response = client.get(document.url)
    assert response.status_code in (302, 403)
    assert BUCKET not in response.get("Location", "")
    assert "X-Amz-Signature" not in response.get("Location", "")


def test_the_settings_build_s3_storages_from_the_environment():
    """portal.settings.base reads MEDIA_STORAGE=s3 and its variables."""
    code = (
        "from django.conf import settings as s;"
        "from wagtail.images.models import Rendition;"
        "print(s.STORAGES['default']['BACKEND'], Rendition._meta.get_field('file').storage.location,"
        " s.WAGTAILDOCS_SERVE_METHOD, s.MEDIA_URL, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "MEDIA_STORAGE": "s3",
        "S3_BUCKET": "media",
        "S3_PUBLIC_DOMAIN": "media.example.org",
    }

    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    ).stdout
    assert out.split()[:4] == [
        "storages.backends.s3.S3Storage",
        "renditions",
        "redirect",
        "https://media.example.org/",
    ]
    assert "https://media.example.org" in out
