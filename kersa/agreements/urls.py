from .views import langkah, register

app_name = "agreements"
urlpatterns = register.urlpatterns + langkah.urlpatterns
