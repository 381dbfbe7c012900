import pytest
from django.core.exceptions import ValidationError

from portal.taxonomy.symbols import (
    SymbolError,
    normalize,
    parse,
    parse_typed,
    typed_prefix,
    validate_symbol,
)


@pytest.mark.parametrize(
    "text,body,doc_type,number,year,rev,corr,add,canonical",
    [
        ("PC.DEC/1162", "PC", "DEC", 1162, None, None, None, None, "PC.DEC/1162"),
        ("MC.DEC/3/24", "MC", "DEC", 3, 2024, None, None, None, "MC.DEC/3/24"),
        ("PC.JOUR/1296", "PC", "JOUR", 1296, None, None, None, None, "PC.JOUR/1296"),
        ("SEC.GAL/116/19/Rev.1", "SEC", "GAL", 116, 2019, 1, None, None, "SEC.GAL/116/19/Rev.1"),
        ("CIO.GAL/12/25/Corr.1", "CIO", "GAL", 12, 2025, None, 1, None, "CIO.GAL/12/25/Corr.1"),
        ("FSC.DEC/2/99/Add.3", "FSC", "DEC", 2, 1999, None, None, 3, "FSC.DEC/2/99/Add.3"),
        ("pc.dec/1162", "PC", "DEC", 1162, None, None, None, None, "PC.DEC/1162"),
        (" PC.DEC / 1162 ", "PC", "DEC", 1162, None, None, None, None, "PC.DEC/1162"),
        ("sec.gal/116/19/rev.1", "SEC", "GAL", 116, 2019, 1, None, None, "SEC.GAL/116/19/Rev.1"),
        ("MC.DOC/1/2024", "MC", "DOC", 1, 2024, None, None, None, "MC.DOC/1/2024"),
        (
            "SEC.GAL/5/20/Rev.2/Corr.1",
            "SEC",
            "GAL",
            5,
            2020,
            2,
            1,
            None,
            "SEC.GAL/5/20/Rev.2/Corr.1",
        ),
    ],
)
def test_valid_symbols(text, body, doc_type, number, year, rev, corr, add, canonical):
    symbol = parse(text)
    assert (symbol.body, symbol.doc_type, symbol.number, symbol.year) == (
        body,
        doc_type,
        number,
        year,
    )
    assert (symbol.revision, symbol.corrigendum, symbol.addendum) == (rev, corr, add)
    assert str(symbol) == canonical
    assert normalize(text) == canonical


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "Enter a document symbol"),
        ("PCDEC/1162", "issuing body and a document type"),
        ("XX.DEC/1", "Unknown issuing body “XX”"),
        ("PC.FOO/1", "Unknown document type “FOO”"),
        ("PC.DEC", "needs a number"),
        ("PC.DEC/", "needs a number"),
        ("PC.DEC/abc", "document number “abc”"),
        ("PC.DEC/123456", "up to five digits"),
        ("MC.DEC/3/245", "two digits"),
        ("SEC.GAL/116/19/Rev", "“Rev” is not a revision"),
        ("SEC.GAL/116/19/Version.1", "not a revision"),
        ("SEC.GAL/116/19/Rev.1/Rev.2", "Rev appears twice"),
        ("PC.DEC/1/" + "1" * 80, "at most 60 characters"),
    ],
)
def test_malformed_symbols_say_what_is_wrong(text, message):
    with pytest.raises(SymbolError, match=message):
        parse(text)
    assert normalize(text) is None


def test_validator_raises_validation_error():
    validate_symbol("PC.DEC/1162")
    validate_symbol("")
    with pytest.raises(ValidationError) as excinfo:
        validate_symbol("XX.DEC/1")
    assert "Unknown issuing body" in excinfo.value.messages[0]


@pytest.mark.parametrize(
    "typed,canonical",
    [
        ("PC.DEC/1162", "PC.DEC/1162"),
        ("pc.dec/1162", "PC.DEC/1162"),
        ("PC.DEC / 1162", "PC.DEC/1162"),
        (" pc . dec /1162 ", "PC.DEC/1162"),
        ("pc dec 1162", "PC.DEC/1162"),
        ("PC.DEC 1162", "PC.DEC/1162"),
        ("mc dec 4 22", "MC.DEC/4/22"),
        ("MC.DEC/4/22/Corr.1", "MC.DEC/4/22/Corr.1"),
        ("mc dec 4 22 corr.1", "MC.DEC/4/22/Corr.1"),
        ("sec gal/116/19/rev.1", "SEC.GAL/116/19/Rev.1"),
    ],
)
def test_a_symbol_typed_in_a_search_box(typed, canonical):
    assert str(parse_typed(typed)) == canonical


@pytest.mark.parametrize(
    "typed",
    ["", "policing", "pc dec", "PC.DEC/9999999", "xx dec 1", "pc foo 1", "pc.dec/", "pc dec 1 2 3"],
)
def test_what_is_not_a_symbol_is_none(typed):
    assert parse_typed(typed) is None


@pytest.mark.parametrize(
    "typed,prefix",
    [
        ("pc.dec/11", "PC.DEC/11"),
        ("PC.D", "PC.D"),
        ("sec. gal / 116", "SEC.GAL/116"),
        ("pc", None),
        ("pc dec", None),
        ("policing", None),
        ("", None),
    ],
)
def test_the_start_of_a_symbol_being_typed(typed, prefix):
    assert typed_prefix(typed) == prefix


@pytest.mark.parametrize("language", ["fr", "de", "it", "ru", "es"])
def test_bodies_and_document_types_are_translated(language):
    """Their names are in every language's catalogue (a name written with a
    gettext alias that makemessages does not know would never be)."""
    from django.utils import translation
    from django.utils.translation import trans_real

    from portal.taxonomy.symbols import DOCUMENT_TYPES, ISSUING_BODIES

    catalog = trans_real.translation(language)._catalog
    with translation.override("en"):
        names = [str(name) for name in (*ISSUING_BODIES.values(), *DOCUMENT_TYPES.values())]
    missing = [name for name in names if name not in catalog]
    assert not missing
    with translation.override(language):
        assert str(ISSUING_BODIES["PC"]) != "Permanent Council"
