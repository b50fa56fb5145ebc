from django.urls import path

from . import views

app_name = "proposals"
urlpatterns = [
    path("new/", views.proposal_create, name="create"),
    path("<uuid:proposal>/", views.proposal_detail, name="detail"),
    path("<uuid:proposal>/status/", views.proposal_advance, name="advance"),
    path("<uuid:proposal>/profile/", views.proposal_profile, name="profile"),
    path("fairness/", views.fairness_report, name="fairness"),
    path("fairness/people/", views.fairness_people, name="people"),
    path("fairness/reference/", views.fairness_reference, name="reference"),
]
