"""TKKSD: its Keputusan Bupati, the offices of Pasal 35 and their holders over time,
the Rapat Pleno and Rapat Teknis with their agenda, attendance, decisions, Berita
Acara and Notulen, and the work programme (Pasal 33–39)."""
