"""An upload handler that keeps memory and disk bounded while a file is read (issue 19).

Django's ``TemporaryFileUploadHandler`` writes every byte of a file to disk before any
check runs; a 500 MB file was spooled whole, then refused at 10 MB. This handler keeps
only the first ``KERSA_MAX_UPLOAD_BYTES + 1`` bytes of each file and counts the rest
without storing it, so ``periksa_berkas`` refuses it with the usual size message (P26)
and the size the file really had. A request whose files add up to more than
``KERSA_MAX_BODY_UNGGAH`` stops reading at once (``StopUpload``); the body-size
middleware (``kersa.core.middleware.BatasUkuranPermintaanMiddleware``) normally refuses
such a request before any byte is read.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler

__all__ = ["BerkasTerbatasUploadHandler"]


class BerkasTerbatasUploadHandler(TemporaryFileUploadHandler):
    def __init__(self, request=None):
        super().__init__(request)
        self.total = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.batas = settings.KERSA_MAX_UPLOAD_BYTES
        self.ditulis = 0
        self.ukuran = 0

    def receive_data_chunk(self, raw_data, start):
        self.ukuran += len(raw_data)
        self.total += len(raw_data)
        if self.total > settings.KERSA_MAX_BODY_UNGGAH:
            raise StopUpload(connection_reset=True)
        boleh = self.batas + 1 - self.ditulis
        if boleh > 0:  # past the limit + 1 byte the file is refused anyway: drop the rest
            potongan = raw_data[:boleh]
            self.file.write(potongan)
            self.ditulis += len(potongan)
        return None

    def file_complete(self, file_size):
        # The size the file really had, though only the first limit + 1 bytes are kept.
        return super().file_complete(self.ukuran)
