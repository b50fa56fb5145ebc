from django.urls import path

from . import views

app_name = "openings"
urlpatterns = [
    path("", views.opening_list, name="list"),
    path("new/", views.opening_create, name="create"),
    path("<uuid:opening>/", views.opening_detail, name="detail"),
    path("<uuid:opening>/edit/", views.opening_edit, name="edit"),
    path("<uuid:opening>/status/", views.opening_status, name="status"),
]
