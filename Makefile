.PHONY: run test bench lint

# Set up and run KERSA on SQLite with demo data at http://127.0.0.1:8000 (web + worker).
run:
	scripts/run.sh

# The whole test suite: checks, then pytest on SQLite and on PostgreSQL.
test:
	scripts/test.sh

# Query counts and response times of the main pages, document generation, and the time to
# sign (PAdES B-LT) and validate a 4-page PKS (prints tables).
bench:
	scripts/bootstrap.sh requirements-dev.txt
	.venv/bin/python manage.py benchmark
	.venv/bin/python manage.py benchmark_dokumen
	.venv/bin/python manage.py benchmark_impor
	.venv/bin/python manage.py benchmark_tte
	# The daily scan (rolled back) and the exports (their rows deleted after) on a national
	# data set (buat_data_nasional):
	# KERSA_BENCH_DATABASE_URL=postgres://…/kersa_bench make bench
	# Every page's p95 through a real server against a bare view (benchmark_skala); with
	# KERSA_BENCH_DATABASE_URL_1K (a 1,000-KSDD data set) too, the bytes per page of the
	# large data set are checked against the small one's:
	# KERSA_BENCH_DATABASE_URL_1K=postgres://…/kersa_bench_1k KERSA_BENCH_DATABASE_URL=… make bench
	if [ -n "$$KERSA_BENCH_DATABASE_URL_1K" ]; then \
		DATABASE_URL="$$KERSA_BENCH_DATABASE_URL_1K" .venv/bin/python manage.py benchmark_skala \
			--simpan var/bench/halaman_1k.json; fi
	if [ -n "$$KERSA_BENCH_DATABASE_URL" ]; then \
		DATABASE_URL="$$KERSA_BENCH_DATABASE_URL" .venv/bin/python manage.py benchmark_pindai; \
		DATABASE_URL="$$KERSA_BENCH_DATABASE_URL" .venv/bin/python manage.py benchmark_ekspor; \
		DATABASE_URL="$$KERSA_BENCH_DATABASE_URL" .venv/bin/python manage.py benchmark_skala \
			$${KERSA_BENCH_DATABASE_URL_1K:+--banding var/bench/halaman_1k.json}; fi

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
