#!/usr/bin/env bash
# Start-up and memory of the kiosk on a kiosk-like setup (Xvfb 1920x1080, software rendering, the packaged jar),
# each against a JavaFX hello world (bench/HelloFx: a circle and a word, fullscreen) on the same JDK, the same
# JavaFX, the same JVM options and environment, measured in the same run, alternating:
#   1. cold start to the first painted light: the JVM uptime at the first frame that shows the kiosk's room with
#      its light ("kiosk on screen" in the log; grey "waiting for data" until a reading is there), for the demo
#      kiosk ('demo --kiosk r-101': embedded broker, simulated school, H2) and the classroom kiosk ('kiosk --config'
#      on a private Mosquitto); for the demo also the first frame with a reading ("first light on screen").
#      Then the same with an AppCDS archive (-XX:SharedArchiveFile, dumped by jcmd after a training run).
#   2. RSS over a simulated 24 h school day (--speedup 720: 24 h in 2 min), sampled every 5 s: the demo kiosk, and
#      the classroom kiosk reading a private Mosquitto fed by a separate 'simulate' process.
# Usage: bench/startup.sh [RUNS] [--jvm "OPTS"]   (SKIP_STARTUP=1 or SKIP_RSS=1 for one half)
#   default OPTS and environment: the kiosk session's (kiosk-config/frischluft-kiosk-session); KIOSK_ENV="" for none.
# Needs: Xvfb, mosquitto, target/frischluft.jar, target/test-classes.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
# the same as kiosk-config/frischluft-kiosk-session
JVM_OPTS="-Xms32m -Xmx96m -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1"
[ "${2:-}" = "--jvm" ] && JVM_OPTS="${3:-}"
KIOSK_ENV="${KIOSK_ENV-GDK_GL=disable MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=262144 MALLOC_TRIM_THRESHOLD_=1048576}"
[ -f target/frischluft.jar ] && [ -d target/test-classes/org/frischluft/bench ] \
  || mvn -B -o -q -DskipTests package test-compile
OUT=target/bench; mkdir -p "$OUT"
# class-data sharing takes jars only: the hello world goes into one of its own
(cd target/test-classes && jar cf ../bench/hellofx.jar org/frischluft/bench/HelloFx*.class)
D=$(( 100 + RANDOM % 100 ))
Xvfb ":$D" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & XVFB=$!
PORT=$(( 20000 + RANDOM % 20000 ))
mosquitto -p "$PORT" >/dev/null 2>&1 & MQ=$!
trap 'kill $XVFB $MQ 2>/dev/null || true' EXIT
export DISPLAY=":$D"
sleep 1
JAVA="env $KIOSK_ENV java -Dprism.order=sw $JVM_OPTS"
printf 'school = %s\nroom = r-101\nlanguage = de\ndisplay = always\nbroker.sim.url = tcp://127.0.0.1:%s\nbroker.sim.topics = v3/+/devices/+/up\nbroker.sim.qos = 0\n' \
  "$(pwd)/kiosk-config/demo-school.json" "$PORT" > "$OUT/kiosk-bench.properties"   # history: the kiosk's default file

# runs "$@" until its output matches PATTERN (and PATTERN2 when given); prints the JVM-uptime ms of each
first() { # pattern, pattern2 or "", log, cmd...
  local pattern="$1" pattern2="$2" log="$3"; shift 3
  "$@" >"$log" 2>&1 & local pid=$!
  for _ in $(seq 900); do
    grep -aq "$pattern" "$log" && { [ -z "$pattern2" ] || grep -aq "$pattern2" "$log"; } && break; sleep 0.05; done
  local up up2=""; up=$(grep -am1 "$pattern" "$log" | sed -E 's/.*after ([0-9]+) ms.*/\1/')
  [ -n "$pattern2" ] && up2=$(grep -am1 "$pattern2" "$log" | sed -E 's/.*after ([0-9]+) ms.*/\1/')
  stop "$pid"
  echo "$up $up2"
}
stop() { # SIGTERM to the JVM itself (the functions above exec it): it ends through System.exit
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 200); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { echo "scale=2; $1 / $2" | bc; }

CDS=""
hello() { exec $JAVA $CDS -cp target/frischluft.jar:$OUT/hellofx.jar org.frischluft.bench.HelloFx\$Main; }
demo() { exec env FRISCHLUFT_HOME="$OUT/home" $JAVA $CDS -jar target/frischluft.jar demo --kiosk r-101; }
classroom() { exec env FRISCHLUFT_HOME="$OUT/home" $JAVA $CDS -jar target/frischluft.jar kiosk --config "$OUT/kiosk-bench.properties" --watchdog 0s; }

run_all() { # label
  : >"$OUT/hello.$1"; : >"$OUT/demo.$1"; : >"$OUT/classroom.$1"
  for i in $(seq "$RUNS"); do
    first "first frame after" "" "$OUT/hello.log" hello >>"$OUT/hello.$1"
    first "kiosk on screen" "first light on screen" "$OUT/demo.log" demo >>"$OUT/demo.$1"
    first "kiosk on screen" "" "$OUT/classroom.log" classroom >>"$OUT/classroom.$1"
  done
  local h d dr c
  h=$(cut -d' ' -f1 "$OUT/hello.$1" | median)
  d=$(cut -d' ' -f1 "$OUT/demo.$1" | median); dr=$(cut -d' ' -f2 "$OUT/demo.$1" | median)
  c=$(cut -d' ' -f1 "$OUT/classroom.$1" | median)
  printf '%-7s hello world %5s ms | classroom kiosk on screen %5s ms (%sx) | demo kiosk on screen %5s ms (%sx), first reading %5s ms (%sx)\n' \
    "$1" "$h" "$c" "$(ratio "$c" "$h")" "$d" "$(ratio "$d" "$h")" "$dr" "$(ratio "$dr" "$h")"
}

if [ -z "${SKIP_STARTUP:-}" ]; then
echo "start-up, median of $RUNS runs each, alternating; $KIOSK_ENV java -Dprism.order=sw $JVM_OPTS; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
run_all plain
# AppCDS: one training run each, dumped with jcmd once the light is painted (JDK 17 does not dump
# -XX:ArchiveClassesAtExit when a signal ends the JVM)
train() { # pattern, archive, cmd...
  local pattern="$1" jsa="$2"; shift 2
  rm -f "$jsa"
  "$@" >"$OUT/train.log" 2>&1 & local pid=$!
  for _ in $(seq 900); do grep -aq "$pattern" "$OUT/train.log" && break; sleep 0.05; done
  sleep 2
  local jvm; jvm=$(pgrep -P "$pid" java || echo "$pid")
  jcmd "$jvm" VM.cds dynamic_dump "$jsa" >/dev/null 2>&1 || jcmd "$pid" VM.cds dynamic_dump "$jsa" >/dev/null
  stop "$pid"
}
CDS="-XX:+RecordDynamicDumpInfo"
train "first frame after" "$OUT/hello.jsa" hello
train "first light on screen" "$OUT/demo.jsa" demo
train "kiosk on screen" "$OUT/classroom.jsa" classroom
ls -la "$OUT"/*.jsa | awk '{print "archive " $NF ": " int($5/1048576) " MB"}'
hello() { exec $JAVA -XX:SharedArchiveFile="$OUT/hello.jsa" -cp target/frischluft.jar:$OUT/hellofx.jar org.frischluft.bench.HelloFx\$Main; }
demo() { exec env FRISCHLUFT_HOME="$OUT/home" $JAVA -XX:SharedArchiveFile="$OUT/demo.jsa" -jar target/frischluft.jar demo --kiosk r-101; }
classroom() { exec env FRISCHLUFT_HOME="$OUT/home" $JAVA -XX:SharedArchiveFile="$OUT/classroom.jsa" -jar target/frischluft.jar kiosk --config "$OUT/kiosk-bench.properties" --watchdog 0s; }
CDS=""
run_all appcds
fi
[ -n "${SKIP_RSS:-}" ] && exit 0
# RSS over a simulated day, each kiosk between two hello worlds
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }
hello_rss() { $JAVA -cp target/frischluft.jar:$OUT/hellofx.jar org.frischluft.bench.HelloFx\$Main >/dev/null 2>&1 & local p=$!
  sleep 8; rss $p; stop $p; }
day() { # label, pid, log: RSS at the first painted light, after 125 s, max
  local pid="$2" start max=0 r end
  for _ in $(seq 900); do grep -q "kiosk on screen" "$3" && break; sleep 0.1; done
  start=$(rss "$pid")
  for _ in $(seq 0 5 125); do r=$(rss "$pid"); [ "$r" -gt "$max" ] && max=$r; sleep 5; done
  end=$(rss "$pid")
  echo "RSS $1: at first light $start MB, after a simulated 24 h $end MB, max $max MB"
}
echo "RSS; $KIOSK_ENV java -Dprism.order=sw $JVM_OPTS; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RSS hello world: $(hello_rss) MB"
# the demo kiosk: the embedded broker and the 27-room simulator inside the kiosk's JVM
env FRISCHLUFT_HOME="$OUT/home" $JAVA -jar target/frischluft.jar demo --kiosk r-101 --speedup 720 >"$OUT/day.log" 2>&1 & KP=$!
day "demo kiosk (--speedup 720)" $KP "$OUT/day.log"; stop $KP
echo "RSS hello world: $(hello_rss) MB"
# the classroom kiosk proper: a separate 'simulate' process feeds the private Mosquitto, the kiosk reads it like
# a school's broker (no broker or simulator in the kiosk's JVM)
rm -f "$OUT"/home/history.*
env FRISCHLUFT_HOME="$OUT/home" $JAVA -jar target/frischluft.jar kiosk --config "$OUT/kiosk-bench.properties" --watchdog 0s >"$OUT/kiosk-day.log" 2>&1 & KP=$!
sleep 3
java -Xmx256m -jar target/frischluft.jar simulate --broker "tcp://127.0.0.1:$PORT" --speedup 720 --for 135 >"$OUT/simulate.log" 2>&1 & SP=$!
day "classroom kiosk (simulate --speedup 720)" $KP "$OUT/kiosk-day.log"
stop $SP; stop $KP
echo "  simulate: $(grep -a "simulated school stopped" "$OUT/simulate.log" | sed "s/.*INFO SimulatedSchool - //")"
echo "RSS hello world: $(hello_rss) MB; load $(cut -d' ' -f1-3 /proc/loadavg)"
