from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path

from baslager.core import urls as core_urls
from baslager.today import urls as today_urls

# Operators sign in to the admin site through the same login, with the same second factor.
admin.site.login = login_required(admin.site.login)
admin.site.site_header = "Basläger · drift"

urlpatterns = [
    # The start page lives in ``today``, above every app it reads from, yet keeps its name
    # ``core:home``: one namespace for the start page and the account page.
    path("", include(([*today_urls.urlpatterns, *core_urls.urlpatterns], core_urls.app_name))),
    path("search/", include("baslager.search.urls")),
    path("organisation/", include("baslager.organisations.urls")),
    path("taxonomy/", include("baslager.taxonomy.urls")),
    path("participants/", include("baslager.participants.urls")),
    path("messages/", include("baslager.messaging.urls")),
    path("phases/", include("baslager.phases.urls")),
    path("plans/", include("baslager.plans.urls")),
    path("calendar/", include("baslager.calendars.urls")),
    path("journal/", include("baslager.journal.urls")),
    path("audit/", include("baslager.audit.urls")),
    path("employers/", include("baslager.employers.urls")),
    path("openings/", include("baslager.openings.urls")),
    path("projects/", include("baslager.projects.urls")),
    path("outreach/", include("baslager.outreach.urls")),
    path("leads/", include("baslager.leads.urls")),
    path("placements/", include("baslager.placements.urls")),
    path("handbook/", include("baslager.handbook.urls")),
    path("imports/", include("baslager.imports.urls")),
    path("matching/", include("baslager.matching.urls")),
    path("proposals/", include("baslager.proposals.urls")),
    path("targets/", include("baslager.targets.urls")),
    path("socioeconomics/", include("baslager.socioeconomics.urls")),
    path("employability/", include("baslager.employability.urls")),
    path("esf/", include("baslager.esf.urls")),
    path("cases/", include("baslager.cases.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("operator/", admin.site.urls),
]
