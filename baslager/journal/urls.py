from django.urls import path

from . import views

app_name = "journal"
urlpatterns = [
    path("<uuid:participant>/", views.notes, name="notes"),
    path("notes/<uuid:note>/", views.note_history, name="note_history"),
    path("notes/<uuid:note>/correct/", views.note_correct, name="note_correct"),
]
