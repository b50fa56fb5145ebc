"""The supervisor page is composed of panels that the apps above ``employers`` provide: the
placements a supervisor has (see ``baslager.core.panels``)."""

from baslager.core.panels import Panels

supervisor_page = Panels(
    object_name="supervisor",
    url_kwargs=lambda supervisor: {"supervisor": supervisor.pk},
)
