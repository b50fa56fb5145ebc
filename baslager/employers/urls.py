from django.urls import path

from . import views

app_name = "employers"
urlpatterns = [
    path("", views.employer_list, name="list"),
    path("new/", views.employer_create, name="create"),
    path("<uuid:employer>/", views.employer_detail, name="detail"),
    path("<uuid:employer>/edit/", views.employer_edit, name="edit"),
    path("<uuid:employer>/contacts/new/", views.contact_create, name="contact_create"),
    path("<uuid:employer>/supervisors/new/", views.supervisor_create, name="supervisor_create"),
    path("supervisors/<int:supervisor>/", views.supervisor_detail, name="supervisor"),
    path("supervisors/<int:supervisor>/edit/", views.supervisor_edit, name="supervisor_edit"),
    path("<uuid:employer>/chain/", views.chain_link_create, name="chain_link_create"),
    path("<uuid:employer>/chain/delete/", views.chain_link_delete, name="chain_link_delete"),
]
