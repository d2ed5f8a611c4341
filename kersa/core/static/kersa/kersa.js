/* KERSA's few behaviours, wired by data- attributes instead of onchange=/onclick=
   (the Content-Security-Policy refuses inline handlers; config/settings/csp.py).
   Listeners sit on the document, so content swapped in by htmx works too. */
"use strict";

// <select data-kirim-saat-ubah>: choosing a value sends its (GET) form.
document.addEventListener("change", function (e) {
  var el = e.target.closest && e.target.closest("[data-kirim-saat-ubah]");
  if (el && el.form) el.form.submit();
});

// <input data-pilih-saat-klik readonly>: a click selects the whole text (to copy it).
document.addEventListener("click", function (e) {
  var el = e.target.closest && e.target.closest("[data-pilih-saat-klik]");
  if (el && el.select) el.select();
});
