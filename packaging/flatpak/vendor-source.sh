#!/usr/bin/env bash
# packaging/flatpak/vendor-source.sh: makes
#   dist/steady-VERSION-source-vendored.tar.xz
# the committed tree at HEAD (git archive) plus vendor/ (go mod vendor), so
# that Flatpak (and any other offline build) needs no network. The release
# workflow attaches it to the release; the Flatpak manifest points at it.
set -euo pipefail
# shellcheck source=packaging/lib.sh
. "$(dirname "$0")/../lib.sh"
name=steady-$PKG_VERSION
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive --format=tar --prefix="$name/" HEAD | tar -x -C "$work"
(cd "$work/$name" && go mod vendor && go list -mod=vendor -deps ./... >/dev/null)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
mkdir -p "$DIST"
out=$DIST/$name-source-vendored.tar.xz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  -C "$work" -cf - "$name" | xz -9 -T1 >"$out"
log "$out: $(human_size "$out")"
log "sha256 (for the Flatpak manifest): $(sha256sum "$out" | cut -d' ' -f1)"
