"""Uploaded files on an S3-compatible object store (issue 18 item 6), against a real S3
API server: moto in server mode, started by the test on 127.0.0.1 as its own process.

With ``KERSA_S3_BUCKET`` set (``config/settings/penyimpanan.py``) a file uploaded
through the service lands in the bucket, not on the web server's disk, and the
permission-checked download view serves it back byte for byte; a refused upload
leaves no object behind. Skipped when django-storages or moto are not installed
(``requirements-dev.txt`` lists both)."""

import socket
import subprocess
import sys
import time

import environ
import pytest
from django.core.files.storage import storages
from django.urls import reverse

pytest.importorskip("storages.backends.s3")
boto3 = pytest.importorskip("boto3")
pytest.importorskip("moto.server")

from kersa.documents.contoh import unggahan_pdf  # noqa: E402
from kersa.documents.services.berkas import atomic_dengan_berkas, berkas_unggah  # noqa: E402

BUCKET = "kersa-berkas"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    port = _port_bebas()
    proses = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _i in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("moto server did not start")
        yield url
    finally:
        proses.terminate()
        proses.wait(10)


@pytest.fixture
def s3(s3_server, settings, monkeypatch, tmp_path):
    from config.settings.penyimpanan import penyimpanan_default

    for k, v in {
        "KERSA_S3_BUCKET": BUCKET,
        "KERSA_S3_ENDPOINT_URL": s3_server,
        "AWS_ACCESS_KEY_ID": "uji",
        "AWS_SECRET_ACCESS_KEY": "rahasia-uji",
    }.items():
        monkeypatch.setenv(k, v)
    klien = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id="uji",
        aws_secret_access_key="rahasia-uji",
        region_name="us-east-1",
    )
    klien.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {**settings.STORAGES, "default": penyimpanan_default(environ.Env())}
    settings.MEDIA_ROOT = str(tmp_path / "media-tidak-dipakai")
    storages._storages = {}  # the storage handler caches its backends
    yield klien
    storages._storages = {}
    for o in klien.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        klien.delete_object(Bucket=BUCKET, Key=o["Key"])
    klien.delete_bucket(Bucket=BUCKET)


def _kunci(klien) -> list[str]:
    return [o["Key"] for o in klien.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.mark.django_db
def test_uploaded_file_lives_in_the_bucket_and_is_served_back(s3, pemeran, ksdd, client, tmp_path):
    unggahan = unggahan_pdf("surat-penawaran-kapuas.pdf", "Surat penawaran kepada Bupati Kapuas")
    isi = unggahan.read()
    unggahan.seek(0)
    berkas = berkas_unggah(
        ksdd=ksdd, jenis="surat_penawaran", upload=unggahan, user=pemeran.operator
    )
    assert berkas.file.storage.__class__.__name__ == "S3Storage"
    assert _kunci(s3) == [berkas.file.name]
    assert s3.get_object(Bucket=BUCKET, Key=berkas.file.name)["Body"].read() == isi
    assert not (tmp_path / "media-tidak-dipakai").exists()  # nothing on this server's disk

    client.force_login(pemeran.operator)
    r = client.get(reverse("documents:unduh", args=[berkas.pk]))
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == isi
    assert 'filename="surat-penawaran-kapuas.pdf"' in r["Content-Disposition"]
    client.force_login(pemeran.operator_lain)  # another agency: 404, as on disk
    assert client.get(reverse("documents:unduh", args=[berkas.pk])).status_code == 404


@pytest.mark.django_db
def test_refused_action_leaves_no_object_in_the_bucket(s3, pemeran, ksdd):
    with pytest.raises(RuntimeError), atomic_dengan_berkas():
        berkas_unggah(
            ksdd=ksdd, jenis="surat_penawaran", upload=unggahan_pdf(), user=pemeran.operator
        )
        assert len(_kunci(s3)) == 1
        raise RuntimeError("langkah ditolak")
    assert _kunci(s3) == []
