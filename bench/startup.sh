#!/usr/bin/env bash
# Start-up and memory of the kiosk on a kiosk-like setup (Xvfb 1920x1080, software rendering, the packaged jar):
#   1. cold start to the first painted light: 'frischluft demo --kiosk r-101' (embedded broker, simulated school,
#      H2) until its log says "first light on screen", against the baseline in the same run, a JavaFX
#      hello world (bench/HelloFx: a circle and a word, fullscreen) on the same JDK and JavaFX; then both again
#      with an AppCDS archive (-XX:SharedArchiveFile, made by a training run with -XX:ArchiveClassesAtExit).
#   2. RSS of the kiosk over a simulated 24 h school day (--speedup 720: 24 h in 2 min), sampled every 5 s,
#      against the hello world's RSS.
# Usage: bench/startup.sh [RUNS] [--jvm "OPTS"]   (SKIP_STARTUP=1 or SKIP_RSS=1 for one half)      Needs: Xvfb, target/frischluft.jar, target/test-classes.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
JVM_OPTS=""
[ "${2:-}" = "--jvm" ] && JVM_OPTS="${3:-}"
[ -f target/frischluft.jar ] && [ -d target/test-classes/org/frischluft/bench ] \
  || mvn -B -o -q -DskipTests package test-compile
OUT=target/bench; mkdir -p "$OUT"
# class-data sharing takes jars only: the hello world goes into one of its own
(cd target/test-classes && jar cf ../bench/hellofx.jar org/frischluft/bench/HelloFx*.class)
D=$(( 100 + RANDOM % 100 ))
Xvfb ":$D" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
export DISPLAY=":$D"
sleep 1
JAVA="java -Dprism.order=sw $JVM_OPTS"

# runs "$@" until its output matches PATTERN; prints the JVM-uptime ms from the matched line and the wall ms
first() { # pattern, log, cmd...
  local pattern="$1" log="$2"; shift 2
  local t0; t0=$(date +%s%N)
  "$@" >"$log" 2>&1 & local pid=$!
  for _ in $(seq 600); do grep -q "$pattern" "$log" && break; sleep 0.05; done
  local t1; t1=$(date +%s%N)
  local up; up=$(grep -m1 "$pattern" "$log" | sed -E 's/.*after ([0-9]+) ms.*/\1/')
  stop "$pid"
  echo "$up $(( (t1 - t0) / 1000000 ))"
}
stop() { # SIGTERM: the JVM ends through System.exit, so an AppCDS archive is written (SIGINT may be ignored in CI)
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 200); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

hello() { $JAVA $CDS -cp target/frischluft.jar:$OUT/hellofx.jar org.frischluft.bench.HelloFx\$Main; }
kiosk() { env FRISCHLUFT_HOME="$OUT/home" $JAVA $CDS -jar target/frischluft.jar demo --kiosk r-101; }

run_pair() { # label
  : >"$OUT/hello.$1" ; : >"$OUT/kiosk.$1"
  for i in $(seq "$RUNS"); do
    first "first frame after" "$OUT/hello.log" hello >>"$OUT/hello.$1"
    first "first light on screen" "$OUT/kiosk.log" kiosk >>"$OUT/kiosk.$1"
  done
  local h k hw kw
  h=$(cut -d' ' -f1 "$OUT/hello.$1" | median); hw=$(cut -d' ' -f2 "$OUT/hello.$1" | median)
  k=$(cut -d' ' -f1 "$OUT/kiosk.$1" | median); kw=$(cut -d' ' -f2 "$OUT/kiosk.$1" | median)
  printf '%-8s hello world: first frame %5s ms (wall %5s ms) | kiosk: first light %5s ms (wall %5s ms) | ratio %s (wall %s)\n' \
    "$1" "$h" "$hw" "$k" "$kw" "$(echo "scale=2; $k / $h" | bc)" "$(echo "scale=2; $kw / $hw" | bc)"
}

if [ -z "${SKIP_STARTUP:-}" ]; then
echo "start-up, median of $RUNS runs each, alternating; JVM: java -Dprism.order=sw $JVM_OPTS; $(java -version 2>&1 | head -1)"
CDS=""
run_pair plain
# AppCDS: one training run each, dumped with jcmd once the light is painted (JDK 17 does not dump
# -XX:ArchiveClassesAtExit when a signal ends the JVM)
train() { # pattern, archive, cmd...
  local pattern="$1" jsa="$2"; shift 2
  rm -f "$jsa"
  "$@" >"$OUT/train.log" 2>&1 & local pid=$!
  for _ in $(seq 600); do grep -q "$pattern" "$OUT/train.log" && break; sleep 0.05; done
  sleep 2
  local jvm; jvm=$(pgrep -P "$pid" java || echo "$pid")
  jcmd "$pid" VM.cds dynamic_dump "$jsa" >/dev/null 2>&1 || jcmd "$jvm" VM.cds dynamic_dump "$jsa" >/dev/null
  stop "$pid"
}
CDS="-XX:+RecordDynamicDumpInfo"
train "first frame after" "$OUT/hello.jsa" hello
train "first light on screen" "$OUT/kiosk.jsa" kiosk
ls -la "$OUT"/*.jsa | awk '{print "archive " $NF ": " int($5/1048576) " MB"}'
hello() { $JAVA -XX:SharedArchiveFile="$OUT/hello.jsa" -cp target/frischluft.jar:$OUT/hellofx.jar org.frischluft.bench.HelloFx\$Main; }
kiosk() { env FRISCHLUFT_HOME="$OUT/home" $JAVA -XX:SharedArchiveFile="$OUT/kiosk.jsa" -jar target/frischluft.jar demo --kiosk r-101; }
CDS=""
run_pair appcds

fi
[ -n "${SKIP_RSS:-}" ] && exit 0
# RSS over a simulated day
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }
$JAVA -cp target/frischluft.jar:$OUT/hellofx.jar org.frischluft.bench.HelloFx\$Main >/dev/null 2>&1 & HP=$!
sleep 8; HELLO_RSS=$(rss $HP); stop $HP
env FRISCHLUFT_HOME="$OUT/home" $JAVA -jar target/frischluft.jar demo --kiosk r-101 --speedup 720 >"$OUT/day.log" 2>&1 & KP=$!
for _ in $(seq 600); do grep -q "first light on screen" "$OUT/day.log" && break; sleep 0.1; done
START_RSS=$(rss $KP); MAX=0; : >"$OUT/rss.txt"
for s in $(seq 0 5 125); do
  r=$(rss $KP); echo "$s $r" >>"$OUT/rss.txt"; [ "$r" -gt "$MAX" ] && MAX=$r; sleep 5
done
END_RSS=$(rss $KP)
stop $KP
echo "RSS: hello world $HELLO_RSS MB | kiosk at first light $START_RSS MB, after a simulated 24 h (125 s at 720x) $END_RSS MB, max $MAX MB"

# RSS of a classroom kiosk proper: the same day, simulated by a separate 'simulate' process through a private
# Mosquitto, the kiosk reading it like a school's broker (no broker or simulator in the kiosk's JVM)
if command -v mosquitto >/dev/null 2>&1; then
  PORT=$(( 20000 + RANDOM % 20000 ))
  mosquitto -p "$PORT" >/dev/null 2>&1 & MQ=$!
  sleep 0.5
  printf 'school = %s\nroom = r-101\nlanguage = de\ndisplay = always\nbroker.sim.url = tcp://127.0.0.1:%s\nbroker.sim.topics = v3/+/devices/+/up\nbroker.sim.qos = 0\ndb = jdbc:h2:file:%s/home/kiosk-history\n' \
    "$(pwd)/kiosk-config/demo-school.json" "$PORT" "$(pwd)/$OUT" > "$OUT/kiosk-bench.properties"
  rm -f "$OUT"/home/kiosk-history.*
  env FRISCHLUFT_HOME="$OUT/home" $JAVA -jar target/frischluft.jar kiosk --config "$OUT/kiosk-bench.properties" --watchdog 0s >"$OUT/kiosk-day.log" 2>&1 & KP=$!
  sleep 3
  java -Xmx256m -jar target/frischluft.jar simulate --broker "tcp://127.0.0.1:$PORT" --speedup 720 --for 130 >"$OUT/simulate.log" 2>&1 & SP=$!
  for _ in $(seq 600); do grep -q "first light on screen" "$OUT/kiosk-day.log" && break; sleep 0.1; done
  START_RSS=$(rss $KP); MAX=0
  for s in $(seq 0 5 125); do r=$(rss $KP); [ "$r" -gt "$MAX" ] && MAX=$r; sleep 5; done
  END_RSS=$(rss $KP)
  stop $SP; stop $KP; kill $MQ 2>/dev/null || true
  echo "RSS, kiosk against a separate simulate process: at first light $START_RSS MB, after a simulated 24 h $END_RSS MB, max $MAX MB ($(grep -c . "$OUT/simulate.log") lines of simulate log)"
fi
