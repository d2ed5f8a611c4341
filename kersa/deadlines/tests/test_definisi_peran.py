"""Who acts on each clock is written once, beside the clock (``Definisi.peran``,
``peran_tahu``, ``peran_tugas``): the notifications and each person's work list read it
(issue 13 item 4). P16-5, P18-2, P22-3, P27-1."""

from django.utils import translation

from kersa.beranda import kotak
from kersa.core.roles import Peran
from kersa.deadlines.definisi import (
    DEFINISI,
    PERAN_SELALU,
    aturan_bertindak,
    aturan_tugas,
    peran_diberi_tahu,
)
from kersa.notifications import penerima
from kersa.notifications.choices import JenisPengingat as J


def test_every_clock_names_who_acts_with_roles_that_exist():
    for rule, d in DEFINISI.items():
        assert d.peran or d.peran_tugas, rule  # someone in KERSA acts on it
        for p in (*d.peran, *d.peran_tahu, *d.peran_tugas):
            assert p in Peran.values, (rule, p)
        if d.peran_tugas:
            # P17-4 opens its task only on the second request's clock, which is started
            # with akibat BUKA_TUGAS (pemicu._permintaan_kedua); its first 30 days remind.
            assert d.akibat == "buka_tugas" or rule == "P17-4", rule
            assert d.penanggung_tugas, rule


def test_the_shown_penanggung_agrees_with_the_roles():
    """The words on the Tenggat page name the role that acts (the partner region when no
    role of KERSA does)."""
    with translation.override("id"):
        for rule, d in DEFINISI.items():
            teks = str(d.penanggung)
            if not d.peran:
                assert teks == "Daerah mitra", rule
                continue
            label = {
                Peran.BUPATI: ("Bupati",),
                Peran.DPRD: ("DPRD",),
                Peran.KETUA_TKKSD: ("Ketua TKKSD",),
                Peran.OPERATOR_PD: ("Perangkat Daerah pemrakarsa",),
                # The Bagian Pemerintahan: the secretariat's own agency (Pasal 28, 8).
                Peran.SEKRETARIAT_TKKSD: ("Sekretariat TKKSD", "membidangi kerja sama"),
            }[d.peran[0]]
            assert any(x in teks for x in label), (rule, teks)


def test_notifications_and_work_list_read_the_one_mapping():
    assert not hasattr(penerima, "PERAN_PER_ATURAN")
    assert not hasattr(kotak, "ATURAN_PERAN")
    for rule in DEFINISI:
        assert penerima.peran_aturan(rule) == peran_diberi_tahu(rule)
        assert set(PERAN_SELALU) <= penerima.peran_aturan(rule)
    # P16-5: the Bupati sends the second request once the partner's 30 days are gone,
    # so he is told of the missed clock, not of the reminders before it.
    assert Peran.BUPATI in penerima.peran_aturan("P16-4", J.TERLEWAT)
    assert Peran.BUPATI not in penerima.peran_aturan("P16-4", J.H7)
    assert "P16-4" in aturan_tugas(Peran.BUPATI) and "P18-2" in aturan_tugas(Peran.BUPATI)
    assert set(aturan_bertindak(Peran.BUPATI)) == {"P17-4", "P18-1", "P18-2", "P22-1d"}
    assert set(aturan_bertindak(Peran.DPRD)) == {"P22-1b", "P22-1e", "P22-3"}
    assert set(aturan_bertindak(Peran.KETUA_TKKSD)) == {"P37-1"}
    assert set(aturan_bertindak(Peran.OPERATOR_PD)) == {"P19-3", "P12-2", "P27-1"}
