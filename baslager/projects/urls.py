from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("<int:project>/", views.project_detail, name="detail"),
    path("<int:project>/edit/", views.project_edit, name="edit"),
    path("participants/<uuid:participant>/", views.participant_projects, name="participant"),
    path("participants/<uuid:participant>/enrol/", views.enrolment_create, name="enrol"),
    path("enrolments/<int:project_enrolment>/entry/", views.enrolment_entry, name="entry"),
    path("enrolments/<int:project_enrolment>/exit/", views.enrolment_exit, name="exit"),
    path(
        "enrolments/<int:project_enrolment>/situations/new/",
        views.situation_create,
        name="situation_create",
    ),
    path("situations/<int:situation>/delete/", views.situation_delete, name="situation_delete"),
    path("follow-ups/<int:follow_up_6m>/", views.follow_up_answer, name="follow_up_answer"),
]
