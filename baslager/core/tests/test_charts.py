"""The server-drawn SVG charts: accessible, escaped, gaps for missing values, a table of figures."""

import re

from django.template.loader import render_to_string

from baslager.core.charts import Series, _axis, bar_chart, line_chart


def test_a_line_chart_is_an_image_with_a_title_and_its_figures_as_a_table():
    chart = line_chart(
        title="Share <to> studies",
        x_labels=["2025-01", "2025-02", "2025-03"],
        series=[Series("Everyone", [10, None, 30.5]), Series("Women", [None, None, None])],
        target=35,
        target_label="Target 35 %",
        unit=" %",
    )
    svg = str(chart.svg)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title" in svg and "Share &lt;to&gt; studies" in svg and "<to>" not in svg
    # The gap in the middle: the line is lifted (two M moves), the empty series draws no line.
    paths = re.findall(r'<path d="(M[^"]*)" fill="none"', svg)
    assert len(paths) == 1 and paths[0].count("M") == 2 and "L" not in paths[0]
    assert "Target 35 %" in svg
    assert chart.columns == ["Everyone", "Women"]
    assert chart.rows[1] == ("2025-02", ["–", "–"])
    assert chart.rows[2] == ("2025-03", ["30.5 %", "–"])
    page = render_to_string("core/_chart.html", {"chart": chart})
    assert "<table>" in page and "30.5 %" in page and page.count("<svg") == 1


def test_a_bar_chart_draws_one_bar_per_value_present():
    chart = bar_chart(title="By gender", labels=["Women", "Men", "Other"], values=[4, None, 7])
    svg = str(chart.svg)
    assert svg.count('<rect x="') == 2
    assert chart.rows == [("Women", ["4"]), ("Men", ["–"]), ("Other", ["7"])]


def test_the_axis_has_round_ends_and_reaches_below_zero_when_needed():
    assert (_axis(36.75).top, _axis(36.75).step) == (40, 10)
    assert (_axis(21).top, _axis(21).step) == (30, 10)
    scale = _axis(105, -100)
    assert scale.bottom <= -100 and scale.top >= 105 and scale.bottom % scale.step == 0
