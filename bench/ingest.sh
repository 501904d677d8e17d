#!/bin/sh
# Ingest benchmark (issue 3): N realistic TTN v3 uplinks through a private Mosquitto, mosquitto_sub and
# `frischluft record` (H2) subscribed at the same time. Prints both rates, their ratio, losses and memory.
# Flat out by default (burst); --rate R publishes at a steady R msg/s and reports whether record keeps up.
# Usage: bench/ingest.sh [N] [--rate R] [--qos 0|1] [--devices D] [--broker-queue unlimited|default] [--warmup W] [--record-jvm "OPTS"] [--keep]
# Needs: JDK 17, Maven, Debian's mosquitto and mosquitto-clients.
set -eu
cd "$(dirname "$0")/.."
mvn -B -o -q -DskipTests test-compile
# The project's test classpath, printed by exec-maven-plugin (dependency:build-classpath does not resolve offline).
CP=$(mvn -B -o -q -Dstyle.color=never org.codehaus.mojo:exec-maven-plugin:3.6.4:exec \
        -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test 2>/dev/null \
     || mvn -B -q -Dstyle.color=never org.codehaus.mojo:exec-maven-plugin:3.6.4:exec \
        -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test)
CP=$(printf '%s' "$CP" | sed 's/\x1b\[[0-9;]*m//g' | tail -n 1)
exec java -cp "$CP" org.frischluft.bench.IngestBench "$@"
