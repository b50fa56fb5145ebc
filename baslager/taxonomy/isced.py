"""SUN 2020 education level → ISCED 2011 level.

This approximates SCB's official conversion key (SUN 2020 → ISCED 2011) by code prefix; the
longest matching prefix wins. SUN levels group by duration, ISCED by programme, so some SUN
groups straddle two ISCED levels. Where they do, the table gives the level most programmes in
the group lead to, and aggregate codes (levels 1 and 2 of the hierarchy) give the lowest level
of their children, so a coarse answer never overstates an education.

Approximations worth knowing:
* 41x, eftergymnasial < 2 år: YH and other non-university programmes (410, 413, 415) → 4
  (post-secondary non-tertiary); university programmes (412, 417) → 5 (short-cycle tertiary).
* 52x, two years → 5 (short-cycle tertiary), 53x, three years → 6 (bachelor).
* 54x, four years → 6, except 546 (general degree of 4 years: magister) → 7.
* 55x, five years or more → 7 (master or equivalent professional degree).
* 6xx, forskarutbildning, including the licentiate → 8.
"""

SUN_TO_ISCED: dict[str, int] = {
    "0": 0,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "41": 4,
    "410": 4,
    "412": 5,
    "413": 4,
    "415": 4,
    "417": 5,
    "5": 5,
    "52": 5,
    "53": 6,
    "54": 6,
    "546": 7,
    "55": 7,
    "6": 8,
}


def isced_for_sun(code: str) -> int | None:
    """The ISCED 2011 level of SUN 2020 level ``code`` (e.g. "337" → 3), None if unknown."""
    for length in range(len(code), 0, -1):
        level = SUN_TO_ISCED.get(code[:length])
        if level is not None:
            return level
    return None
