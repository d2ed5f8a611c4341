from .views import langkah, register, registrasi, surat_kuasa

app_name = "agreements"
urlpatterns = (
    register.urlpatterns + langkah.urlpatterns + surat_kuasa.urlpatterns + registrasi.urlpatterns
)
