#!/bin/sh
# Turns a Debian 12 / Raspberry Pi OS (bookworm) machine with the Frischluft .deb installed into a classroom
# kiosk. Run as root from this folder:   sudo ./setup-kiosk.sh [cage|x]
# What it does, and how to undo it: README.en.md / README.de.md.
set -eu
MODE="${1:-cage}"
HERE="$(cd "$(dirname "$0")" && pwd)"
[ "$(id -u)" = 0 ] || { echo "setup-kiosk: run as root (sudo)" >&2; exit 2; }
command -v frischluft >/dev/null || { echo "setup-kiosk: install the Frischluft .deb first (installer/README.md)" >&2; exit 2; }

case "$MODE" in
  cage) apt-get install -y --no-install-recommends cage xwayland ;;
  x)    apt-get install -y --no-install-recommends xserver-xorg xinit x11-xserver-utils ;;
  *)    echo "setup-kiosk: cage or x, not '$MODE'" >&2; exit 2 ;;
esac
apt-get install -y --no-install-recommends libgtk-3-0 libgl1 fonts-dejavu-core

# The kiosk user: a system account without password, shell or sudo; it may use the screen and nothing else.
if ! getent passwd kiosk >/dev/null; then
  adduser --system --group --home /var/lib/frischluft-kiosk --shell /usr/sbin/nologin --gecos "Frischluft kiosk" kiosk
fi
for g in video render input tty; do getent group "$g" >/dev/null && adduser kiosk "$g" >/dev/null || true; done
passwd -l kiosk >/dev/null 2>&1 || true

install -d -m 0755 /usr/lib/frischluft-kiosk
install -m 0755 "$HERE/frischluft-kiosk-session" /usr/lib/frischluft-kiosk/session
install -m 0755 "$HERE/frischluft-kiosk-watchdog" /usr/lib/frischluft-kiosk/watchdog
install -m 0644 "$HERE"/systemd/*.service "$HERE"/systemd/*.timer /etc/systemd/system/
install -d /etc/systemd/journald.conf.d /etc/systemd/logind.conf.d
install -m 0644 "$HERE/journald-frischluft.conf" /etc/systemd/journald.conf.d/frischluft.conf
install -m 0644 "$HERE/logind-frischluft.conf" /etc/systemd/logind.conf.d/frischluft.conf
install -d -m 0755 /usr/share/doc/frischluft/kiosk
install -m 0644 "$HERE/README.en.md" "$HERE/README.de.md" /usr/share/doc/frischluft/kiosk/

# The kiosk's settings: root's to edit, the kiosk's to read (the PIN hash is in there, never a PIN).
if [ ! -f /etc/frischluft/kiosk.properties ]; then
  install -m 0640 -g kiosk "$HERE/kiosk.properties" /etc/frischluft/kiosk.properties
  [ -f /etc/frischluft/school.json ] || install -m 0644 "$HERE/demo-school.json" /etc/frischluft/school.json
fi
chgrp kiosk /etc/frischluft/kiosk.properties && chmod 0640 /etc/frischluft/kiosk.properties

# no console blanking on tty1 during the day (the kiosk darkens itself outside school time)
for f in /boot/firmware/cmdline.txt /boot/cmdline.txt; do
  if [ -f "$f" ] && ! grep -q consoleblank "$f"; then sed -i '1 s/$/ consoleblank=0/' "$f"; fi
done

systemctl daemon-reload
systemctl disable getty@tty1.service >/dev/null 2>&1 || true
if [ "$MODE" = cage ]; then UNIT=frischluft-kiosk.service; else UNIT=frischluft-kiosk-x.service; fi
sed -i "s/frischluft-kiosk\.service\$/$UNIT/" /etc/systemd/system/frischluft-kiosk-watchdog.service
systemctl enable "$UNIT" frischluft-kiosk-watchdog.timer frischluft-kiosk-nightly.timer
systemctl set-default graphical.target
echo "setup-kiosk: done. Edit /etc/frischluft/kiosk.properties (room, broker, PIN: frischluft pin), check it with"
echo "  frischluft config validate /etc/frischluft/kiosk.properties"
echo "and start it:  systemctl restart systemd-journald systemd-logind; systemctl start $UNIT  (or reboot)"
