"""Oversight of running cooperation: disputes and their settlement (Pasal 29–30),
funding assistance (Pasal 31), the Sekretariat Kerja Sama (Pasal 40–41), association
memberships (Pasal 43) and guidance to agencies (Pasal 44).

ARCHITECTURE.md puts these in the reporting room; they are records with their own
rules and writes rather than reports, so they have their own app (docs/arsitektur.md).
"""
