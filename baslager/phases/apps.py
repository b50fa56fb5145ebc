from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhasesConfig(AppConfig):
    name = "baslager.phases"
    verbose_name = _("Development phases")

    def ready(self):
        from baslager.participants.signals import participant_registered

        from .participant_panels import register_panels
        from .receivers import place_at_intake

        register_panels()
        participant_registered.connect(place_at_intake, dispatch_uid="phases.place_at_intake")
