#!/usr/bin/env bash
# packaging/windows/test-wine.sh (make test-wine): an opt-in check of the MSI
# under Wine, not part of `make test`: Wine is large, and its msiexec and
# OpenGL are not Windows'. A pass here is encouraging, not proof; the real
# check is installing on Windows (see docs/install-section.md).
#
# Installs dist/steady-VERSION-windows-amd64.msi per-user into a fresh Wine
# prefix, checks %LOCALAPPDATA%\Programs\Steady\steady.exe and the Start-menu
# shortcut, starts Steady under Xvfb and waits for its window, then
# uninstalls and checks the program is gone.
#
# Needs (Debian): apt-get install wine wine64 xvfb xdotool (run after
# `make package-windows`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=packaging/lib.sh
. "$here/../lib.sh"
# shellcheck source=scripts/xvfb-lib.sh
. "$ROOT/scripts/xvfb-lib.sh"

for tool in wine wineboot winepath Xvfb xdotool; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install wine wine64 xvfb xdotool"
done
msi=$DIST/steady-$PKG_VERSION-windows-amd64.msi
[ -f "$msi" ] || die "$msi is missing: run make package-windows first"

work=$(mktemp -d)
app_pid=''
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
  wineserver -k 2>/dev/null || true
  kill "${XVFB_PID:-}" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
start_xvfb 1280x800
wineboot -i >/dev/null 2>&1

log "msiexec /i (per-user, quiet)"
wine msiexec /i "$(winepath -w "$msi")" /qn /l*v 'C:\steady-install.log'
localappdata=$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')
exe=$(winepath -u "$localappdata\\Programs\\Steady\\steady.exe")
[ -f "$exe" ] || die "not installed at $exe"
lnk=$(find "$WINEPREFIX/drive_c/users" -iname 'Steady.lnk' | head -n1)
[ -n "$lnk" ] || die "no Start-menu shortcut"
log "installed: $exe; shortcut: $lnk"

wine "$exe" --data-dir 'C:\steady-test-data' >"$work/app.log" 2>&1 &
app_pid=$!
win=$(wait_window Steady 90) || { cat "$work/app.log" >&2; die "no Steady window within 90 s"; }
sleep 2
shoot "$win" "$DIST/wine-window.png"
not_blank "$DIST/wine-window.png"
kill "$app_pid" 2>/dev/null || true; app_pid=''
log "window mapped and drawn ($DIST/wine-window.png)"

log "msiexec /x"
wine msiexec /x "$(winepath -w "$msi")" /qn
[ ! -e "$exe" ] || die "still there after uninstall: $exe"
log "test-wine: ok"
