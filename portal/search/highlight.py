"""Highlighted titles and snippets: the text is escaped first, then the words
matching the query are wrapped in ``<mark>``, so nothing from the content or
the query is ever rendered as HTML."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 240


def _stem(token):
    """A prefix standing for the word's inflections (policing, police...)."""
    token = token.lower()
    if len(token) <= 4 or not token.isalpha():
        return token
    return token[: max(4, len(token) - 2)]


def pattern_for(tokens: list[str]) -> re.Pattern | None:
    """A pattern matching the words that share a query word's stem-like prefix."""
    stems = sorted({_stem(t) for t in tokens if t}, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(re.escape(s) for s in stems)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _mark(text, pattern):
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def highlight(text: str, tokens: list[str]) -> SafeString:
    """``text`` escaped, with the query's words marked."""
    return mark_safe(_mark(text or "", pattern_for(tokens)))  # noqa: S308 (escaped above)


def snippet(texts: list[str], tokens: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """A passage of about ``length`` characters around the first match in the
    first of ``texts`` that has one (else the start of the first non-empty
    text), with the matches marked."""
    pattern = pattern_for(tokens)
    # Indexed text joins a field's parts with ", "; after a full stop that reads badly.
    texts = [re.sub(r"([.!?]),(?=\s)", r"\1", " ".join((t or "").split())) for t in texts]
    chosen, start = None, 0
    if pattern is not None:
        for text in texts:
            match = pattern.search(text)
            if match:
                chosen, start = text, match.start()
                break
    if chosen is None:
        chosen = next((t for t in texts if t), "")
    if not chosen:
        return mark_safe("")
    begin = max(0, start - length // 3)
    if begin:
        space = chosen.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(chosen), begin + length)
    if end < len(chosen):
        space = chosen.rfind(" ", begin, end)
        end = space if space > start else end
    passage = chosen[begin:end]
    html = _mark(passage, pattern)
    prefix = "… " if begin else ""
    suffix = " …" if end < len(chosen) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 (escaped in _mark)
