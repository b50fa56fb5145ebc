import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _in_english():
    """Output is asserted in its English msgids, whatever Swedish translation exists."""
    with translation.override("en"):
        yield
