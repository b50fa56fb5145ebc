from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("activities/", views.activities, name="activities"),
    path("activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:activity>/", views.activity, name="activity"),
    path("activities/<int:activity>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:activity>/enrol/", views.activity_enrol, name="activity_enrol"),
    path(
        "activities/<int:activity>/occurrences/new/",
        views.occurrence_create,
        name="occurrence_create",
    ),
    path("occurrences/<int:occurrence>/attendance/", views.attendance, name="attendance"),
    path("goals/<int:goal>/edit/", views.goal_edit, name="goal_edit"),
    path("enrolments/<int:enrolment>/edit/", views.enrolment_edit, name="enrolment_edit"),
    path("<uuid:participant>/", views.plan, name="plan"),
    path("<uuid:participant>/goals/new/", views.goal_create, name="goal_create"),
    path("<uuid:participant>/enrol/", views.enrol, name="enrol"),
    path("<uuid:participant>/print/", views.plan_print, name="print"),
]
