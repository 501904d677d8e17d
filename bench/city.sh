#!/bin/sh
# The city view at scale (issue 15): the desktop (src/test/java/org/frischluft/bench/CityBench, headless Monocle,
# 1920x1080) for the 27-room demo school (the overview), 301 rooms (7 sites) and 3,010 rooms (70 sites) (the city
# view), each reading a private Mosquitto that a separate 'simulate' process feeds at about 1,000 msg/s (one uplink
# per room every ROOMS/1000 s). Each size twice: the desktop's first start (fresh history, 20 s), then its daily start on
# that history, measured: first content, click -> room detail p50/p95, RSS at the end, CPU % of a core (and by thread).
# Usage: bench/city.sh [SECONDS=120] [CLICKS=20]     Needs: mosquitto, JDK 17, Maven.
# Env: ROOMS_LIST="27 301 3010" (the runs, in order), DESKTOP_JVM (replaces the desktop's heap and GC options),
#      DESKTOP_OPTS (extra JVM options for the desktop, e.g. -XX:StartFlightRecording=filename=city.jfr),
#      CDS=1 (the daily start with a class-data archive of the first start's classes, as the installed package has).
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-120}"; CLICKS="${2:-20}"
CPU_FROM=$(( SECONDS_EACH / 3 )); CPU_FOR=$(( SECONDS_EACH / 2 ))
. bench/common.sh
PORT=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000 ))
mosquitto -p "$PORT" >/dev/null 2>&1 & BROKER=$!
SIM=""
trap 'kill $BROKER $SIM 2>/dev/null || true' EXIT
sleep 0.5
# the desktop's JVM: a bounded heap, as a city operator's PC would run it
DESKTOP_JVM="${DESKTOP_JVM:--Xms64m -Xmx512m -XX:+UseSerialGC}"
OUT=target/bench; mkdir -p "$OUT"
DESKTOP_CP="$CP"
if [ "${CDS:-0}" = 1 ]; then # a class-data archive takes jars only: the classes and test classes as two jars
  jar cf "$OUT/city-main.jar" -C target/classes . && jar cf "$OUT/city-test.jar" -C target/test-classes .
  DESKTOP_CP="$OUT/city-main.jar:$OUT/city-test.jar:$(printf '%s' "$CP" | tr ':' '\n' | grep -v '^target/\|/target/classes$\|/target/test-classes$' | paste -sd:)"
fi
echo "load: $(uptime)"
for ROOMS in ${ROOMS_LIST:-27 301 3010}; do
  if [ "$ROOMS" = 27 ]; then CITY=""; else CITY="--city $(( ROOMS / 43 ))"; fi
  INTERVAL=$(awk "BEGIN { printf \"%.3f\", $ROOMS / 1000 }")
  # shellcheck disable=SC2086
  java -Xmx512m -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.frischluft.app.Main simulate \
    --broker "tcp://127.0.0.1:$PORT" $CITY --interval "$INTERVAL" --speedup 1 --for $(( SECONDS_EACH + 60 )) \
    >"$OUT/city-sim-$ROOMS.log" 2>&1 & SIM=$!
  # the sensors are publishing when the desktop starts: wait for the simulator to connect and warm up its rooms
  i=0; until grep -q '^simulating' "$OUT/city-sim-$ROOMS.log" 2>/dev/null || [ $i -ge 600 ]; do sleep 0.2; i=$((i+1)); done
  sleep 2
  # first the desktop's first start (a fresh history, 20 s: it stores what arrives), then the measured run on that
  # history: the daily start, with the alert rules reading the rooms' last hours
  HISTORY="$OUT/city-history-$ROOMS"; rm -rf "$HISTORY"
  CDS_OPTS=""
  for RUN in first daily; do
    if [ "$RUN" = first ]; then RUN_ARGS="--seconds 20 --clicks 0 --cpu-from 16 --cpu-for 2"
    else RUN_ARGS="--seconds $SECONDS_EACH --clicks $CLICKS --cpu-from $CPU_FROM --cpu-for $CPU_FOR"; fi
    if [ "${CDS:-0}" = 1 ] && [ "$RUN" = first ]; then
      CDS_OPTS="-XX:DumpLoadedClassList=$OUT/city-$ROOMS.classlist"
    elif [ "${CDS:-0}" = 1 ]; then # as the installed package (installer/deb/postinst): a static archive of the first run's classes
      java -Xshare:dump -XX:SharedClassListFile="$OUT/city-$ROOMS.classlist" -XX:SharedArchiveFile="$OUT/city-$ROOMS.jsa" \
        -cp "$DESKTOP_CP" >"$OUT/city-cds-$ROOMS.log" 2>&1 && CDS_OPTS="-XX:SharedArchiveFile=$OUT/city-$ROOMS.jsa" \
        || { echo "no CDS archive (see $OUT/city-cds-$ROOMS.log)"; CDS_OPTS=""; }
    fi
    # shellcheck disable=SC2086
    env MALLOC_ARENA_MAX=2 java $DESKTOP_JVM ${DESKTOP_OPTS:-} $CDS_OPTS -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
      -Dheadless.geometry=1920x1080-32 -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$DESKTOP_CP" org.frischluft.bench.CityBench "tcp://127.0.0.1:$PORT" --rooms "$ROOMS" --history "$HISTORY" $RUN_ARGS \
      2>"$OUT/city-desktop-$ROOMS-$RUN.err" | sed "s/^RESULT /RESULT start=$RUN /" | tee "$OUT/city-$ROOMS-$RUN.txt"
  done
  kill "$SIM" 2>/dev/null || true; wait "$SIM" 2>/dev/null || true; SIM=""
  echo "load: $(uptime)"
done
