from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "baslager.projects"
    verbose_name = _("Projects")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
