"""The font for Persian labels: found without network, checked for coverage."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import pytest

from chile_trade.present.fonts import BUNDLED_FONT, PREFERRED_FAMILIES, check_coverage, find_font


def test_a_font_is_found_without_network():
    font = find_font()
    assert font.is_file()
    assert font == BUNDLED_FONT or any(f.lower().split()[0] in font.name.lower()
                                       for f in PREFERRED_FAMILIES)


def test_a_given_font_file_is_used_and_checked(tmp_path):
    assert find_font(BUNDLED_FONT) == BUNDLED_FONT
    bad = tmp_path / "bad.ttf"
    bad.write_text("not a font")
    with pytest.raises(ValueError, match=r"font_file .*bad\.ttf.* is not a readable font"):
        find_font(bad)


def test_the_bundled_font_covers_persian_and_its_presentation_forms():
    check_coverage("صادرات واردات پژوهش گچ ۰۱۲۳۴۵۶۷۸۹٪٫٬−\ufefb\ufbfc\ufb91", BUNDLED_FONT)


def test_a_missing_glyph_names_the_character():
    latin_only = Path(mpl.get_data_path(), "fonts", "ttf", "cmr10.ttf")
    with pytest.raises(ValueError, match=r"has no glyph for 'ص' \(U\+0635 ARABIC LETTER SAD\)"):
        check_coverage("ص", latin_only)


def test_a_language_the_package_does_not_write_is_refused():
    with pytest.raises(ValueError, match=r"lang must be one of \('fa', 'en'\); got 'de'"):
        find_font(lang="de")
