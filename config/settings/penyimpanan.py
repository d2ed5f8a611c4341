"""Object storage for uploaded and generated files (issue 18 item 6), optional.

Local disk (``MEDIA_ROOT``) stays the default. With ``KERSA_S3_BUCKET`` set, the
``default`` storage is an S3-compatible bucket through django-storages (AWS S3, MinIO,
Ceph, a provider's object store), so a second web server or worker reads the same
files. Files are private: no public ACL, every URL signed, and KERSA serves them
through its own permission-checked views (``documents.views.berkas``), never by a
public link. A file name is never overwritten (``file_overwrite`` off).

Environment:

- ``KERSA_S3_BUCKET``: the bucket (required to turn it on);
- ``KERSA_S3_ENDPOINT_URL``: the endpoint of a non-AWS store (e.g. ``https://minio.example:9000``);
- ``KERSA_S3_REGION``: the region (default ``us-east-1``);
- ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY``: the credentials (or the machine's
  role, when unset);
- ``KERSA_S3_PREFIX``: a folder inside the bucket (default none).
"""

from __future__ import annotations


def penyimpanan_default(env) -> dict:
    """The ``STORAGES["default"]`` entry for this environment."""
    bucket = env("KERSA_S3_BUCKET", default="")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    opsi = {
        "bucket_name": bucket,
        "region_name": env("KERSA_S3_REGION", default="us-east-1"),
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
        "location": env("KERSA_S3_PREFIX", default=""),
    }
    if endpoint := env("KERSA_S3_ENDPOINT_URL", default=""):
        opsi["endpoint_url"] = endpoint
    if kunci := env("AWS_ACCESS_KEY_ID", default=""):
        opsi["access_key"] = kunci
        opsi["secret_key"] = env("AWS_SECRET_ACCESS_KEY", default="")
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": opsi}
