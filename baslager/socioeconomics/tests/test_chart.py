import pytest

from baslager.socioeconomics.chart import LABEL_WIDTH, VALUE_WIDTH, WIDTH, bar_chart


def test_bars_start_at_zero_and_negative_ones_go_left():
    chart = bar_chart([("Kommunen", 300.0), ("Personen", -100.0), ("Regionen", 0.0)])
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    assert chart.zero_x == pytest.approx(LABEL_WIDTH + plot / 4)
    positive, negative, empty = chart.bars
    assert positive.x == pytest.approx(chart.zero_x)
    assert positive.width == pytest.approx(plot * 3 / 4)
    assert negative.x + negative.width == pytest.approx(chart.zero_x)
    assert empty.width == 0
    assert negative.y > positive.y


def test_a_chart_of_zeros_has_no_bars_to_draw():
    chart = bar_chart([("Kommunen", 0.0)])
    assert chart.bars[0].width == 0 and chart.zero_x == LABEL_WIDTH
