#!/usr/bin/env bash
# Builds Frischluft-<version>.pkg for macOS with its own Java runtime. Not run by CI (Linux); run it on a Mac
# with JDK 17+ and Maven:  installer/build-pkg.sh
# JavaFX's macOS natives: -Djavafx.platform=mac (Intel) or mac-aarch64 (Apple silicon), as the Mac is.
# Unsigned unless MAC_SIGN_ID names a "Developer ID Installer" identity (then: --mac-sign). Data stays in
# ~/Library/Application Support/Frischluft.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="$(grep -m1 -o '<version>[^<]*</version>' pom.xml | sed -e 's/<[^>]*>//g' -e 's/-.*//')"
PLATFORM="mac"; [ "$(uname -m)" = arm64 ] && PLATFORM="mac-aarch64"
mvn -B -q -Dstyle.color=never -DskipTests package -Djavafx.platform="$PLATFORM"
rm -rf target/jpackage-input target/installer && mkdir -p target/jpackage-input
cp "target/frischluft-$PLATFORM.jar" target/jpackage-input/frischluft.jar
MODS=java.base,java.desktop,java.datatransfer,java.xml,java.logging,java.prefs,java.sql,java.naming,java.management,java.net.http,java.scripting,java.security.jgss,jdk.unsupported,jdk.unsupported.desktop,jdk.xml.dom,jdk.crypto.ec,jdk.net,jdk.charsets,jdk.localedata
SIGN=(); [ -n "${MAC_SIGN_ID:-}" ] && SIGN=(--mac-sign --mac-signing-key-user-name "$MAC_SIGN_ID")
jpackage --type pkg --name Frischluft --app-version "$VERSION" --vendor "Frischluft contributors" \
  --description "Classroom CO2 traffic light and school overview" --license-file LICENSE \
  --input target/jpackage-input --main-jar frischluft.jar --main-class org.frischluft.app.Main \
  --arguments overview --add-modules "$MODS" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
  --mac-package-identifier org.frischluft --mac-package-name Frischluft "${SIGN[@]}" --dest target/installer
ls -l target/installer/*.pkg
