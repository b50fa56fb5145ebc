from baslager.matching import rules
from baslager.matching.kommun_seats import SEATS
from baslager.taxonomy.kommuner import KOMMUNER


def test_every_kommun_has_a_seat_in_sweden():
    assert set(SEATS) == {kommun.code for kommun in KOMMUNER}
    assert all(55 < lat < 69.1 and 10.9 < lon < 24.2 for lat, lon in SEATS.values())


def test_distances_between_seats():
    assert rules.distance_km("0181", "0181") == 0
    assert 25 < rules.distance_km("0181", "0180") < 32  # Södertälje–Stockholm
    assert 1380 < rules.distance_km("1280", "2584") < 1440  # Malmö–Kiruna, straight line
    assert rules.distance_km("0181", "9999") is None


def test_a_higher_licence_class_includes_the_lower():
    assert rules.holds_licence(["CE"], "B")
    assert rules.holds_licence(["B"], "AM")
    assert not rules.holds_licence(["B"], "C")
    assert rules.holds_licence([], "")


def test_interest_terms_drop_filler_words_and_find_compounds():
    assert rules.interest_terms("Jag vill jobba med barnen") == {"barn"}
    assert "barn" in rules.opening_terms("Barnskötare")
    assert rules.interest_terms("Trädgårdar och parker") == {"trädgård", "park"}
