"""The reference content: ``content/reference/*.yaml`` loaded through the
page models by ``manage.py load_reference_content``.

- ``schema``: the shape of each file (pydantic models).
- ``reading``: reading and validating the files; ``ReferenceContentError``.
- ``loader``: ``Loader``, the entry point, and what every section shares.
- ``pages``, ``taxonomy``, ``structures``, ``dated``, ``navigation``,
  ``translations``: one module per YAML section.
- ``streamdata``: StreamField raw data and the comparison that decides
  whether a page changed.
"""
