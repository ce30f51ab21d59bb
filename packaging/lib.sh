# shellcheck shell=bash disable=SC2034
# packaging/lib.sh — shared by scripts/package-* and scripts/test-package.
# Source it; it cds to the repository root and sets:
#   ROOT          the repository root (absolute)
#   APP_ID        io.github.steadyapp.steady
#   DIST          where artefacts go (default ROOT/dist; override with DIST=…)
#   PKG_VERSION   STEADY_VERSION if set (a leading "v" is dropped, so a tag
#                 name works; "-" becomes "~"), else [Details] Version from
#                 FyneApp.toml
#   PKG_BUILD     STEADY_BUILD if set, else [Details] Build from FyneApp.toml
#   PKG_COMMIT    STEADY_COMMIT if set, else `git rev-parse --short HEAD`
#   NUM_VERSION   the numeric X.Y.Z part of PKG_VERSION (for MSI and PE
#                 version resources, which accept numbers only)
# and defines go_release_build, log, die, run_root, human_size.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
APP_ID=io.github.steadyapp.steady
DIST=${DIST:-$ROOT/dist}
case "$DIST" in /*) ;; *) DIST=$ROOT/$DIST ;; esac

_toml_detail() { # KEY: the value of KEY in FyneApp.toml's [Details] table
  awk -v key="$1" '
    /^[[:space:]]*\[/ { in_details = ($0 ~ /^[[:space:]]*\[Details\]/) ; next }
    in_details {
      line = $0; sub(/^[[:space:]]*/, "", line)
      if (index(line, key) == 1) {
        rest = substr(line, length(key) + 1); sub(/^[[:space:]]*=[[:space:]]*/, "", rest)
        gsub(/^"|"[[:space:]]*$/, "", rest); print rest; exit
      }
    }' FyneApp.toml
}

PKG_VERSION=${STEADY_VERSION:-$(_toml_detail Version)}
PKG_VERSION=${PKG_VERSION#v}
# A semver pre-release (1.2.3-rc1) becomes Debian's 1.2.3~rc1, which sorts
# before 1.2.3 as it should.
PKG_VERSION=${PKG_VERSION//-/\~}
PKG_BUILD=${STEADY_BUILD:-$(_toml_detail Build)}
PKG_BUILD=${PKG_BUILD:-1}
PKG_COMMIT=${STEADY_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}

# Debian, MSI and PE resources all want a version that starts with a number;
# Debian allows letters, "+", "~" and "." after it. Refuse anything else early.
if ! [[ "$PKG_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}([~+][0-9A-Za-z.~+]*)?$ ]]; then
  echo "packaging: version \"$PKG_VERSION\" must look like 1.2.3 (optionally 1.2.3~rc1 or 1.2.3+git…)" >&2
  exit 1
fi
NUM_VERSION=$(echo "$PKG_VERSION" | sed -E 's/[~+].*//')
while [ "$(echo "$NUM_VERSION" | tr -cd . | wc -c)" -lt 2 ]; do NUM_VERSION=$NUM_VERSION.0; done

log() { echo "$(basename "$0"): $*"; }
die() { echo "$(basename "$0"): $*" >&2; exit 1; }

run_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

human_size() { # FILE: size in MB with one decimal and in bytes
  local b; b=$(wc -c <"$1" | tr -d " ")
  awk -v b="$b" 'BEGIN { printf "%.1f MB (%d bytes)", b / 1000000, b }'
}

# go_release_build OUT [extra -ldflags]: a release build of the main package
# (the repository root) for the GOOS/GOARCH/CC in the environment: trimmed
# paths, no symbol table or DWARF, Fyne's release mode (which, among other
# things, stops the binary from reading a FyneApp.toml next to it), and the
# version and commit that `steady --version` prints.
go_release_build() {
  local out=$1; shift
  local ldflags="-s -w -X main.version=$PKG_VERSION -X main.commit=$PKG_COMMIT${1:+ $*}"
  mkdir -p "$(dirname "$out")"
  CGO_ENABLED=1 ${GO:-go} build -trimpath -tags release -ldflags "$ldflags" -o "$out" .
}
