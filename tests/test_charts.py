"""Charts, tested by what they draw: bar heights, and every glyph of every label.

The glyph check: for every text artist a chart draws, the glyphs in the SVG
matplotlib writes must be the glyphs HarfBuzz (uharfbuzz) produces for the
logical string with the same font, in the visual order of the Unicode bidi
algorithm. On a matplotlib that does not shape, the drawn glyphs are Arabic
presentation forms, whose outlines in DejaVu Sans equal the contextual
glyphs HarfBuzz picks but whose glyph ids differ; so glyphs are compared by
outline, rasterised, which means the same on both paths.
"""

from __future__ import annotations

import functools
import io
import pickle
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import bidi
import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import uharfbuzz as hb
from bidi import algorithm as legacy_bidi
from matplotlib import patheffects
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from matplotlib.transforms import Affine2D

from chile_trade.cli import main
from chile_trade.frames import extract, verify
from chile_trade.io.dataset import load_stated, load_tables
from chile_trade.present.charts import (
    CHARTS,
    COLORS,
    FIGURE_RC,
    balance_chart,
    chart_plan,
    growth_chart,
    panels,
    render_charts,
    report_figure,
    share_chart,
    trade_chart,
    verification_chart,
)
from chile_trade.present.figure import persian_figure, persian_figures
from chile_trade.present.fonts import BUNDLED_FONT, installed_persian_font
from chile_trade.present.text import (
    display_text,
    logical_text,
    matplotlib_shapes_text,
    visual_order,
)

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def data():
    tables, stated = load_tables(), load_stated()
    return tables, stated, verify(tables, stated)


def _figure(name, lang, data, font=None):
    tables, stated, result = data
    with mpl.rc_context(FIGURE_RC):
        if name == "report":
            return report_figure(tables, stated, result, lang=lang, font=font)
        ax = {
            "trade": lambda: trade_chart(tables, lang=lang, font=font),
            "balance": lambda: balance_chart(tables, lang=lang, font=font),
            "growth": lambda: growth_chart(tables, stated, lang=lang, font=font),
            "shares": lambda: share_chart(stated, lang=lang, font=font),
            "verification": lambda: verification_chart(result, lang=lang, font=font),
        }[name]()
        return ax.figure


# --- what the charts draw -------------------------------------------------------------


def test_trade_chart_bars_are_the_table_values(data):
    ax = trade_chart(data[0], lang="en")
    heights = [p.get_height() for p in ax.patches]
    # exports 1992-1995 then imports 1992-1995, from the seed's two tables
    assert heights == [1649, 1655, 2012, 2375, 1984, 2477, 2638, 3792]
    assert {p.get_facecolor()[:3] for p in ax.patches[:4]} == {mpl.colors.to_rgb(COLORS["export"])}


def test_balance_chart_bars_are_exports_minus_imports(data):
    ax = balance_chart(data[0], lang="fa")
    # 1649-1984, 1655-2477, 2012-2638, 2375-3792
    assert [p.get_height() for p in ax.patches] == [-335, -822, -626, -1417]


def test_growth_chart_bars_are_recomputed_and_stated_figures_are_marked(data):
    ax = growth_chart(data[0], data[1], lang="en")
    heights = [p.get_height() for p in ax.patches]
    expected = [(1655 - 1649) / 1649, (2012 - 1655) / 1655, (2375 - 2012) / 2012,
                (2477 - 1984) / 1984, (2638 - 2477) / 2477, (3792 - 2638) / 2638]
    assert heights == pytest.approx([e * 100 for e in expected])
    markers = [line.get_ydata()[0] for line in ax.lines if line.get_marker() == "D"]
    assert markers == [18.0, 43.8]  # the two stated 1994->1995 changes


def test_share_chart_draws_the_stated_shares(data):
    ax = share_chart(data[1], lang="fa")
    assert [p.get_width() for p in ax.patches] == [14.4, 24.7]


def test_verification_chart_colours_each_figure_by_verdict(data):
    ax = verification_chart(data[2], lang="en")
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    colours = [mpl.colors.to_hex(line.get_color()) for line in dots]
    # checkable figures in order: 18 % exact, 43.8 % within rounding, 24.7 % and >20 % inconsistent
    assert colours == [COLORS[v].lower() for v in
                       ("exact", "within_rounding", "inconsistent", "inconsistent")]
    # dots sit at computed - stated: (2375-2012)/2012*100 - 18 = 0.0417...
    assert dots[0].get_xdata()[0] == pytest.approx((2375 - 2012) / 2012 * 100 - 18)


def test_a_chart_draws_into_a_given_axes_and_returns_it(data):
    _, ax = plt.subplots()
    assert trade_chart(data[0], ax=ax) is ax


def test_a_bad_lang_is_refused_by_name(data):
    with pytest.raises(ValueError, match=r"lang must be one of \('fa', 'en'\); got 'de'"):
        trade_chart(data[0], lang="de")


# --- the glyph check --------------------------------------------------------------------


@functools.cache
def _ft(path):
    return FT2Font(path)


@functools.cache
def _hb_font(path):
    return hb.Font(hb.Face(hb.Blob.from_file_path(path)))


@functools.cache
def _outline(path, glyph):
    """The glyph rasterised at 48 px, or None for a glyph with no ink."""
    font = _ft(path)
    font.set_size(48, 72)
    font.load_glyph(glyph)
    vertices, codes = font.get_path()
    if not len(vertices):
        return None
    renderer = RendererAgg(100, 100, 72)
    renderer.draw_path(renderer.new_gc(), MplPath(vertices, codes),
                       Affine2D().translate(20, 30), rgbFace=(0, 0, 0))
    return np.asarray(renderer.buffer_rgba())[..., 3] > 127


def _inked(path, glyphs):
    return [o for o in (_outline(path, g) for g in glyphs) if o is not None]


def _same_outlines(drawn, expected):
    if len(drawn) != len(expected):
        return False
    return all((a ^ b).sum() <= 0.02 * max(1, (a | b).sum())
               for a, b in zip(drawn, expected, strict=True))


def _levels(line, base_level):
    """Resolved bidi levels per character (python-bidi's reference implementation)."""
    storage = legacy_bidi.get_empty_storage()
    storage["base_level"], storage["base_dir"] = base_level, "LR"[base_level]
    legacy_bidi.get_embedding_levels(line, storage)
    for step in (legacy_bidi.explicit_embed_and_overrides, legacy_bidi.resolve_weak_types,
                 legacy_bidi.resolve_neutral_types, legacy_bidi.resolve_implicit_levels):
        step(storage, False)
    kept, levels, k = storage["chars"], [], 0
    for ch in line:
        if k < len(kept) and kept[k]["ch"] == ch:
            levels.append(kept[k]["level"])
            k += 1
        else:  # removed by rule X9: takes its neighbour's level
            levels.append(levels[-1] if levels else (kept[0]["level"] if kept else base_level))
    return levels


def _reorder(items, levels):
    """Rule L2: reverse runs from the highest level down to the lowest odd one."""
    order = list(range(len(items)))
    odd = [lv for lv in levels if lv % 2]
    for level in range(max(levels, default=0), min(odd, default=max(levels, default=0) + 1) - 1,
                       -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return [items[i] for i in order]


_CONTROLS = re.compile("[\u200c-\u200f\u202a-\u202e\u2066-\u2069]")
_MIRROR = str.maketrans("()[]{}<>", ")(][}{><")


def _expected_glyphs(path, line, rtl):
    """HarfBuzz glyphs for a logical line, in bidi visual order (left to right).

    matplotlib before 3.11 draws Latin letter by letter, so it never forms the
    font's optional ligatures (DejaVu Sans has "fi" and "fl"); there, left-to-right
    runs are shaped with the ``liga`` feature off. Arabic-script runs are shaped with
    every default feature on both paths but one: their joining forms and the lam-alef
    ligature are required, and the reshaping path draws them as presentation forms;
    a font's optional contextual alternates (``calt``: Vazirmatn lengthens a medial
    yeh before lam) exist only as unencoded glyphs, which that path cannot reach.
    """
    base = 1 if rtl else 0
    levels = _levels(line, base)
    # The levels must give the same character order as python-bidi's conformant
    # (Rust, UAX #9) implementation, which does not mirror brackets.
    by_levels = "".join(_reorder(list(line), levels))
    conformant = str(bidi.get_display(line, base_dir="R" if rtl else "L"))
    assert _CONTROLS.sub("", by_levels) == _CONTROLS.sub("", conformant), line
    runs, start = [], 0
    for i in range(1, len(line) + 1):
        if i == len(line) or levels[i] != levels[start]:
            runs.append((levels[start], line[start:i]))
            start = i
    shaped = []
    for level, text in runs:
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.direction = "rtl" if level % 2 else "ltr"
        features = {} if matplotlib_shapes_text() else {"calt": False} if level % 2 \
            else {"liga": False}
        hb.shape(_hb_font(path), buffer, features)
        shaped.append([g.codepoint for g in buffer.glyph_infos])
    run_order = _reorder(shaped, [level for level, _ in runs])
    return [g for run in run_order for g in run]


def _drawn_glyphs(svg_group, path):
    """Glyph ids per line of one text artist's SVG group, left to right."""
    lines = []
    for line_group in svg_group.findall(f"{SVG}g"):
        if line_group.find(f".//{SVG}use") is None:  # e.g. the text's background box
            continue
        uses = []
        for use in line_group.iter(f"{SVG}use"):
            code = int(use.get(f"{XLINK}href").rsplit("-", 1)[1], 16)
            moved = re.match(r"translate\(([-\d.e]+)", use.get("transform", ""))
            uses.append((float(moved.group(1)) if moved else 0.0, code))
        # matplotlib >= 3.11 names glyphs by glyph id, earlier ones by character code.
        ids = [code if matplotlib_shapes_text() else _ft(path).get_char_index(code)
               for _, code in sorted(uses, key=lambda u: u[0])]
        lines.append(ids)
    return lines


def _render_with_ids(fig):
    """Save ``fig`` as SVG; return the SVG tree and every text artist drawn, by id."""
    drawn = {}
    original = Text.draw

    def recording_draw(self, renderer):
        # Layout passes draw with other renderers first; record the SVG drawing only.
        is_svg = isinstance(getattr(renderer, "_renderer", renderer), RendererSVG)
        # A layout pass may draw with the SVG renderer too: one id per artist.
        if is_svg and self.get_visible() and self.get_text() and self not in drawn.values():
            gid = f"ct-text-{len(drawn)}"
            self.set_gid(gid)
            drawn[gid] = self
        return original(self, renderer)

    Text.draw = recording_draw
    try:
        buffer = io.StringIO()
        with mpl.rc_context({"svg.fonttype": "path"}):
            fig.savefig(buffer, format="svg")
    finally:
        Text.draw = original
    return ET.fromstring(buffer.getvalue()), drawn


def _glyph_mismatches(fig, logical_of):
    root, drawn = _render_with_ids(fig)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    problems = []
    for gid, artist in drawn.items():
        shown = artist.get_text()
        logical = logical_of(shown)
        if logical is None:
            problems.append(f"{shown!r} was not made by display_text")
            continue
        if isinstance(logical, tuple):  # the caller knows the base direction
            logical, rtl = logical
        else:
            rtl = any("\u0600" <= ch <= "\u06ff" for ch in logical) or "\u200f" in shown
        path = findfont(artist.get_fontproperties())
        drawn_lines = _drawn_glyphs(groups[gid], path)
        expected_lines = logical.split("\n")
        if len(drawn_lines) != len(expected_lines):
            problems.append(f"{logical!r}: {len(drawn_lines)} lines drawn")
            continue
        for got, want in zip(drawn_lines, expected_lines, strict=True):
            expected = _expected_glyphs(path, want.replace("\\$", "$"), rtl)
            if not _same_outlines(_inked(path, got), _inked(path, expected)):
                problems.append(f"{want!r} is not drawn as HarfBuzz shapes it")
    return len(drawn), problems


def _installed_typeface():
    found = installed_persian_font()
    if found is None:
        pytest.fail("a Persian typeface is expected: make test installs Vazirmatn from the "
                    "npm registry into ~/.local/share/fonts/chile_trade")
    return found


def test_make_test_installs_a_persian_typeface_and_persian_charts_use_it(data):
    typeface = _installed_typeface()
    assert FT2Font(str(typeface)).family_name == "Vazirmatn"
    ax = trade_chart(data[0], lang="fa")
    assert ax.yaxis.label.get_fontproperties().get_file() == str(typeface)
    ax = trade_chart(data[0], lang="en")  # English labels keep DejaVu Sans
    assert Path(ax.yaxis.label.get_fontproperties().get_file()).name == "DejaVuSans.ttf"


# Persian charts in the installed Persian typeface and in DejaVu Sans; English ones in
# DejaVu Sans (Vazirmatn has no arrow for "1994→1995").
@pytest.mark.parametrize(("lang", "typeface"),
                         [("fa", "installed"), ("fa", "bundled"), ("en", "bundled")])
@pytest.mark.parametrize("name", CHARTS)
def test_every_label_is_drawn_with_the_glyphs_harfbuzz_and_bidi_give(name, lang, typeface,
                                                                     data):
    font = _installed_typeface() if typeface == "installed" else BUNDLED_FONT
    fig = _figure(name, lang, data, font=font)
    count, problems = _glyph_mismatches(fig, logical_text)
    assert count >= 10  # titles, legends, ticks and value labels were all drawn
    assert problems == []


def test_the_glyph_check_rejects_the_recipe_for_the_other_kind_of_matplotlib():
    # The check must be able to fail: give this matplotlib what the other kind needs.
    label = "صادرات به آمریکا (میلیون دلار) ۱۹۹۵"
    wrong = visual_order(label) if matplotlib_shapes_text() else "\u200f" + label
    fig = plt.figure()
    fig.text(0.1, 0.5, wrong)
    _, problems = _glyph_mismatches(fig, lambda shown: label)
    assert problems == [f"{label!r} is not drawn as HarfBuzz shapes it"]


def test_the_package_picks_the_path_that_matches_this_matplotlib():
    major, minor = (int(p) for p in mpl.__version__.split(".")[:2])
    assert matplotlib_shapes_text() is ((major, minor) >= (3, 11))


# --- persian_figure: any figure, one call -----------------------------------------------

# Persian digits and separators, written out here rather than taken from the package.
_FA_NUMBER = str.maketrans("0123456789.,%-", "۰۱۲۳۴۵۶۷۸۹٫٬٪\u2212")
_LATIN_NUMBER = re.compile(r"[-+\u2212]?[0-9]+([.,][0-9]+)*%?")


def _expected_persian(text, digits="fa"):
    """What persian_figure must draw for one label, by its rules, and its base direction.

    A label that is only a number is drawn left to right, in Persian digits with
    ``digits="fa"``; a label with Persian letters right to left, its ASCII numbers in
    Persian digits; anything else as it is.
    """
    if _LATIN_NUMBER.fullmatch(text):
        return (text.translate(_FA_NUMBER) if digits == "fa" else text), False
    if any("\u0621" <= ch <= "\u064a" or "\u067e" <= ch <= "\u06cc" for ch in text):
        if digits == "fa":  # a number, not the digits of a Latin word (CO2, COVID-19)
            text = re.sub(r"(?<![A-Za-z0-9])(?<![A-Za-z]-)[0-9]+([.,][0-9]+)*%?",
                          lambda m: m.group().translate(_FA_NUMBER), text)
        return text, True
    return text, False


def _pandas_bar_chart():
    frame = pd.DataFrame({"صادرات": [1649, 1655, 2012, 2375],
                          "واردات": [1984, 2477, 2638, 3792]},
                         index=pd.Index([1992, 1993, 1994, 1995], name="سال"))
    ax = frame.plot.bar(title="تجارت شیلی با آمریکا (میلیون دلار)", rot=0)
    ax.set_ylabel("میلیون دلار، فوب")
    ax.legend(title="جریان")
    ax.annotate("کسری 1417", (3, 3792), xytext=(1.5, 3500), arrowprops={"arrowstyle": "->"})
    return frame, ax


@pytest.mark.parametrize("digits", ["fa", "latin"])
def test_persian_figure_makes_a_pandas_chart_draw_as_harfbuzz_and_bidi_give(digits):
    frame, ax = _pandas_bar_chart()
    assert persian_figure(ax, digits=digits) is ax.figure
    count, problems = _glyph_mismatches(ax.figure, lambda t: _expected_persian(t, digits))
    # title, y and x labels, legend title and 2 entries, annotation, and the tick labels
    assert count >= 7 + 4 + 5
    assert problems == []
    # what the user set stays logical, and the data keep their names
    assert ax.get_title() == "تجارت شیلی با آمریکا (میلیون دلار)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["صادرات", "واردات"]
    assert list(frame.columns) == ["صادرات", "واردات"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1992", "1993", "1994", "1995"]


def test_persian_figure_draws_table_cells_and_text_added_after_the_call():
    fig, ax = plt.subplots()
    ax.axis("off")
    persian_figure(fig)
    ax.table(cellText=[["صادرات", "1,649"], ["واردات", "-335.5"]],
             colLabels=["جریان", "1992"], loc="center")
    fig.text(0.5, 0.9, "تراز تجاری 1995", ha="center")
    # the Rial sign (a symbol of the presentation-forms block), in a typeface that has it
    fig.text(0.5, 0.1, "ارزش 12 میلیون ﷼ و انتشار CO2", ha="center",
             fontproperties=FontProperties(fname=_installed_typeface()))
    count, problems = _glyph_mismatches(fig, _expected_persian)
    assert count == 8
    assert problems == []


def test_the_readme_example_draws_every_label_right(tmp_path, monkeypatch):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- README example: persian_figure -->\n```python\n(.*?)```", readme,
                     re.DOTALL)
    assert code is not None
    monkeypatch.chdir(tmp_path)
    namespace = {}
    exec(code.group(1), namespace)  # the README's own code, as a reader runs it
    assert (tmp_path / "pandas_bar_chart_fa.png").read_bytes().startswith(b"\x89PNG")
    count, problems = _glyph_mismatches(namespace["ax"].figure, _expected_persian)
    assert count >= 15
    assert problems == []


def test_without_persian_figure_the_same_chart_fails_the_glyph_check():
    _, ax = _pandas_bar_chart()
    _, problems = _glyph_mismatches(ax.figure, _expected_persian)
    assert problems  # at least the tick labels' digits, on any matplotlib


def _svg(fig):
    buffer = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "path", "svg.hashsalt": "ct"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def test_persian_figure_twice_draws_what_once_draws():
    _, once = _pandas_bar_chart()
    _, twice = _pandas_bar_chart()
    persian_figure(once)
    persian_figure(twice)
    persian_figure(twice.figure)
    assert _svg(twice.figure) == _svg(once.figure)
    assert _svg(once.figure) != _svg(_pandas_bar_chart()[1].figure)  # it did something


def test_persian_figure_leaves_mathtext_and_latin_text_alone():
    def figure(marked):
        fig = plt.figure(figsize=(3, 2))
        fig.text(0.1, 0.6, r"$\frac{x^2}{1995}$")
        fig.text(0.1, 0.2, "Exports, FOB 1995")
        return persian_figure(fig) if marked else fig
    assert _svg(figure(True)) == _svg(figure(False))


def test_persian_figure_does_not_convert_display_text_twice(data):
    # the package's own chart is already in display_text form: the check still passes
    fig = _figure("trade", "fa", data)
    persian_figure(fig)
    count, problems = _glyph_mismatches(fig, logical_text)
    assert count >= 10
    assert problems == []


def test_persian_figure_measures_text_as_it_draws_it():
    # Layout (constrained layout, tight bounding boxes) must see the width of what
    # is drawn: on a matplotlib that does not shape, joined forms are narrower.
    title = "تجارت شیلی با آمریکا"
    marked, plain, logical = plt.figure(), plt.figure(), plt.figure()
    persian_figure(marked)
    a = marked.suptitle(title)
    b = plain.suptitle(display_text(title))
    c = logical.suptitle(title)
    width = b.get_window_extent().width
    assert a.get_window_extent().width == pytest.approx(width)  # measured before drawing
    marked.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    assert a.get_window_extent().width == pytest.approx(width)  # and after
    if not matplotlib_shapes_text():
        assert c.get_window_extent().width != pytest.approx(width)


def test_persian_figure_shapes_text_drawn_with_path_effects():
    # Path effects draw text as paths, not through draw_text: the marked logical label
    # must come out pixel for pixel as the display_text form drawn the same way.
    label = "صادرات ۱۹۹۵"

    def png(text, marked):
        fig = plt.figure(figsize=(3, 1), dpi=100)
        fig.text(0.05, 0.4, text, path_effects=[patheffects.Normal()], fontsize=20)
        if marked:
            persian_figure(fig)
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()
    expected = png(display_text(label), marked=False)
    assert (png(label, marked=True) == expected).all()
    if not matplotlib_shapes_text():  # unmarked, the logical label is drawn unjoined
        assert (png(label, marked=False) != expected).any()


def test_persian_figures_marks_figures_made_inside_only():
    hooks = list(mpl.rcParams["figure.hooks"])
    with mpl.rc_context():  # undoes the setting below after the test
        with persian_figures(digits="latin"):
            inside = pd.Series([1, 2], index=["الف", "ب"]).plot.bar().figure
            mpl.rcParams["lines.linewidth"] = 3.5  # the user's own setting, in the block
        assert mpl.rcParams["lines.linewidth"] == 3.5  # kept: only the hook is taken away
        assert mpl.rcParams["figure.hooks"] == hooks
    outside = plt.figure()
    _, problems = _glyph_mismatches(inside, lambda t: _expected_persian(t, "latin"))
    assert problems == []
    assert not isinstance(outside.draw, type(inside.draw))


def test_a_marked_figure_pickles_and_still_draws_persian():
    _, ax = _pandas_bar_chart()
    persian_figure(ax)
    ax.figure.savefig(io.BytesIO(), format="png")  # drawn once: its texts hold the wrapper
    copy = pickle.loads(pickle.dumps(ax.figure))
    _, problems = _glyph_mismatches(copy, _expected_persian)
    assert problems == []


def test_persian_figure_refuses_bad_arguments_by_name():
    with pytest.raises(ValueError, match=r"digits must be one of \('fa', 'latin'\); got 'ar'"):
        persian_figure(plt.figure(), digits="ar")
    with pytest.raises(TypeError, match="needs a matplotlib Figure or Axes; got str"):
        persian_figure("figure")


def test_persian_figure_of_an_axes_in_a_subfigure_marks_the_whole_figure():
    fig = plt.figure()
    left, right = fig.subfigures(1, 2)
    ax = right.subplots()
    ax.set_title("واردات")
    left.suptitle("صادرات")
    assert persian_figure(ax) is fig
    _, problems = _glyph_mismatches(fig, _expected_persian)
    assert problems == []


# --- the files ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def files(data):
    with mpl.rc_context():
        return render_charts(*data, dpi=100)


def test_every_chart_is_written_in_every_language_and_format(files):
    assert sorted(files) == sorted(f"{name}_{lang}.{fmt}" for name in CHARTS
                                   for lang in ("fa", "en") for fmt in ("png", "svg", "pdf"))
    for name, content in files.items():
        magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}[name.rsplit(".", 1)[1]]
        assert content.startswith(magic), name


def test_svg_carries_text_as_outlines_only(files):
    for name, content in files.items():
        if name.endswith(".svg"):
            root = ET.fromstring(content)
            assert root.find(f".//{SVG}text") is None, name
            assert root.find(f".//{SVG}use") is not None, name


def test_pdf_embeds_every_glyph_as_a_type3_outline(files):
    for name, content in files.items():
        if name.endswith(".pdf"):
            subtypes = set(re.findall(rb"/Subtype\s*/(Type3|Type1|TrueType|Type0)", content))
            assert subtypes == {b"Type3"}, name


def _blur(image):
    """A 3 x 3 box blur: leaves glyph shapes, evens out the rasterisers' edge pixels."""
    padded = np.pad(image, 1, mode="edge")
    return sum(padded[dy:dy + image.shape[0], dx:dx + image.shape[1]]
               for dy in range(3) for dx in range(3)) / 9


def _label_correlation(png, pdf, box):
    """How well a label's pixels in the PDF match the PNG's.

    The two renderers advance glyphs by slightly different amounts (hinting,
    kerning), so along a long label the PDF drifts a few pixels from the PNG. The
    label is cut into pieces about two glyphs wide, each matched at its best offset
    (up to 8 pixels), and the pieces' correlations are averaged. A reversed or
    unjoined label matches at no offset.
    """
    x0, y0, x1, y1 = max(box[0], 0), max(box[1], 0), box[2], box[3]
    region = png[y0:y1, x0:x1]
    if region.size <= 16 or region.std() < 0.02:
        return None
    piece = max(8, 2 * min(y1 - y0, x1 - x0))
    reach = 8
    scores = []
    for start in range(x0, x1, piece):
        for top in range(y0, y1, piece):
            a = png[top:min(top + piece, y1), start:min(start + piece, x1)]
            if a.size <= 16 or a.std() < 0.02:
                continue
            best = -1.0
            for dy in range(-reach, reach + 1):
                for dx in range(-reach, reach + 1):
                    r, c = top + dy, start + dx
                    if r < 0 or c < 0 or r + a.shape[0] > pdf.shape[0] \
                            or c + a.shape[1] > pdf.shape[1]:
                        continue
                    b = pdf[r:r + a.shape[0], c:c + a.shape[1]]
                    if b.std() > 0:
                        best = max(best, float(np.corrcoef(a.ravel(), b.ravel())[0, 1]))
            scores.append(best)
    return float(np.mean(scores)) if scores else None


def _text_boxes(fig, dpi):
    fig.set_dpi(dpi)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    height = fig.bbox.height
    boxes = []
    for artist in fig.findobj(Text):
        if artist.get_visible() and artist.get_text().strip():
            box = artist.get_window_extent(renderer)
            if box.width > 4 and box.height > 4:
                boxes.append((int(box.x0), int(height - box.y1), int(box.x1) + 1,
                              int(height - box.y0) + 1))
    return boxes


# Agg hints glyph advances by default and PDF viewers do not; without hinting both
# place the same glyphs at nearly the same points.
_UNHINTED: dict[str, object] = {"text.hinting": "no_hinting"}
if not matplotlib_shapes_text():  # before 3.11 Agg also scales advances by this factor
    _UNHINTED["text.hinting_factor"] = 1


def _png_pdf_scores(png_figure, pdf_figure, dpi=200):
    """Per text label of ``png_figure``: how well ``pdf_figure``'s PDF matches its PNG."""
    pdfium = pytest.importorskip("pypdfium2")
    png, pdf = io.BytesIO(), io.BytesIO()
    with mpl.rc_context({**FIGURE_RC, **_UNHINTED}):
        boxes = _text_boxes(png_figure, dpi)
        png_figure.set_layout_engine("none")  # keep the laid-out positions
        png_figure.savefig(png, format="png", dpi=dpi)
        pdf_figure.savefig(pdf, format="pdf", dpi=dpi)
    luminance = np.array([0.299, 0.587, 0.114])  # as PIL's convert("L")
    agg = plt.imread(io.BytesIO(png.getvalue()))[..., :3] @ luminance
    page = pdfium.PdfDocument(pdf.getvalue())[0]
    pdf_image = np.asarray(page.render(scale=dpi / 72).to_pil().convert("L"), float) / 255
    assert abs(pdf_image.shape[0] - agg.shape[0]) <= 1
    assert abs(pdf_image.shape[1] - agg.shape[1]) <= 1
    rows, cols = min(agg.shape[0], pdf_image.shape[0]), min(agg.shape[1], pdf_image.shape[1])
    agg, pdf_image = _blur(agg[:rows, :cols]), _blur(pdf_image[:rows, :cols])
    return [(score, box) for box in boxes
            if (score := _label_correlation(agg, pdf_image, box)) is not None]


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_png_and_pdf_draw_the_same_text(lang, data):
    with mpl.rc_context(_UNHINTED):
        fig = _figure("report", lang, data)
    scores = _png_pdf_scores(fig, fig)
    poor = [(round(score, 2), box) for score, box in scores if score <= 0.9]
    assert len(scores) > 40
    assert len(poor) <= 0.05 * len(scores), poor


def test_the_png_and_pdf_comparison_can_fail():
    labels = ["صادرات به آمریکا", "واردات از آمریکا (فوب)", "تراز تجاری ۱۹۹۵", "سهم از کل"]
    wrong = visual_order if matplotlib_shapes_text() else (lambda text: "\u200f" + text)
    figures = []
    for shape in (display_text, wrong):
        fig = plt.figure(figsize=(4, 3))
        for i, label in enumerate(labels):
            fig.text(0.9, 0.8 - 0.2 * i, shape(label), ha="right", fontsize=16)
        figures.append(fig)
    right_scores = [score for score, _ in _png_pdf_scores(figures[0], figures[0])]
    wrong_scores = [score for score, _ in _png_pdf_scores(figures[0], figures[1])]
    assert min(right_scores) > 0.9
    assert max(wrong_scores) < 0.9


def test_the_figures_command_writes_all_files_or_none(tmp_path, capsys):
    out = tmp_path / "figs"
    assert main(["figures", "--out", str(out), "--lang", "fa", "--format", "png"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}_fa.png" for n in CHARTS)
    capsys.readouterr()
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    empty = tmp_path / "empty"
    assert main(["figures", "--out", str(empty), "--font", str(broken)]) == 2
    assert not empty.exists()
    assert f"{broken}: font_file" in capsys.readouterr().err


def test_a_font_without_persian_is_an_error_naming_the_character(tmp_path, data):
    latin_only = Path(mpl.get_data_path(), "fonts", "ttf", "cmr10.ttf")
    with pytest.raises(ValueError, match=r"cmr10\.ttf has no glyph for '.' \(U\+06"):
        trade_chart(data[0], lang="fa", font=latin_only)


# --- panels: the user's documents, cut into what one chart can draw ------------------------


def _rows(file, partner, flow, unit, values, *, series="", calendar="gregorian", fiscal=False,
          table="t:1", line=3):
    return pd.DataFrame({
        "source": [f"{file}:{line}"] * len(values), "file": file, "line": line, "table": table,
        "reporter": "شیلی", "reporter_en": "Chile", "partner": partner, "partner_en": partner,
        "flow": flow, "year": list(values), "value": [float(v) for v in values.values()],
        "value_text": [str(v) for v in values.values()], "unit": unit, "valuation": "",
        "raw": "", "calendar": calendar, "fiscal_year": fiscal, "series": series})


def _no_stated():
    return load_stated().iloc[0:0]


def test_panels_keep_units_documents_and_row_labels_apart():
    tables = pd.concat([
        _rows("a.txt", "چین", "export", "thousand tonne", {2020: 195, 2021: 210}),
        _rows("a.txt", "چین", "export", "million USD", {2020: 1248, 2021: 1300}),
        # one partner, flow and unit under two row labels with other values: two panels
        _rows("b.txt", "سایر", "export", "million USD", {2021: 90, 2022: 95}, series="سایر"),
        _rows("b.txt", "سایر", "export", "million USD", {2021: 900, 2022: 950}, series="جمع"),
        # the same partner in another document: a panel of its own
        _rows("c.txt", "چین", "export", "million USD", {2020: 1248, 2021: 1300}),
    ], ignore_index=True)
    cut = panels(tables, _no_stated())
    assert [(p.number, p.tables["file"].iloc[0], p.tables["unit"].iloc[0], p.series)
            for p in cut] == [(1, "a.txt", "thousand tonne", ""), (2, "a.txt", "million USD", ""),
                              (3, "b.txt", "million USD", "سایر"),
                              (4, "b.txt", "million USD", "جمع"), (5, "c.txt", "million USD", "")]
    assert [p.charts() for p in cut] == [("trade", "growth")] * 5
    # two lines of one table under one label that disagree: a panel per line, never a crash
    twice = pd.concat([_rows("g.txt", "X", "export", "million USD", {2020: 1, 2021: 2}),
                       _rows("g.txt", "X", "export", "million USD", {2020: 5, 2021: 6}, line=4)],
                      ignore_index=True)
    assert [list(p.tables["value"]) for p in panels(twice, _no_stated())] == [[1, 2], [5, 6]]
    # a lone total row has nothing to draw: no panel, and the other is not numbered
    lone = pd.concat([_rows("h.txt", "X", "total", "million USD", {2020: 9, 2021: 10}),
                      _rows("i.txt", "X", "export", "million USD", {2020: 4, 2021: 5})],
                     ignore_index=True)
    assert [(p.number, p.tables["file"].iloc[0]) for p in panels(lone, _no_stated())] == [
        (0, "i.txt")]
    assert cut[2].caption("en") == "Chile – سایر · million USD · سایر · b.txt"


def test_a_balance_row_alone_is_drawn_as_printed():
    tables = pd.concat([
        _rows("d.txt", "ترکیه", "export", "million USD", {1400: 500, 1401: 520},
              calendar="solar_hijri"),
        _rows("d.txt", "ترکیه", "balance", "million USD", {1400: -120, 1401: -95},
              calendar="solar_hijri")], ignore_index=True)
    (panel,) = panels(tables, _no_stated())
    assert panel.charts() == ("trade", "balance", "growth")
    ax = balance_chart(panel.tables, lang="fa")
    assert [p.get_height() for p in ax.patches] == [-120, -95]  # as printed, not e - i
    assert logical_text(ax.get_xlabel()) == "سال (هجری شمسی)"
    assert logical_text(ax.get_legend().get_texts()[0].get_text()) == "تراز چاپ‌شده در جدول"


def test_fiscal_years_are_labelled_by_their_pair():
    tables = _rows("e.txt", "شیلی", "export", "thousand USD", {2019: 542380, 2020: 487910},
                   fiscal=True)
    ax = trade_chart(tables, lang="fa")
    assert logical_text(ax.xaxis.get_major_formatter()(2019, 0)) == "۲۰۱۹-۲۰"
    assert logical_text(ax.get_xlabel()) == "سال مالی"
    ax = trade_chart(tables, lang="en")
    assert ax.xaxis.get_major_formatter()(2020, 0) == "2020-21"
    assert [p.get_height() for p in ax.patches] == [542380, 487910]  # exports only


def test_the_chart_plan_of_several_documents_has_one_verification_chart_each(data):
    tables, stated, result = data
    other = result.copy()
    other["source"] = other["source"].str.replace("002_", "003_", regex=False)
    plan = chart_plan(tables, stated, pd.concat([result, other], ignore_index=True))
    assert [c.stem for c in plan] == ["trade", "balance", "growth", "shares",
                                      "verification_1", "verification_2"]
    assert [c.file for c in plan][-2:] == ["002_be3af3bae581de8e.txt",
                                            "003_be3af3bae581de8e.txt"]


def test_each_panel_marks_only_the_figures_of_its_own_column():
    # A weight column (thousand tonnes) and a value column (million USD) of one table, each
    # with its change printed under it: 33.2 under the weight, 14.1 under the value.
    document = extract("جدول ۸- صادرات گیلاس شیلی به چین\n"
                       "سال    وزن (هزار تن)    ارزش (میلیون دلار)\n"
                       "۲۰۲۲    ۲۹۶٫۷    ۱٬۸۷۵\n۲۰۲۳    ۳۹۵٫۱    ۲٬۱۴۰\n"
                       "درصد تغییر ۲۰۲۳ نسبت به ۲۰۲۲    ۳۳٫۲    ۱۴٫۱\n", source="c.txt")
    cut = panels(document.tables, document.stated)
    assert [(p.tables["unit"].iloc[0], list(p.stated["stated"])) for p in cut] == [
        ("thousand tonne", [33.2]), ("million USD", [14.1])]
    ax = growth_chart(cut[0].tables, cut[0].stated, lang="en")
    markers = [line.get_ydata()[0] for line in ax.lines if line.get_marker() == "D"]
    assert markers == [33.2]  # (395.1 - 296.7) / 296.7 = 33.16 %: the weight's own change
