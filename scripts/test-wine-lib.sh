# shellcheck shell=bash
# scripts/test-wine-lib.sh — shared by scripts/test-wine and
# scripts/test-wine-go. Source it after scripts/xvfb-lib.sh and
# packaging/lib.sh. It defines:
#
#   wine_prefix DIR    makes a fresh 64-bit Wine prefix in DIR (exports
#                      WINEPREFIX, WINEARCH, WINEDEBUG, WINEDLLOVERRIDES) and
#                      puts the test-only bcryptprimitives.dll stand-in into
#                      its C:\windows\system32 (see
#                      packaging/windows/testing/bcryptprimitives.c)
#   wine_pids NAME     the Unix PIDs of this prefix's Windows processes
#                      running a program called NAME (e.g. steady.exe)
#   wait_until SECS WHAT CMD…
#                      polls CMD every 0.1 s until it succeeds (status 0);
#                      status 1 means "not yet", any other gives up at once
#                      (say, the process being waited for has died); fails
#                      after SECS seconds, saying WHAT was awaited
#
# No fixed sleeps: every wait is a poll of a condition, with an overall
# timeout that is generous (a cold, loaded 2-core machine), never an
# assertion in itself.

# wine_prefix DIR
wine_prefix() {
  export WINEPREFIX=$1 WINEARCH=win64 WINEDEBUG=-all
  # No prompt to download Mono or Gecko (nothing here needs them).
  export WINEDLLOVERRIDES='mscoree,mshtml='
  local t0; t0=$(date +%s)
  wineboot -i >/dev/null 2>&1 || { echo "wineboot -i failed" >&2; return 1; }
  wineserver -w
  local dll=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
  x86_64-w64-mingw32-gcc -shared -O2 -Wall -Werror -s \
    -o "$dll" "$ROOT/packaging/windows/testing/bcryptprimitives.c" -ladvapi32 \
    || { echo "building the bcryptprimitives.dll stand-in failed" >&2; return 1; }
  x86_64-w64-mingw32-objdump -p "$dll" >"$WINEPREFIX/stand-in.objdump"
  grep -q '\] ProcessPrng$' "$WINEPREFIX/stand-in.objdump" \
    || { echo "the stand-in does not export ProcessPrng" >&2; return 1; }
  echo "wine prefix $WINEPREFIX ready in $(( $(date +%s) - t0 )) s ($(wine --version))"
}

# wine_pids NAME
wine_pids() {
  local p argv0 want
  want=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')
  for p in $(pgrep -f -i -- "$1" 2>/dev/null || true); do
    # Wine shows a Windows process's own path as argv[0] (start.exe, which
    # has the program on its command line, is not it).
    argv0=$(tr '\0' '\n' <"/proc/$p/cmdline" 2>/dev/null | head -n1 | tr '[:upper:]' '[:lower:]') || continue
    case "$argv0" in *"\\$want") ;; *) continue ;; esac
    tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -xF "WINEPREFIX=$WINEPREFIX" >/dev/null && echo "$p"
  done
  return 0
}

# wait_until SECS WHAT CMD…
wait_until() {
  local secs=$1 what=$2 deadline rc; shift 2
  deadline=$(( $(date +%s) + secs ))
  while :; do
    rc=0; "$@" || rc=$?
    case $rc in
      0) return 0 ;;
      1) ;;
      *) echo "gave up waiting for: $what" >&2; return 1 ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "timed out after ${secs} s waiting for: $what" >&2
      return 1
    fi
    sleep 0.1
  done
}
