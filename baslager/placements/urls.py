from django.urls import path

from . import views

app_name = "placements"
urlpatterns = [
    path("new/", views.placement_create, name="create"),
    path(
        "participants/<uuid:participant>/",
        views.participant_placements,
        name="participant",
    ),
    path("<uuid:placement>/", views.placement_detail, name="detail"),
    path("<uuid:placement>/edit/", views.placement_edit, name="edit"),
    path("<uuid:placement>/end/", views.placement_end, name="end"),
    path("<uuid:placement>/items/<int:item>/", views.item_tick, name="tick"),
    path("<uuid:placement>/supervisor-link/", views.link_create, name="link_create"),
    path("<uuid:placement>/supervisor-link/revoke/", views.link_revoke, name="link_revoke"),
    path("supervisor/<str:token>/", views.supervisor_page, name="supervisor"),
    path("supervisor/<str:token>/items/<int:item>/", views.supervisor_tick, name="supervisor_tick"),
]
