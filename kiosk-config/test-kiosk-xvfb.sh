#!/usr/bin/env bash
# Shows that a kiosk started with the units' command line (kiosk-config/frischluft-kiosk-session) under Xvfb
# paints its room and comes back after kill -9. systemd's Restart=always is played by a small loop here
# (a CI machine or container has no systemd as PID 1); the command line is the unit's.
#   kiosk-config/test-kiosk-xvfb.sh [OUT_DIR]     (needs Xvfb; the installed /usr/bin/frischluft, else target/frischluft.jar)
# Leaves OUT_DIR/kiosk-before.png, kiosk-after-kill.png and kiosk.log; exit 0 when the kiosk came back.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-target/kiosk-xvfb}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
command -v Xvfb >/dev/null || { echo "test-kiosk-xvfb: SKIPPED: no Xvfb (apt-get install xvfb)"; exit 0; }
if [ -x /usr/bin/frischluft ]; then export FRISCHLUFT=/usr/bin/frischluft
else export FRISCHLUFT="java -jar $(pwd)/target/frischluft.jar"; fi
WORK="$(mktemp -d /tmp/frischluft-kiosk-xvfb.XXXXXX)"
mkdir -p "$WORK/run" "$WORK/home" "$WORK/fb"
sed -e "s|^school = .*|school = $(pwd)/kiosk-config/demo-school.json|" -e "s|^display = .*|display = always|" \
  kiosk-config/kiosk.properties > "$WORK/kiosk.properties"
DISPLAY_NO=$(( 90 + RANDOM % 100 ))
Xvfb ":$DISPLAY_NO" -screen 0 1920x1080x24 -fbdir "$WORK/fb" -nolisten tcp >"$WORK/xvfb.log" 2>&1 & XVFB=$!
SUP=""
cleanup() {
  touch "$WORK/stop"
  [ -n "$SUP" ] && kill "$SUP" 2>/dev/null || true
  for p in $(pgrep -f -- "--heartbeat $WORK/run/heartbeat" || true); do kill "$p" 2>/dev/null || true; done
  sleep 1; kill "$XVFB" 2>/dev/null || true
  cp "$WORK/kiosk.log" "$OUT/kiosk.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
sleep 1
export DISPLAY=":$DISPLAY_NO" RUNTIME_DIRECTORY="$WORK/run" FRISCHLUFT_HOME="$WORK/home" FRISCHLUFT_KIOSK_CONFIG="$WORK/kiosk.properties"
# Restart=always, RestartSec=2
( while [ ! -f "$WORK/stop" ]; do
    rc=0; sh kiosk-config/frischluft-kiosk-session >>"$WORK/kiosk.log" 2>&1 || rc=$?
    echo "supervisor: kiosk exited with status $rc; restarting in 2 s" >>"$WORK/kiosk.log"
    sleep 2
  done ) & SUP=$!

kiosk_pid() { pgrep -f -- "--heartbeat $WORK/run/heartbeat" | while read -r p; do
  # the JVM, not the shell around it
  if tr '\0' ' ' < /proc/$p/cmdline | grep -q 'session'; then :; else echo "$p"; fi; done | tail -1; }
wait_for() { # seconds, condition
  local n=$(( $1 * 5 )); shift
  for _ in $(seq "$n"); do if eval "$@"; then return 0; fi; sleep 0.2; done; return 1; }
shot() { python3 kiosk-config/xwd-to-png.py "$WORK/fb/Xvfb_screen0" "$OUT/$1"; echo "test-kiosk-xvfb: screenshot $OUT/$1"; }

t0=$(date +%s.%N)
wait_for 90 '[ -f "$WORK/run/heartbeat" ] && grep -q "showing the kiosk of room" "$WORK/kiosk.log"' \
  || { tail -30 "$WORK/kiosk.log"; echo "test-kiosk-xvfb: FAIL: the kiosk did not come up"; exit 1; }
sleep 8   # let the pump paint the first readings
shot kiosk-before.png
PID=$(kiosk_pid)
echo "test-kiosk-xvfb: kiosk up after $(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)") s, pid $PID; kill -9 $PID"
kill -9 "$PID"
tk=$(date +%s.%N); sleep 0.5
rm -f "$WORK/run/heartbeat"
wait_for 90 '[ -f "$WORK/run/heartbeat" ] && [ "$(grep -c "showing the kiosk of room" "$WORK/kiosk.log")" -ge 2 ]' \
  || { tail -30 "$WORK/kiosk.log"; echo "test-kiosk-xvfb: FAIL: the kiosk did not come back after kill -9"; exit 1; }
NEW=$(kiosk_pid)
echo "test-kiosk-xvfb: back after $(printf '%.1f' "$(echo "$(date +%s.%N) - $tk" | bc)") s (2 s of it RestartSec), new pid $NEW"
sleep 8
shot kiosk-after-kill.png
[ "$NEW" != "$PID" ] || { echo "test-kiosk-xvfb: FAIL: same pid"; exit 1; }
grep "showing the kiosk\|supervisor:" "$WORK/kiosk.log" | sed 's/^/  | /'
echo "test-kiosk-xvfb: ok"
