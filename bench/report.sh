#!/bin/sh
# Term report benchmark (issue 13): the lesson report of 2,500 rooms over an 8-week term from the 5-minute rollups,
# on H2 and PostgreSQL, against the plain JDBC read of the same rows in the same run. See docs/benchmarks.md.
# Usage: bench/report.sh [--rooms N] [--weeks N] [--rounds N] [--dir DIR] [--pg JDBC_URL|none]
# Needs: JDK 17, Maven; PostgreSQL at 127.0.0.1:5432 with a database frischluft_bench13
#   (psql -h 127.0.0.1 -U postgres -d test -c 'CREATE DATABASE frischluft_bench13'), or --pg none.
set -eu
cd "$(dirname "$0")/.."
. bench/common.sh
exec java -Xmx2g -cp "$CP" org.frischluft.bench.ReportBench "$@"
