"""Forms of the KSDD record, its KAK, and one form per step of the workflow, by family:
``ksdd`` (the record, its KAK, the DPRD inputs), ``langkah`` (the step base and the steps
of stages a–c and the ends), ``naskah`` (drafts, signing, the KB's extension), ``surat``
(the steps that record a letter), ``surat_kuasa``, ``registrasi`` (an agreement signed
before KERSA, P26). Each module lists its forms in ``__all__``; they are all importable
from ``kersa.agreements.forms``, as is the kit they build on (``core.forms``,
``documents.forms.BerkasField``, ``regions.forms.WilayahField``).

The forms only collect and shape input. The rules of the regulation live in
``agreements.services``, which the views call with ``form.argumen()``; a refusal
(``RuleViolation``) comes back onto the form through ``tambah_pelanggaran`` as
"<detail> [<rule>]" on the field it names. The one check done here as well is the
content of an uploaded file (``BerkasField``), with the same function the
services use, so that its error lands on the right field.
"""

from kersa.core.forms import FormKersa, RupiahField, TanggalField, pesan_pelanggaran  # noqa: F401
from kersa.documents.forms import BerkasField  # noqa: F401
from kersa.regions.forms import WilayahField, wilayah_terdekat  # noqa: F401

from ._dasar import nomor_dihasilkan  # noqa: F401
from .ksdd import *  # noqa: F401,F403
from .langkah import *  # noqa: F401,F403
from .naskah import *  # noqa: F401,F403
from .registrasi import *  # noqa: F401,F403
from .surat import *  # noqa: F401,F403
from .surat_kuasa import *  # noqa: F401,F403
