"""Malformed posts to every visitor form: no 5xx, and every refusal (4xx)
says what is wrong in a sentence. Hypothesis draws the fields with a fixed
seed (``FUZZ_EXAMPLES`` per form, 25 by default)."""

import os
import re

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from portal.confidential import crypto
from portal.visitors import tokens

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
PUBLIC, _PRIVATE = crypto.new_key_pair()

FORMS = {
    "/en/feedback/": ["topic", "message", "name", "email", "website"],
    "/en/report-wrongdoing/": ["report", "contact", "website"],
    "/en/report-wrongdoing/case/": ["number", "passphrase", "message"],
}
hostile = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.just("x" * 50_000),
    st.just("\x00"),
    st.integers().map(str),
)
MESSAGE = re.compile(r'<p class="(?:lead|form-field__error)"|role="alert"')


@pytest.mark.parametrize("url", FORMS)
@override_settings(VISITOR_RATE_LIMITS_ENABLED=False, CONFIDENTIAL_REPORTS_PUBLIC_KEY=PUBLIC)
def test_malformed_posts_are_refused_with_a_message_never_a_5xx(url):
    client = Client()
    page = client.get(url)
    token = re.search(rf'name="{tokens.FIELD}" value="([^"]+)"', page.content.decode()).group(1)

    @seed(20261205)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        values=st.fixed_dictionaries({}, optional=dict.fromkeys(FORMS[url], hostile)),
        with_token=st.sampled_from(["good", "bad", "none"]),
    )
    def post(values, with_token):
        cache.clear()
        data = dict(values)
        if with_token == "good":
            data[tokens.FIELD] = token
        elif with_token == "bad":
            data[tokens.FIELD] = "forged:" + token[:10]
        response = client.post(url, data)
        assert response.status_code < 500, (values, response.status_code)
        if 400 <= response.status_code < 500 and with_token != "none":
            assert MESSAGE.search(response.content.decode()), (values, response.status_code)

    post()
