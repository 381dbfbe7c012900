"""Families of document symbols: a base document and its revisions,
corrigenda and addenda, read from real symbol shapes."""

import pytest
from django.utils import translation

from portal.taxonomy.symbols import SymbolError, parse


@pytest.mark.parametrize(
    "text,base,corrects,label",
    [
        ("PC.DEC/1162", "PC.DEC/1162", None, "Original"),
        ("PC.DEC/1162/Corr.1", "PC.DEC/1162", "PC.DEC/1162", "Corrigendum 1"),
        ("PC.DEC/1162/Rev.1", "PC.DEC/1162", "PC.DEC/1162", "Revision 1"),
        ("PC.DEC/1162/Add.1", "PC.DEC/1162", "PC.DEC/1162", "Addendum 1"),
        ("MC.DEC/4/23", "MC.DEC/4/23", None, "Original"),
        ("PC.JOUR/1450", "PC.JOUR/1450", None, "Original"),
        ("PC.DEL/123/24", "PC.DEL/123/24", None, "Original"),
        ("FSC.DEC/5/24/Rev.1", "FSC.DEC/5/24", "FSC.DEC/5/24", "Revision 1"),
        ("SEC.GAL/12/24/Add.1", "SEC.GAL/12/24", "SEC.GAL/12/24", "Addendum 1"),
        (
            "CIO.GAL/1/24/Rev.2/Corr.1",
            "CIO.GAL/1/24",
            "CIO.GAL/1/24/Rev.2",
            "Corrigendum 1 to revision 2",
        ),
        (
            "PC.DEC/1162/Rev.1/Corr.1",
            "PC.DEC/1162",
            "PC.DEC/1162/Rev.1",
            "Corrigendum 1 to revision 1",
        ),
        (
            "SEC.GAL/12/24/Add.1/Rev.1",
            "SEC.GAL/12/24",
            "SEC.GAL/12/24/Add.1",
            "Revision 1 to addendum 1",
        ),
    ],
)
def test_family_of_real_symbol_shapes(text, base, corrects, label):
    symbol = parse(text)
    assert str(symbol) == text
    assert symbol.base == base
    assert symbol.corrects == corrects
    assert symbol.is_base is (corrects is None)
    assert symbol.variant_label == label


def test_suffixes_keep_the_order_they_were_written_in():
    # A revision of an addendum is not an addendum to a revision.
    assert str(parse("SEC.GAL/12/24/Add.1/Rev.1")) == "SEC.GAL/12/24/Add.1/Rev.1"
    assert str(parse("sec.gal/12/24/rev.1/add.1")) == "SEC.GAL/12/24/Rev.1/Add.1"
    assert parse("SEC.GAL/12/24/Add.1/Rev.1") != parse("SEC.GAL/12/24/Rev.1/Add.1")


def test_a_family_sorts_base_first_then_revisions_addenda_corrigenda():
    texts = ["PC.DEC/1162/Corr.1", "PC.DEC/1162/Rev.1/Corr.1", "PC.DEC/1162", "PC.DEC/1162/Rev.1"]
    ordered = sorted((parse(t) for t in texts), key=lambda s: s.variant_sort_key)
    assert [str(s) for s in ordered] == [
        "PC.DEC/1162",
        "PC.DEC/1162/Rev.1",
        "PC.DEC/1162/Rev.1/Corr.1",
        "PC.DEC/1162/Corr.1",
    ]


@pytest.mark.parametrize(
    "text,message",
    [
        ("PC.DEC/1162/Corr.0", "number from 1 to 999 after Corr"),
        ("PC.DEC/1162/Rev.1000", "number from 1 to 999 after Rev"),
        ("PC.DEC/1162/Corr.1/Corr.2", "Corr appears twice"),
        ("PC.DEC/1162/Corr", "“Corr” is not a revision"),
        ("PC.DEC/1162/Erratum.1", "not a revision, corrigendum or addendum"),
    ],
)
def test_bad_variants_are_refused_with_a_clear_message(text, message):
    with pytest.raises(SymbolError, match=message):
        parse(text)


def test_variant_labels_are_translated():
    with translation.override("fr"):
        assert parse("PC.DEC/1162/Corr.1").variant_label == "Rectificatif 1"
    with translation.override("ru"):
        label = parse("CIO.GAL/1/24/Rev.2/Corr.1").variant_label
    assert label == "Исправление 1 к: Пересмотр 2"
