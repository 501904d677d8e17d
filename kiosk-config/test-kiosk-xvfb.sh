#!/usr/bin/env bash
# Shows that a kiosk started with the units' command line (kiosk-config/frischluft-kiosk-session) under Xvfb
# paints its room and comes back after kill -9. systemd's Restart=always is played by a small loop here
# (a CI machine or container has no systemd as PID 1); the command line is the unit's.
#   kiosk-config/test-kiosk-xvfb.sh [OUT_DIR]     (needs Xvfb; the installed /usr/bin/frischluft, else target/frischluft.jar;
#                                                  FRISCHLUFT="java -jar …" picks one)
# Leaves OUT_DIR/kiosk-first-frame.png (before the first reading), kiosk-before.png, kiosk-after-kill.png and kiosk.log; exit 0 when the kiosk came back and both
# screenshots show a painted kiosk with a reading. No Xvfb: prints "SKIPPED: <why>" and exits 3.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-target/kiosk-xvfb}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
command -v Xvfb >/dev/null || { echo "test-kiosk-xvfb: SKIPPED: no Xvfb (apt-get install xvfb)"; exit 3; }
# JavaFX draws through GTK 3 on X11 (the .deb recommends it; a server installed without recommends has none)
{ ldconfig -p 2>/dev/null || true; } | grep -q 'libgtk-3\.so\.0' \
  || { echo "test-kiosk-xvfb: SKIPPED: no GTK 3 (apt-get install libgtk-3-0)"; exit 3; }
command -v python3 >/dev/null || { echo "test-kiosk-xvfb: SKIPPED: no python3 for the screenshots"; exit 3; }
if [ -n "${FRISCHLUFT:-}" ]; then :
elif [ -x /usr/bin/frischluft ]; then FRISCHLUFT=/usr/bin/frischluft
else FRISCHLUFT="java -jar $(pwd)/target/frischluft.jar"; fi
export FRISCHLUFT
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
shot() { # the screen as PNG; fails when it shows no painted kiosk (a blank or single-colour screen)
  python3 kiosk-config/xwd-to-png.py "$WORK/fb/Xvfb_screen0" "$OUT/$1" --min-colours 20
  echo "test-kiosk-xvfb: screenshot $OUT/$1"; }

t0=$(date +%s.%N)
wait_for 90 '[ -f "$WORK/run/heartbeat" ] && grep -q "showing the kiosk of room" "$WORK/kiosk.log"' \
  || { tail -30 "$WORK/kiosk.log"; echo "test-kiosk-xvfb: FAIL: the kiosk did not come up"; exit 1; }
# the first painted frame: the room and its light, grey until the back end (store, broker link) brings a reading
wait_for 60 'grep -q "kiosk on screen" "$WORK/kiosk.log"' \
  || { tail -30 "$WORK/kiosk.log"; echo "test-kiosk-xvfb: FAIL: the kiosk painted no frame"; exit 1; }
grep -q "first light on screen" "$WORK/kiosk.log" || shot kiosk-first-frame.png
wait_for 60 'grep -q "first light on screen" "$WORK/kiosk.log"' \
  || { tail -30 "$WORK/kiosk.log"; echo "test-kiosk-xvfb: FAIL: no reading on screen"; exit 1; }
sleep 1   # the frame after the one that painted it
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
wait_for 60 '[ "$(grep -c "first light on screen" "$WORK/kiosk.log")" -ge 2 ]' \
  || { tail -30 "$WORK/kiosk.log"; echo "test-kiosk-xvfb: FAIL: no reading on screen after the restart"; exit 1; }
sleep 1
shot kiosk-after-kill.png
[ "$NEW" != "$PID" ] || { echo "test-kiosk-xvfb: FAIL: same pid"; exit 1; }
grep "showing the kiosk\|kiosk on screen\|first light on screen\|supervisor:" "$WORK/kiosk.log" | sed 's/^/  | /'
echo "test-kiosk-xvfb: ok"
