"""Words and phrases for the generator: what synthetic titles, summaries,
bodies and document texts are assembled from, one module per domain
(``topics``, ``places``, ``actors``, ``titles``, ``sentences``, ``documents``).

Plain data, no logic. Keyed by the slugs of the reference content (fields of
work, countries, meeting series), so a term the vocabulary does not know still
works: the generator falls back to the term's own name.
"""
