from django.urls import path

from . import views

app_name = "leads"
urlpatterns = [
    path("", views.lead_list, name="list"),
    path("new/", views.lead_create, name="create"),
    path("<int:lead>/", views.lead_detail, name="detail"),
    path("<int:lead>/verify/", views.lead_verify, name="verify"),
    path("<int:lead>/reject/", views.lead_reject, name="reject"),
]
