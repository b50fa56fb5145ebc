"""The participant app's own panels on the participant page."""

from django.utils.translation import gettext_lazy as _

from baslager.core.panels import Panel

from . import selectors
from .panels import participant_page


def _profile(request, participant) -> dict:
    return {}


def _special_category(request, participant) -> dict | None:
    if not selectors.may_read_special_category(
        membership=request.membership, participant=participant
    ):
        return None
    return {}


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="profile",
            title=_("Details and mapping"),
            order=10,
            template="participants/_panel_profile.html",
            context=_profile,
            url_name="participants:profile",
        )
    )
    participant_page.register(
        Panel(
            key="special_category",
            title=_("Special-category data"),
            order=90,
            template="participants/_panel_special_category.html",
            context=_special_category,
            url_name="participants:special_category",
        )
    )
