from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("participants/<uuid:participant>/", views.participant_openings, name="openings"),
    path(
        "participants/<uuid:participant>/widening/",
        views.participant_widening,
        name="widening",
    ),
    path("openings/<uuid:opening>/", views.opening_participants, name="participants"),
]
