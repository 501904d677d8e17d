#!/usr/bin/env bash
# Builds a self-contained Frischluft with jpackage and a jlink runtime (JDK 17+), no JDK needed where it runs:
#   installer/build-app-image.sh                 -> target/installer/frischluft/ (app image: bin/frischluft)
#   installer/build-app-image.sh deb             -> also target/installer/frischluft_<version>_<arch>.deb
#   installer/build-app-image.sh deb --no-build  -> the same from an existing target/frischluft.jar (CI, after verify)
# What the .deb installs and why it is assembled with dpkg-deb rather than 'jpackage --type deb':
# installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE="${1:-app-image}"
BUILD=yes
[ "${2:-}" = "--no-build" ] && BUILD=no

# The version straight from the pom (no Maven call: help:evaluate colours its output, which once put
# "0.1.0^[[0m" into the package version). jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0.
POM_VERSION="$(grep -m1 -o '<version>[^<]*</version>' pom.xml | sed -e 's/<[^>]*>//g')"
VERSION="$(printf '%s' "$POM_VERSION" | sed -e 's/-.*//' | tr -cd '0-9.')"
if ! printf '%s' "$VERSION" | grep -Eq '^[0-9]+(\.[0-9]+){0,2}$'; then
  echo "build-app-image: cannot read a version from pom.xml (got '$POM_VERSION')" >&2
  exit 2
fi

if [ "$BUILD" = yes ]; then
  mvn -B -q -Dstyle.color=never -DskipTests package
fi
[ -f target/frischluft.jar ] || { echo "build-app-image: target/frischluft.jar is missing (mvn -DskipTests package)" >&2; exit 2; }

rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input target/installer
cp target/frischluft.jar target/jpackage-input/

# Java modules the app needs (JavaFX itself is inside the jar, for this platform; jdeps on the jar plus what
# it cannot see: TLS ciphers, charsets, locale data for German dates).
MODS=java.base,java.desktop,java.datatransfer,java.xml,java.logging,java.prefs,java.sql,java.naming,java.management,java.net.http,java.scripting,java.security.jgss,jdk.unsupported,jdk.unsupported.desktop,jdk.xml.dom,jdk.crypto.ec,jdk.net,jdk.charsets,jdk.localedata

jpackage --type app-image --name frischluft --app-version "$VERSION" --vendor "Frischluft contributors" \
  --description "Classroom CO2 traffic light and school overview" --copyright "Frischluft contributors, Apache-2.0" \
  --input target/jpackage-input --main-jar frischluft.jar --main-class org.frischluft.app.Main \
  --java-options "-Dfile.encoding=UTF-8" \
  --add-modules "$MODS" --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
  --dest target/installer
IMAGE=target/installer/frischluft
echo "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"

# Class-data sharing for a faster start (docs/benchmarks.md, "Kiosk" and "City view"): the classes a kiosk loads up
# to its first reading on screen, and those of the city view up to its first readings, recorded by two training runs
# of the image itself under Xvfb. The archive is dumped from this list where the package is installed
# (deb/postinst): JDK 17's archive holds the jar's path, /opt/frischluft/...
CLASSLIST="$IMAGE/lib/app/frischluft.classlist"
# train NAME "LOG LINE" ARGS...: the image run with ARGS until LOG LINE, its loaded classes in $TRAIN/NAME.classlist
train() {
  NAME="$1"; LINE="$2"; shift 2
  env DISPLAY=":$TD" FRISCHLUFT_HOME="$TRAIN/$NAME" GDK_GL=disable JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$TRAIN/$NAME.classlist" \
    "$IMAGE/bin/frischluft" "$@" >"$TRAIN/$NAME.log" 2>&1 & TPID=$!
  for _ in $(seq 1200); do grep -aq "$LINE" "$TRAIN/$NAME.log" && break; kill -0 $TPID 2>/dev/null || break; sleep 0.1; done
  sleep 2
  kill -TERM $TPID 2>/dev/null || true
  for _ in $(seq 300); do kill -0 $TPID 2>/dev/null || break; sleep 0.1; done
  kill -KILL $TPID 2>/dev/null || true
  grep -aq "$LINE" "$TRAIN/$NAME.log" && [ -s "$TRAIN/$NAME.classlist" ]
}
if command -v Xvfb >/dev/null 2>&1 && { ldconfig -p 2>/dev/null || true; } | grep -q 'libgtk-3\.so\.0'; then
  TRAIN="$(mktemp -d /tmp/frischluft-train.XXXXXX)"
  TD=$(( 200 + RANDOM % 100 ))
  Xvfb ":$TD" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & TXVFB=$!
  sleep 1
  if train kiosk "first light on screen" demo --kiosk r-101; then
    # JDK 17 lists lambda forms as '@lambda-...' lines, which a dump from a list of this JDK understands too; the
    # lists hold names only (no ids), so the city view's adds its own lines, each once
    cp "$TRAIN/kiosk.classlist" "$CLASSLIST"
    if train city "city view: first reading on screen" demo --city 2 --size 1366x768; then
      grep -v '^#' "$TRAIN/city.classlist" | awk 'NR == FNR { seen[$0] = 1; next } !seen[$0]++' "$CLASSLIST" - >>"$CLASSLIST.more"
      cat "$CLASSLIST.more" >>"$CLASSLIST"; rm -f "$CLASSLIST.more"
      echo "class list for the CDS archive: $(wc -l < "$CLASSLIST") classes (training runs: demo --kiosk, demo --city under Xvfb)"
    else
      echo "class list for the CDS archive: $(wc -l < "$CLASSLIST") classes (training run: demo --kiosk under Xvfb; the city view's showed no reading)"
      tail -5 "$TRAIN/city.log" >&2
    fi
  else
    echo "build-app-image: the training run showed no light; the package has no class list (no CDS archive)" >&2
    tail -5 "$TRAIN/kiosk.log" >&2
  fi
  kill $TXVFB 2>/dev/null || true
  rm -rf "$TRAIN"
else
  echo "build-app-image: no Xvfb or GTK 3 here: the package has no class list (no CDS archive; a slower start)"
fi

[ "$TYPE" = "deb" ] || exit 0

ARCH="$(dpkg --print-architecture)"
ROOT=target/installer/deb-root
rm -rf "$ROOT"
install -d "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/etc/frischluft" "$ROOT/lib/systemd/system" \
  "$ROOT/usr/share/applications" "$ROOT/usr/share/icons/hicolor/scalable/apps" "$ROOT/usr/share/doc/frischluft"
cp -a "$IMAGE" "$ROOT/opt/frischluft"
install -m 0755 installer/files/frischluft "$ROOT/usr/bin/frischluft"
install -m 0644 installer/files/record.properties "$ROOT/etc/frischluft/record.properties"
install -m 0600 /dev/null "$ROOT/etc/frischluft/record.env"
printf '# Secrets for frischluft-record, e.g.\n#FRISCHLUFT_TTN_API_KEY=NNSXS....\n' > "$ROOT/etc/frischluft/record.env"
install -m 0644 kiosk-config/kiosk-example.properties "$ROOT/etc/frischluft/kiosk.properties.example"
install -m 0644 kiosk-config/demo-school.json "$ROOT/etc/frischluft/demo-school.json"
install -m 0644 installer/files/frischluft-record.service "$ROOT/lib/systemd/system/frischluft-record.service"
install -m 0644 installer/files/frischluft.desktop "$ROOT/usr/share/applications/frischluft.desktop"
install -m 0644 installer/files/frischluft.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/frischluft.svg"
install -m 0644 installer/files/copyright "$ROOT/usr/share/doc/frischluft/copyright"
install -m 0644 installer/README.md "$ROOT/usr/share/doc/frischluft/README.md"
install -m 0755 installer/deb/postinst installer/deb/prerm installer/deb/postrm "$ROOT/DEBIAN/"
( cd "$ROOT" && find etc -type f | sed 's|^|/|' | sort ) > "$ROOT/DEBIAN/conffiles"
SIZE="$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" installer/deb/control.in > "$ROOT/DEBIAN/control"
DEB="target/installer/frischluft_${VERSION}_${ARCH}.deb"
# gzip: a third of xz's time for 10 % more bytes
dpkg-deb --root-owner-group -Zgzip --build "$ROOT" "$DEB" >/dev/null
echo "package: $DEB ($(du -h "$DEB" | cut -f1), installed $(( SIZE / 1024 )) MB)"
