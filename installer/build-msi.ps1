# Builds Frischluft.msi for a caretaker's Windows PC (x64), with its own Java runtime. Not run by CI (Linux).
# Needs: JDK 17+ (jpackage on the PATH), Maven, and the WiX Toolset 3.x (candle.exe, light.exe on the PATH).
#   powershell -ExecutionPolicy Bypass -File installer\build-msi.ps1
# Installs to "C:\Program Files\Frischluft", a Start-menu entry, per-machine; an upgrade replaces the old version
# (fixed upgrade UUID). Data stays in %LOCALAPPDATA%\Frischluft.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$pom = Get-Content pom.xml -Raw
$version = ([regex]'<version>([0-9.]+)').Match($pom).Groups[1].Value   # 0.1.0-SNAPSHOT -> 0.1.0, no colours
mvn -B -q "-Dstyle.color=never" -DskipTests package "-Djavafx.platform=win"
Remove-Item -Recurse -Force target\jpackage-input, target\installer -ErrorAction SilentlyContinue
New-Item -ItemType Directory target\jpackage-input | Out-Null
Copy-Item target\frischluft-win.jar target\jpackage-input\frischluft.jar
$mods = "java.base,java.desktop,java.datatransfer,java.xml,java.logging,java.prefs,java.sql,java.naming,java.management,java.net.http,java.scripting,java.security.jgss,jdk.unsupported,jdk.unsupported.desktop,jdk.xml.dom,jdk.crypto.ec,jdk.crypto.mscapi,jdk.net,jdk.charsets,jdk.localedata"
jpackage --type msi --name Frischluft --app-version $version --vendor "Frischluft contributors" `
  --description "Classroom CO2 traffic light and school overview" --license-file LICENSE `
  --input target\jpackage-input --main-jar frischluft.jar --main-class org.frischluft.app.Main `
  --arguments overview --add-modules $mods `
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" `
  --win-menu --win-menu-group Frischluft --win-shortcut --win-per-user-install:$false --win-dir-chooser `
  --win-upgrade-uuid 6c1f6f55-8f0e-4a57-9d6b-8a0f1e1d2c14 --dest target\installer
Get-ChildItem target\installer\*.msi
