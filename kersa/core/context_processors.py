from django.conf import settings


def kersa(request):
    """Values every page needs: the home region code and the app name."""
    return {"KERSA_HOME_REGION": settings.KERSA_HOME_REGION}
