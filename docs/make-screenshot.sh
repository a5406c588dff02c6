#!/usr/bin/env bash
# Makes docs/screenshot-WxH.png: the desktop app in a real window under Xvfb filling a W×H screen, after a
# scripted few presses (docs/demo.session.jsonl replayed in real time). Usage: docs/make-screenshot.sh [WxH] [first]
# (default 1360x780); "first": docs/first-start-WxH.png instead, a first start (nothing remembered, nothing played,
# no gamepad, no sound card here); "kiosk": docs/kiosk-WxH.png, the exhibition mode with its demo playing (attract
# mode, GENIE_ARGS="--lang de" for German). Needs: apt-get install xvfb xauth libgtk-3-0 imagemagick xdotool
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-1360x780}"
FIRST="${2:-}"
W="${SIZE%x*}"; H="${SIZE#*x}"
MODEL="${MODEL:-assets/model}"
SESSION="${SESSION:-docs/demo.session.jsonl}"   # a take of the model's button count (docs/demo-4-buttons.session.jsonl for 4)
if [ "$FIRST" = kiosk ]; then
  OUT="${OUT:-docs/kiosk-$SIZE.png}"
  PLAY=(play --model "$MODEL" --kiosk --kiosk-idle 1 --attract docs/demo.session.jsonl)
elif [ "$FIRST" = first ]; then
  OUT="${OUT:-docs/first-start-$SIZE.png}"
  PLAY=(play)   # the shipped model, nothing chosen: as a new user's first start
else
  OUT="${OUT:-docs/screenshot-$SIZE.png}"
  PLAY=(play --model "$MODEL" --controller "replay:$SESSION")
fi
export DISPLAY="${SCREENSHOT_DISPLAY:-:97}"   # another display number when several run at once
Xvfb "$DISPLAY" -screen 0 "${SIZE}x24" >/dev/null 2>&1 &
XVFB=$!
trap 'kill $GENIE $XVFB 2>/dev/null || true; [ -n "${FRESH:-}" ] && rm -rf "$FRESH"' EXIT
sleep 2
mkdir -p target
# a fresh home and XDG folders each time (no remembered settings), but the usual cache (the natives are not
# extracted again)
# the usual cache, named before HOME changes below (an assignment on the same line would already see the new HOME)
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/piano-genie"
FRESH="$(mktemp -d "${TMPDIR:-/tmp}/genie-screenshot.XXXXXX")"
HOME="$FRESH" XDG_CONFIG_HOME="$FRESH/.config" XDG_DATA_HOME="$FRESH/.local/share" XDG_MUSIC_DIR="$FRESH/Music" \
GENIE_JAVA_OPTS="-Dprism.order=sw -Dpianogenie.cache=$CACHE -Duser.home=$FRESH" \
  ./genie "${PLAY[@]}" ${GENIE_ARGS:-} 2>target/screenshot.log &
GENIE=$!
for _ in $(seq 120); do   # the replay starts when the model is ready
  grep -q "ready to play" target/screenshot.log 2>/dev/null && break
  sleep 1
done
# no window manager under Xvfb: make the window fill the screen, as a maximised window would
WID=$(xdotool search --name "^Piano Genie$" | head -n 1)
xdotool windowmove "$WID" 0 0 windowsize "$WID" "$W" "$H"
if [ "$FIRST" = first ]; then
  sleep 2   # the window settled at its size
else
  sleep "${WAIT_SECONDS:-7.5}"   # into the replay: the runs on the roll, the final chord held
fi
import -window root "$OUT"
echo "wrote $OUT"
