from django.urls import path

from . import views

app_name = "taxonomy"
urlpatterns = [
    path("search/<slug:kind>/", views.search, name="search"),
    path("link/", views.link, name="link"),
]
