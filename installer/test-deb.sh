#!/usr/bin/env bash
# Installs the built .deb on this machine (root), runs the installed copy, removes and purges it again, and
# checks that nothing is left half-configured. CI runs it after 'mvn -B verify' (see .ci/run).
#   installer/test-deb.sh [target/installer/frischluft_<version>_<arch>.deb]
# The record test talks to a Mosquitto at 127.0.0.1:1883 when one answers, else to a private
# 'mosquitto -p <free port>'; without any Mosquitto it skips that step and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
DEB="${1:-$(ls target/installer/frischluft_*.deb | head -1)}"
[ "$(id -u)" = 0 ] || { echo "test-deb: needs root (apt-get install)" >&2; exit 2; }
WORK="$(mktemp -d /tmp/frischluft-deb-test.XXXXXX)"
BROKER_PID=""
cleanup() { [ -n "$BROKER_PID" ] && kill "$BROKER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb: $*"; }

# A machine without a desktop: no recommends (GTK), no xdg-utils, no desktop menu directory.
step "apt-get install --no-install-recommends $DEB"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./$DEB" >"$WORK/install.log" 2>&1 \
  || { cat "$WORK/install.log"; fail "apt-get install"; }
dpkg-query -W -f='${Status}\n' frischluft | grep -qx 'install ok installed' || fail "not 'install ok installed'"

step "frischluft --version"
out="$(frischluft --version)"; echo "  $out" | head -1
echo "$out" | grep -Eq '^frischluft [0-9]' || fail "--version printed: $out"
# class-data sharing (docs/benchmarks.md "Kiosk"): where the package carries a class list, postinst made the
# archive and named it in the launcher's options; -Xshare:on fails where the archive cannot be used
if [ -f /opt/frischluft/lib/app/frischluft.classlist ]; then
  step "class-data sharing archive"
  [ -s /opt/frischluft/lib/app/frischluft.jsa ] || fail "postinst made no /opt/frischluft/lib/app/frischluft.jsa"
  grep -q 'SharedArchiveFile=\$APPDIR/frischluft.jsa' /opt/frischluft/lib/app/frischluft.cfg || fail "the launcher does not use the archive"
  JAVA_TOOL_OPTIONS=-Xshare:on frischluft --version >"$WORK/cds.log" 2>&1 || { cat "$WORK/cds.log"; fail "the archive cannot be used (-Xshare:on)"; }
  echo "  $(du -h /opt/frischluft/lib/app/frischluft.jsa | cut -f1) archive, used"
else
  echo "test-deb: SKIPPED the class-data sharing check: the package has no class list (built without Xvfb/GTK 3)"
fi
getent passwd frischluft >/dev/null || fail "no system user frischluft"
[ "$(stat -c %U /var/lib/frischluft)" = frischluft ] || fail "/var/lib/frischluft not owned by frischluft"
[ -f /lib/systemd/system/frischluft-record.service ] || fail "no systemd unit"
grep -q '^Categories=Education;' /usr/share/applications/frischluft.desktop || fail "desktop entry without category"
frischluft config validate /etc/frischluft/record.properties >"$WORK/validate.log" 2>&1 \
  || { cat "$WORK/validate.log"; fail "the shipped record.properties does not validate"; }

# A short headless record, as the service runs it: the system user, FRISCHLUFT_HOME=/var/lib/frischluft,
# the unit's command line (options after --config name this test's own broker and topic).
PORT=1883
if ! (echo >/dev/tcp/127.0.0.1/1883) 2>/dev/null; then
  PORT=""
  if command -v mosquitto >/dev/null 2>&1; then
    PORT=$(( 20000 + RANDOM % 20000 ))
    mosquitto -p "$PORT" >"$WORK/mosquitto.log" 2>&1 & BROKER_PID=$!
    for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
  fi
fi
if [ -z "$PORT" ] || ! command -v mosquitto_pub >/dev/null 2>&1; then
  echo "test-deb: SKIPPED the record step: no Mosquitto at 127.0.0.1:1883 and no mosquitto/mosquitto_pub on the PATH"
else
  DEV="ci$$r$RANDOM"
  step "record from the installed copy (broker 127.0.0.1:$PORT, topic tele/$DEV/SENSOR)"
  EXEC="$(sed -n 's/^ExecStart=//p' /lib/systemd/system/frischluft-record.service)"
  # the shipped settings name 127.0.0.1:1883: a private broker is given on the command line instead
  sed -e "s|^broker.local.url = .*|broker.local.url = tcp://127.0.0.1:$PORT|" \
      -e "s|^broker.local.topics = .*|broker.local.topics = tele/$DEV/SENSOR|" \
      -e "s|^broker.local.client-id = .*|broker.local.client-id = frischluft-deb-test-$DEV|" \
      /etc/frischluft/record.properties > "$WORK/record.properties"
  chmod 644 "$WORK/record.properties"; chmod 755 "$WORK"
  CMD="${EXEC/\/etc\/frischluft\/record.properties/$WORK/record.properties} --stats-every 1s"
  runuser -u frischluft -- env FRISCHLUFT_HOME=/var/lib/frischluft $CMD >"$WORK/record.log" 2>&1 & REC=$!
  for _ in $(seq 150); do grep -q 'connected\|recording into' "$WORK/record.log" && break; sleep 0.2; done
  sleep 2
  for i in 1 2 3; do
    mosquitto_pub -h 127.0.0.1 -p "$PORT" -t "tele/$DEV/SENSOR" \
      -m "{\"Time\":\"$(date -u +%Y-%m-%dT%H:%M:%S)\",\"SCD30\":{\"CarbonDioxide\":$((600 + i)),\"Temperature\":21.5,\"Humidity\":45.0},\"TempUnit\":\"C\"}"
    sleep 1
  done
  for _ in $(seq 50); do grep -Eq 'stored [1-9]' "$WORK/record.log" && break; sleep 0.2; done
  kill -TERM "$REC"; rc=0; wait "$REC" || rc=$?
  sed 's/^/  | /' "$WORK/record.log" | tail -4
  grep -Eq 'stored [1-9]' "$WORK/record.log" || fail "record stored nothing"
  [ "$rc" = 0 ] || [ "$rc" = 143 ] || fail "record exited $rc after SIGTERM"
  ls /var/lib/frischluft/history.mv.db >/dev/null || fail "no history in /var/lib/frischluft"
fi

step "apt-get remove"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q frischluft >"$WORK/remove.log" 2>&1 \
  || { cat "$WORK/remove.log"; fail "apt-get remove"; }
[ ! -e /usr/bin/frischluft ] || fail "/usr/bin/frischluft left behind"
[ ! -e /opt/frischluft ] || fail "/opt/frischluft left behind"
[ ! -e /lib/systemd/system/frischluft-record.service ] || fail "unit left behind"
[ -f /etc/frischluft/record.properties ] || fail "remove (not purge) must keep the configuration"
dpkg-query -W -f='${Status}\n' frischluft | grep -qx 'deinstall ok config-files' || fail "state after remove: $(dpkg-query -W -f='${Status}' frischluft)"
step "apt-get purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q frischluft >"$WORK/purge.log" 2>&1 \
  || { cat "$WORK/purge.log"; fail "apt-get purge"; }
[ ! -e /etc/frischluft ] || fail "/etc/frischluft left behind by purge"
if dpkg-query -W frischluft >/dev/null 2>&1; then fail "package still known to dpkg after purge"; fi
# nothing half-installed or half-configured anywhere (dpkg --audit prints nothing when all is well)
[ -z "$(dpkg --audit)" ] || { dpkg --audit; fail "dpkg --audit reports broken packages"; }
rm -rf /var/lib/frischluft   # this test's own history
step "ok: installed, ran, removed and purged cleanly"
