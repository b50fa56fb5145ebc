import pytest

from baslager.taxonomy.isced import isced_for_sun


@pytest.mark.parametrize(
    ("sun", "isced"),
    [
        ("001", 0),
        ("206", 2),
        ("337", 3),
        ("413", 4),
        ("417", 5),
        ("526", 5),
        ("536", 6),
        ("546", 7),
        ("547", 6),
        ("557", 7),
        ("620", 8),
        ("4", 4),
        ("5", 5),
    ],
)
def test_it_maps_sun_2020_levels_to_isced_2011(sun, isced):
    assert isced_for_sun(sun) == isced


def test_it_knows_no_level_for_an_unknown_code():
    assert isced_for_sun("9") is None
    assert isced_for_sun("") is None
