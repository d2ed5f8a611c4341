from django.urls import path

from .views import berkas

app_name = "documents"
urlpatterns = [
    path("<int:pk>/", berkas.unduh, name="unduh"),
]
