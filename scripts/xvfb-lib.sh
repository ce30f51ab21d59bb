# Shared helpers for scripts that run Steady under a virtual X display.
# Source it; it defines start_xvfb, wait_window and shoot.

# start_xvfb WIDTHxHEIGHT: starts Xvfb on a free display and exports DISPLAY.
# The caller's EXIT trap should kill "$XVFB_PID".
start_xvfb() {
  local size=${1:-1280x800} fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
  XVFB_PID=$!
  local num
  read -r -t 20 num <"$fifo" || { echo "Xvfb did not start" >&2; rm -f "$fifo"; return 1; }
  rm -f "$fifo"
  export DISPLAY=":$num"
}

# wait_window NAME [SECONDS]: prints the ID of the first visible window whose
# title is exactly NAME, waiting for it to be mapped.
wait_window() {
  local name=$1 secs=${2:-30} id
  for _ in $(seq 1 $((secs * 10))); do
    id=$(xdotool search --onlyvisible --name "^${name}\$" 2>/dev/null | head -n1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    sleep 0.1
  done
  return 1
}

# shoot WINDOW_ID OUT.png: a screenshot of one window.
shoot() {
  xwd -id "$1" -silent | convert xwd:- "$2"
}

# not_blank FILE.png: fails when the picture is one flat colour.
not_blank() {
  local colours
  colours=$(convert "$1" -format '%k' info:)
  [ "$colours" -gt 50 ] || { echo "$1 looks blank ($colours colours)" >&2; return 1; }
}
