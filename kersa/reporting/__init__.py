"""Reporting: semester reports of each running KSDD and the Bupati's report to the
Gubernur (Pasal 27), monitoring and evaluation (Pasal 28), TKKSD's semester and annual
reports (Pasal 34 ayat 2 huruf j, ayat 3), the dashboard, exports and the public
register of signed agreements."""
