#!/usr/bin/env bash
# Builds a self-contained Frischluft for a classroom screen with jpackage (JDK 17+):
#   installer/build-app-image.sh            -> target/installer/Frischluft/ (app image, runs without a JDK)
#   installer/build-app-image.sh deb        -> also target/installer/frischluft_<version>_amd64.deb
# The image runs bin/Frischluft; a kiosk starts "bin/Frischluft kiosk --config /etc/frischluft/kiosk.properties".
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE="${1:-app-image}"
VERSION="$(mvn -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | sed 's/-SNAPSHOT//')"
VERSION="${VERSION:-0.1.0}"

mvn -B -q -DskipTests package
rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input target/installer
cp target/frischluft.jar target/jpackage-input/

# Java modules the app needs (JavaFX itself is inside the jar, for this platform).
MODS=java.base,java.desktop,java.datatransfer,java.xml,java.logging,java.prefs,java.sql,java.naming,java.management,java.net.http,java.scripting,jdk.unsupported,jdk.unsupported.desktop,jdk.jsobject,jdk.xml.dom,jdk.crypto.ec,jdk.net,jdk.localedata

COMMON=(--name Frischluft --app-version "$VERSION" --vendor "Frischluft contributors"
  --description "Classroom CO2 traffic light and school overview"
  --input target/jpackage-input --main-jar frischluft.jar --main-class org.frischluft.app.Main
  --add-modules "$MODS" --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands"
  --dest target/installer)

jpackage --type app-image "${COMMON[@]}"
echo "app image: target/installer/Frischluft ($(du -sh target/installer/Frischluft | cut -f1))"

if [ "$TYPE" = "deb" ]; then
  # JavaFX's native libraries sit inside the jar, so jpackage cannot see that they need GTK 3 and OpenGL.
  jpackage --type deb "${COMMON[@]}" --linux-package-name frischluft --linux-app-category education \
    --linux-package-deps "libgtk-3-0, libgl1" --linux-shortcut
  ls -l target/installer/*.deb
fi
