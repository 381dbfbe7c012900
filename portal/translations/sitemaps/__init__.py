"""The sitemap: ``/sitemap.xml`` is an index of sections, one per language
and page type (``/sitemaps/fr-news.xml``), each listing the live public pages
of that kind with their translations as ``xhtml:link`` alternates.

``sections`` says what the sections are and builds one (Django's sitemaps
framework, through Wagtail's ``Sitemap``); ``views`` serves them, cached with
the content version and answering conditional requests."""
