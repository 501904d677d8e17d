#!/bin/sh
# A city on PostgreSQL (issue 15): insert rate through the real writer (rollups as database upserts; one and two
# writers) against raw JDBC batch inserts and COPY in the same run, then a 30-day room chart from rooms x days
# readings at one a minute. Creates the database frischluft_bench if it is missing; its schemas are dropped at the
# end (--keep leaves them). Usage:
#   bench/postgres.sh [--rooms 2500] [--days 30] [--write-minutes 60] [--chart-rounds 20] [--url JDBC] [--user U] [--keep]
# Needs: JDK 17, Maven, a PostgreSQL that lets the user create schemas (default 127.0.0.1:5432, user postgres, psql).
# 2,500 rooms x 30 days = 108 M readings: about 14 GB on disk while it runs.
set -eu
cd "$(dirname "$0")/.."
if command -v psql >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'frischluft_bench'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE frischluft_bench"
fi
. bench/common.sh
exec java -Xmx2g -cp "$CP" org.frischluft.bench.PostgresBench "$@"
