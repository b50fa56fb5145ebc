"""Invented Swedish identity numbers that pass the check-digit test.

The numbers are valid in form only; they are drawn at random and may by chance belong to real
people, which is why demo accounts can only sign in while DEBUG is on.
"""

import random
from datetime import date

COORDINATION_DAY_OFFSET = 60


def luhn_check_digit(nine_digits: str) -> int:
    total = 0
    for position, digit in enumerate(nine_digits):
        product = int(digit) * (2 - position % 2)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def identity_number_make(
    rng: random.Random, *, birth_date: date, woman: bool, coordination: bool = False
) -> str:
    """Twelve digits YYYYMMDDNNNC; the third birth-number digit is even for women, odd for men."""
    day = birth_date.day + (COORDINATION_DAY_OFFSET if coordination else 0)
    gender_digit = rng.choice((0, 2, 4, 6, 8) if woman else (1, 3, 5, 7, 9))
    serial = f"{rng.randint(1, 99):02d}{gender_digit}"
    nine = f"{birth_date:%y%m}{day:02d}{serial}"
    return f"{birth_date.year}{nine[2:]}{luhn_check_digit(nine)}"
