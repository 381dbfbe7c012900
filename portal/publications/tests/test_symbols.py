import pytest
from django.core.exceptions import ValidationError

from portal.publications.symbols import SymbolError, normalize, parse, validate_symbol


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
