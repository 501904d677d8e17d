#!/bin/sh
# CSV import benchmark (issue 10): a city's rooms.csv (2,500 rooms) and sensors.csv (2,700 placements) over 70 sites,
# validated and saved into the school file, against a plain Commons CSV read of the same bytes and the school file
# written alone, in the same run. See docs/benchmarks.md, "CSV import (issue 10)".
# Usage: bench/csvimport.sh [--rooms N] [--sensors N] [--sites N] [--rounds N] [--dir DIR]
set -eu
cd "$(dirname "$0")/.."
mvn -B -o -q -DskipTests test-compile
CP=$(mvn -B -o -q -Dstyle.color=never org.codehaus.mojo:exec-maven-plugin:3.6.4:exec \
        -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test 2>/dev/null \
     || mvn -B -q -Dstyle.color=never org.codehaus.mojo:exec-maven-plugin:3.6.4:exec \
        -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test)
CP=$(printf '%s' "$CP" | sed 's/\x1b\[[0-9;]*m//g' | tail -n 1)
exec java -Xmx1g -cp "$CP" org.frischluft.bench.CsvImportBench "$@"
