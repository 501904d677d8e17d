#!/bin/sh
# Publish -> light on screen latency of a kiosk at 1,000 msg/s background (src/test/java/org/frischluft/bench/LatencyBench),
# against a plain Paho subscriber under the same load. A private Mosquitto on a free port, the kiosk headless (Monocle).
# Usage: bench/latency.sh [--rate 1000] [--probes 200] [--every-ms 250]    Needs: mosquitto, JDK 17, Maven.
set -eu
cd "$(dirname "$0")/.."
. bench/common.sh
PORT=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000 ))
mosquitto -p "$PORT" >/dev/null 2>&1 & BROKER=$!
trap 'kill $BROKER 2>/dev/null || true' EXIT
sleep 0.5
java -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1080-32 \
  -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" org.frischluft.bench.LatencyBench "tcp://127.0.0.1:$PORT" "$@"
