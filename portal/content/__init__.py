"""Content: what fills the site from outside the admin.

- ``reference/``: the reference content loader and the schema of its YAML
  files (``content/reference/``), behind ``manage.py load_reference_content``.
- ``generator/``: the synthetic-content generator and its vocabulary, behind
  ``manage.py generate_content`` (deterministic content at scale for
  benchmarks and load tests).
- ``management/commands/``: those two commands and ``create_local_admin``.

This app is the top layer of the project: it may import any other app, and no
other app imports it (tests aside). It has no models.
"""
