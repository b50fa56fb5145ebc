from baslager.taxonomy.kommuner import KOMMUNER, LAN, kommun_choices, kommun_name


def test_it_lists_all_290_kommuner_with_unique_four_digit_codes():
    codes = [kommun.code for kommun in KOMMUNER]

    assert len(KOMMUNER) == 290
    assert len(set(codes)) == 290
    assert all(len(code) == 4 and code.isdigit() for code in codes)
    assert len({kommun.name for kommun in KOMMUNER}) == 290


def test_it_places_every_kommun_in_one_of_the_21_lan_by_its_first_two_digits():
    assert len(LAN) == 21
    assert {kommun.code[:2] for kommun in KOMMUNER} == set(LAN)
    assert all(kommun.lan == LAN[kommun.code[:2]] for kommun in KOMMUNER)


def test_it_knows_well_known_codes():
    assert kommun_name("0181") == "Södertälje"
    assert kommun_name("2280") == "Härnösand"
    assert kommun_name("0180") == "Stockholm"
    assert kommun_name("1480") == "Göteborg"
    assert kommun_name("1280") == "Malmö"
    assert kommun_name("0980") == "Gotland"
    assert kommun_name("9999") == ""


def test_it_groups_choices_by_lan_in_swedish_alphabetical_order():
    groups = dict(kommun_choices())
    names = [name for _code, name in groups["Skåne län"]]

    assert len(groups) == 21
    assert sum(len(options) for options in groups.values()) == 290
    assert names[0] == "Bjuv"
    assert names[-4:] == ["Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge"]
