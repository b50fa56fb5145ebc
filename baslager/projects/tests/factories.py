from datetime import timedelta

from django.utils import timezone

from baslager.projects.models import Project


def make_project(world, **fields) -> Project:
    """A project of ``world.home`` running from a year ago to two years ahead."""
    today = timezone.localdate()
    values = {
        "organisation": world.home,
        "name": "Alla kan arbeta",
        "funder": "esf_plus",
        "starts_on": today - timedelta(days=365),
        "ends_on": today + timedelta(days=730),
        **fields,
    }
    return Project.objects.create(**values)
