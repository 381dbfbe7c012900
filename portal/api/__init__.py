"""The public read-only API, ``/api/v1/`` (docs/api.md).

Built on django-ninja, the foundation of Wagtail 8's API v3, with Wagtail's
own read-schema generator for each page type's ``api_fields``. It reads every
area through the two registries: one list and one detail endpoint per listed
kind (``portal.listings.kinds``), one filter per tag kind
(``portal.taxonomy.registry``), so a new kind appears here with no change.

- ``app.py``: the ``NinjaAPI`` and its errors; ``urls.py``: the URL patterns,
  each view wrapped by ``http.py`` (CORS, rate limit, validators, cache policy);
- ``schemas.py``: the shapes every answer shares; ``types.py``: one schema per
  listed kind from its ``api_fields``;
- ``params.py`` and ``cursor.py``: the query string, validated (400 on anything
  bad), and the opaque keyset cursor;
- ``items.py``: lists read from the listing index in keyset order, items in the
  asked language or marked as English fallbacks; ``terms.py``: structures as a
  tree, countries; ``search.py``: site search.
"""
