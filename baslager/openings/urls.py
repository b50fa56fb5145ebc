from django.urls import path

from . import views

app_name = "openings"
urlpatterns = [
    path("", views.opening_list, name="list"),
    path("new/", views.opening_create, name="create"),
    path("<uuid:opening>/", views.opening_detail, name="detail"),
    path("<uuid:opening>/edit/", views.opening_edit, name="edit"),
    path("<uuid:opening>/status/", views.opening_status, name="status"),
    path("<uuid:opening>/tasks/", views.opening_bundle, name="bundle"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/new/", views.task_create, name="task_create"),
    path("tasks/<int:task>/edit/", views.task_edit, name="task_edit"),
]
