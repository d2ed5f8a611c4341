from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("<str:kode>/", views.detail, name="detail"),
    path("<str:kode>/lambang/", views.lambang, name="lambang"),
]
