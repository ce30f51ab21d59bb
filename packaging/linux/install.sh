#!/bin/sh
# install.sh — installs or removes Steady's files under a prefix.
#
# Shipped at the top of the Linux .tar.xz (next to bin/ and share/) and used
# by `make install` / `make uninstall` from a source checkout.
#
#   ./install.sh                     install into /usr/local (needs root: sudo ./install.sh)
#   ./install.sh --user              install into ~/.local (no root)
#   ./install.sh --prefix /opt/steady
#   ./install.sh --uninstall [--user | --prefix P]
#   --destdir D   stage into D/PREFIX (for packagers; no cache updates)
#   --from DIR    where bin/ and share/ are (default: this script's folder)
#
# It installs exactly these files and removes exactly these on uninstall:
#   PREFIX/bin/steady
#   PREFIX/share/applications/io.github.steadyapp.steady.desktop
#   PREFIX/share/metainfo/io.github.steadyapp.steady.metainfo.xml
#   PREFIX/share/icons/hicolor/{16..512}x{16..512}/apps/io.github.steadyapp.steady.png
#   PREFIX/share/icons/hicolor/scalable/apps/io.github.steadyapp.steady.svg
# Your journal is not touched: it lives in $XDG_DATA_HOME/steady (usually
# ~/.local/share/steady); delete that folder yourself to remove your data.
set -eu

APP_ID=io.github.steadyapp.steady
SIZES="16 24 32 48 64 128 256 512"
prefix=/usr/local
destdir=
from=$(cd "$(dirname "$0")" && pwd)
action=install

while [ $# -gt 0 ]; do
  case "$1" in
    --user) prefix=$HOME/.local ;;
    --prefix) prefix=${2:?--prefix needs a folder}; shift ;;
    --prefix=*) prefix=${1#--prefix=} ;;
    --destdir) destdir=${2:?--destdir needs a folder}; shift ;;
    --destdir=*) destdir=${1#--destdir=} ;;
    --from) from=${2:?--from needs a folder}; shift ;;
    --from=*) from=${1#--from=} ;;
    --uninstall) action=uninstall ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
prefix=${prefix%/}
case "$prefix" in /*) ;; *) echo "install.sh: the prefix must be an absolute path" >&2; exit 2 ;; esac
root=$destdir$prefix

files="bin/steady share/applications/$APP_ID.desktop share/metainfo/$APP_ID.metainfo.xml share/icons/hicolor/scalable/apps/$APP_ID.svg"
for s in $SIZES; do files="$files share/icons/hicolor/${s}x${s}/apps/$APP_ID.png"; done

# Let the desktop notice new or removed entries and icons right away (only for
# a live install: a --destdir stage is somebody else's to finish).
refresh() {
  [ -z "$destdir" ] || return 0
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$root/share/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$root/share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$root/share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  for f in $files; do
    if [ -e "$root/$f" ]; then rm -f "$root/$f" && echo "removed $root/$f"; fi
  done
  # Remove the folders we may have created, only when they are now empty.
  for s in $SIZES scalable; do
    d=${s}x${s}; [ "$s" = scalable ] && d=scalable
    rmdir "$root/share/icons/hicolor/$d/apps" "$root/share/icons/hicolor/$d" 2>/dev/null || true
  done
  refresh
  # update-desktop-database leaves a mimeinfo.cache; with no entry left in the
  # folder, it indexes nothing, so the folder can go.
  if [ -d "$root/share/applications" ] && ! ls "$root/share/applications"/*.desktop >/dev/null 2>&1; then
    rm -f "$root/share/applications/mimeinfo.cache"
  fi
  rmdir "$root/share/icons/hicolor" "$root/share/icons" "$root/share/applications" \
    "$root/share/metainfo" "$root/bin" "$root/share" 2>/dev/null || true
  echo "Steady removed from $prefix. Your journal was left in place."
  exit 0
fi

for f in $files; do
  [ -f "$from/$f" ] || { echo "install.sh: $from/$f is missing" >&2; exit 1; }
done
for f in $files; do
  mode=0644; [ "$f" = bin/steady ] && mode=0755
  mkdir -p "$root/$(dirname "$f")"
  cp "$from/$f" "$root/$f.tmp.$$"
  chmod "$mode" "$root/$f.tmp.$$"
  mv -f "$root/$f.tmp.$$" "$root/$f"
done
# The desktop file says Exec=steady, which menus find on the PATH for /usr
# and /usr/local (and Flatpak's /app, whose export rewrites Exec itself).
# Anywhere else (~/.local/bin is not on every session's PATH), point it at
# the installed binary.
case "$prefix" in
  /usr|/usr/local|/app) ;;
  *" "*) sed -i "s|^Exec=steady\$|Exec=\"$prefix/bin/steady\"|" "$root/share/applications/$APP_ID.desktop" ;;
  *) sed -i "s|^Exec=steady\$|Exec=$prefix/bin/steady|" "$root/share/applications/$APP_ID.desktop" ;;
esac
refresh
echo "Steady installed into $root ($prefix/bin/steady)."
