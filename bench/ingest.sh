#!/bin/sh
# Ingest benchmark (issue 3): N realistic TTN v3 uplinks through a private Mosquitto, mosquitto_sub and
# `frischluft record` (H2) subscribed at the same time. Prints both rates, their ratio, losses and memory.
# Flat out by default (burst); --rate R publishes at a steady R msg/s and reports whether record keeps up.
# Usage: bench/ingest.sh [N] [--rate R] [--qos 0|1] [--devices D] [--broker-queue unlimited|default] [--warmup W] [--record-jvm "OPTS"] [--keep]
# Needs: JDK 17, Maven, Debian's mosquitto and mosquitto-clients.
set -eu
cd "$(dirname "$0")/.."
. bench/common.sh
exec java -cp "$CP" org.frischluft.bench.IngestBench "$@"
