"""Planning: identification and mapping of what to cooperate on, the yearly plan list
per urusan, and its Berita Acara (Pasal 7 ayat 2–5, Pasal 8 ayat 2–5)."""
