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
	if [ -n "$$KERSA_BENCH_DATABASE_URL" ]; then \
		DATABASE_URL="$$KERSA_BENCH_DATABASE_URL" .venv/bin/python manage.py benchmark_pindai; \
		DATABASE_URL="$$KERSA_BENCH_DATABASE_URL" .venv/bin/python manage.py benchmark_ekspor; fi

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
