"""Document symbols of official documents: ``PC.DEC/1162``, ``MC.DEC/3/24``,
``SEC.GAL/116/19/Rev.1``, ``CIO.GAL/12/25/Corr.1``.

The organization's classification of its official documents, shared by the
documents library (``portal.publications``), listings and site search. A pure
parser: no models, no database.

Grammar (after removing white space; case-insensitive on input)::

    symbol  = body "." type "/" number [ "/" year ] { "/" suffix }
    body    = one of ISSUING_BODIES          e.g. PC, MC, FSC, SEC, CIO
    type    = one of DOCUMENT_TYPES          e.g. DEC, JOUR, GAL, DEL, DOC
    number  = 1-5 digits
    year    = 2 digits (73-99 -> 19xx, 00-72 -> 20xx) or 4 digits
    suffix  = ("Rev" | "Corr" | "Add") "." digits     at most one of each, kept in order

A symbol's *family* is its base document and every variant of it: revisions,
corrigenda and addenda, in any combination (``PC.DEC/1162/Corr.1``,
``FSC.DEC/5/24/Rev.1``, ``CIO.GAL/1/24/Rev.2/Corr.1``: the first corrigendum
to the second revision). ``Symbol.base`` names the family's base document,
``Symbol.corrects`` the document a variant amends (the symbol without its
last suffix) and ``Symbol.variant_label`` what the variant is, in words.
Language versions are not symbols: they are the files of one record.

``parse`` returns a ``Symbol`` or raises ``SymbolError`` saying what is wrong
(editors' input). For what visitors type in a search box, ``parse_typed`` also
reads spaces for the dot and the slashes (``pc dec 1162``) and returns
``None`` for anything that is not a symbol; ``typed_prefix`` reads the start
of a symbol being typed (``pc.dec/11``), for suggestions.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .years import MAX_YEAR, MIN_YEAR

ISSUING_BODIES = {
    "PC": gettext_lazy("Permanent Council"),
    "MC": gettext_lazy("Ministerial Council"),
    "FSC": gettext_lazy("Forum for Security Co-operation"),
    "SUM": gettext_lazy("Summit"),
    "SEC": gettext_lazy("Secretariat"),
    "CIO": gettext_lazy("Chairperson-in-Office"),
    "ODIHR": gettext_lazy("Office for Democratic Institutions and Human Rights"),
    "HCNM": gettext_lazy("High Commissioner on National Minorities"),
    "RFM": gettext_lazy("Representative on Freedom of the Media"),
    "PA": gettext_lazy("Parliamentary Assembly"),
    "EEF": gettext_lazy("Economic and Environmental Forum"),
    "JCG": gettext_lazy("Joint Consultative Group"),
    "OSCC": gettext_lazy("Open Skies Consultative Commission"),
}

DOCUMENT_TYPES = {
    "DEC": gettext_lazy("Decision"),
    "JOUR": gettext_lazy("Journal"),
    "GAL": gettext_lazy("General distribution"),
    "DEL": gettext_lazy("Delegation document"),
    "DOC": gettext_lazy("Document"),
    "INF": gettext_lazy("Information"),
    "DD": gettext_lazy("Delegation document (restricted)"),
    "SHDM": gettext_lazy("Supplementary Human Dimension Meeting"),
    "NGO": gettext_lazy("Non-governmental organization contribution"),
    "AIAM": gettext_lazy("Annual Implementation Assessment Meeting"),
    "ACMF": gettext_lazy("Advisory Committee on Management and Finance"),
    "FR": gettext_lazy("Field report"),
    "EMI": gettext_lazy("Emergency meeting"),
    "RPT": gettext_lazy("Report"),
    "ANN": gettext_lazy("Annex"),
}

SUFFIXES = {"rev": "Rev", "corr": "Corr", "add": "Add"}

# ASCII digits only: ``\d`` alone takes "٣", and str.isdigit() takes "²", which int() refuses.
_PART = re.compile(r"(?P<kind>[A-Za-z]+)\.?(?P<n>[0-9]+)")


class SymbolError(ValueError):
    """A symbol that cannot be parsed; the message says what is wrong."""


@dataclass(frozen=True)
class Symbol:
    body: str
    doc_type: str
    number: int
    year: int | None = None
    revision: int | None = None
    corrigendum: int | None = None
    addendum: int | None = None
    # The year as written (two or four digits), so that str() round-trips.
    year_text: str = ""
    # The suffixes in the order written: (("Rev", 2), ("Corr", 1)) is the first
    # corrigendum to the second revision, not the same as Corr.1/Rev.2.
    suffixes: tuple[tuple[str, int], ...] = ()

    def _suffixes(self):
        if self.suffixes:
            return self.suffixes
        pairs = (("Rev", self.revision), ("Corr", self.corrigendum), ("Add", self.addendum))
        return tuple((label, value) for label, value in pairs if value is not None)

    def _head(self):
        parts = [f"{self.body}.{self.doc_type}", str(self.number)]
        if self.year is not None:
            parts.append(self.year_text or str(self.year))
        return parts

    def __str__(self):
        return "/".join([*self._head(), *(f"{label}.{value}" for label, value in self._suffixes())])

    @property
    def base(self) -> str:
        """The family's base document: the symbol without any suffix."""
        return "/".join(self._head())

    @property
    def is_base(self) -> bool:
        return not self._suffixes()

    @property
    def corrects(self) -> str | None:
        """The document this variant amends (its symbol without the last
        suffix): ``PC.DEC/1162`` for ``PC.DEC/1162/Corr.1``, ``.../Rev.2`` for
        ``.../Rev.2/Corr.1``; ``None`` for a base document."""
        suffixes = self._suffixes()
        if not suffixes:
            return None
        return "/".join([*self._head(), *(f"{label}.{value}" for label, value in suffixes[:-1])])

    @property
    def variant_label(self) -> str:
        """What the document is within its family, in words: "Original",
        "Revision 1", "Corrigendum 1 to revision 2"."""
        suffixes = self._suffixes()
        if not suffixes:
            return _("Original")
        names = {
            "Rev": _("Revision %(n)s"),
            "Corr": _("Corrigendum %(n)s"),
            "Add": _("Addendum %(n)s"),
        }
        words = [names[label] % {"n": value} for label, value in reversed(suffixes)]
        label = words[0]
        for word in words[1:]:
            label = _("%(variant)s to %(document)s") % {
                "variant": label,
                # "to revision 2" in English; other languages keep their nouns' case.
                "document": word.lower() if get_language() in (None, "en") else word,
            }
        return label

    @property
    def variant_sort_key(self) -> tuple:
        """Orders a family: the base, then its variants as written."""
        order = {"Rev": 0, "Add": 1, "Corr": 2}
        return tuple((order[label], value) for label, value in self._suffixes())

    @property
    def body_name(self):
        return ISSUING_BODIES[self.body]

    @property
    def doc_type_name(self):
        return DOCUMENT_TYPES[self.doc_type]


def _digits(text):
    """Whether ``text`` is ASCII digits, the only ones a symbol has."""
    return text.isascii() and text.isdigit()


def _year(text):
    if len(text) == 2:
        value = int(text)
        return value + (1900 if value >= 73 else 2000)
    if len(text) == 4 and MIN_YEAR <= int(text) <= MAX_YEAR:
        return int(text)
    raise SymbolError(
        _("The year “%(year)s” must have two digits (e.g. 24) or four (e.g. 2024).")
        % {"year": text}
    )


def parse(text: str) -> Symbol:
    """Parse and normalize a symbol such as ``pc.dec / 1162``."""
    if not isinstance(text, str) or not text.strip():
        raise SymbolError(_("Enter a document symbol, such as PC.DEC/1162."))
    compact = re.sub(r"\s+", "", text)
    if len(compact) > 60:
        raise SymbolError(_("A document symbol has at most 60 characters."))
    head, _slash, rest = compact.partition("/")
    if "." not in head:
        raise SymbolError(
            _("“%(head)s” should be an issuing body and a document type, such as PC.DEC.")
            % {"head": head}
        )
    body, _dot, doc_type = head.partition(".")
    body, doc_type = body.upper(), doc_type.upper()
    if body not in ISSUING_BODIES:
        raise SymbolError(
            _("Unknown issuing body “%(body)s”; expected one of %(known)s.")
            % {"body": body, "known": ", ".join(ISSUING_BODIES.keys())}
        )
    if doc_type not in DOCUMENT_TYPES:
        raise SymbolError(
            _("Unknown document type “%(type)s”; expected one of %(known)s.")
            % {"type": doc_type, "known": ", ".join(DOCUMENT_TYPES.keys())}
        )
    parts = rest.split("/") if rest else []
    if not parts or not parts[0]:
        raise SymbolError(
            _("The symbol needs a number after the slash, as in %(example)s/1162.")
            % {"example": f"{body}.{doc_type}"}
        )
    if not _digits(parts[0]) or len(parts[0]) > 5:
        raise SymbolError(
            _("The document number “%(number)s” must be a whole number of up to five digits.")
            % {"number": parts[0]}
        )
    number = int(parts[0])
    year = None
    year_text = ""
    index = 1
    if index < len(parts) and _digits(parts[index]):
        year_text = parts[index]
        year = _year(year_text)
        index += 1
    found = {}
    order = []
    for part in parts[index:]:
        match = _PART.fullmatch(part)
        kind = match and SUFFIXES.get(match["kind"].lower())
        if not kind:
            raise SymbolError(
                _("“%(part)s” is not a revision, corrigendum or addendum (Rev.1, Corr.1, Add.1).")
                % {"part": part}
            )
        if kind in found:
            raise SymbolError(_("%(kind)s appears twice.") % {"kind": kind})
        if int(match["n"]) < 1 or len(match["n"]) > 3:
            raise SymbolError(
                _("“%(part)s” needs a number from 1 to 999 after %(kind)s.")
                % {"part": part, "kind": kind}
            )
        found[kind] = int(match["n"])
        order.append((kind, int(match["n"])))
    return Symbol(
        body=body,
        doc_type=doc_type,
        number=number,
        year=year,
        year_text=year_text,
        revision=found.get("Rev"),
        corrigendum=found.get("Corr"),
        addendum=found.get("Add"),
        suffixes=tuple(order),
    )


def normalize(text: str) -> str | None:
    """The canonical spelling of a symbol, or ``None`` when ``text`` is not one."""
    try:
        return str(parse(text))
    except SymbolError:
        return None


# A symbol as typed in a search box, with spaces where the dot or the slashes
# belong: "pc dec 1162", "PC.DEC 1162", "mc dec 4 22".
_TYPED = re.compile(r"\s*([A-Za-z]{2,5})\s*[.\s]\s*([A-Za-z]{2,5})\s*[/\s]\s*([0-9][\w./\s]*)")
# The beginning of a symbol being typed (white space removed): "PC.D", "pc.dec/11".
_PREFIX = re.compile(r"([A-Za-z]{2,5})\.([A-Za-z]{1,5})(/[\w./]*)?", re.ASCII)


def parse_typed(text: str) -> Symbol | None:
    """The symbol typed in a search box, read leniently: ``pc.dec/1162``,
    ``PC.DEC / 1162`` and ``pc dec 1162`` are ``PC.DEC/1162``. ``None`` when
    ``text`` is not a symbol (it is then searched as words)."""
    try:
        return parse(text)
    except SymbolError:
        pass
    match = _TYPED.fullmatch(text or "")
    if not match:
        return None
    body, doc_type, rest = match.groups()
    rest = re.sub(r"\s+", "/", rest.strip())
    try:
        return parse(f"{body}.{doc_type}/{rest}")
    except SymbolError:
        return None


def typed_prefix(text: str) -> str | None:
    """The canonical beginning of a symbol being typed, for matching the
    symbols that start with it: ``pc.dec/11`` -> ``PC.DEC/11``, ``sec. g`` ->
    ``SEC.G``; ``None`` when ``text`` does not start like a symbol (a body, a
    dot and the start of a document type)."""
    match = _PREFIX.fullmatch(re.sub(r"\s+", "", text or ""))
    if not match:
        return None
    return f"{match[1].upper()}.{match[2].upper()}{match[3] or ''}"


def validate_symbol(value: str) -> None:
    """Model-field validator: a clear message for a malformed symbol."""
    if not value:
        return
    try:
        parse(value)
    except SymbolError as exc:
        raise ValidationError(str(exc), code="invalid_symbol") from exc
