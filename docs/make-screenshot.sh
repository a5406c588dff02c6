#!/usr/bin/env bash
# Makes docs/screenshot-WxH.png: the desktop app in a real window under Xvfb filling a W×H screen, after a
# scripted few presses (docs/demo.session.jsonl replayed in real time). Usage: docs/make-screenshot.sh [WxH]
# (default 1360x780). Needs: apt-get install xvfb xauth libgtk-3-0 imagemagick xdotool
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-1360x780}"
W="${SIZE%x*}"; H="${SIZE#*x}"
MODEL="${MODEL:-assets/model}"
OUT="${OUT:-docs/screenshot-$SIZE.png}"
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 "${SIZE}x24" >/dev/null 2>&1 &
XVFB=$!
trap 'kill $GENIE $XVFB 2>/dev/null || true' EXIT
sleep 2
mkdir -p target
# a fresh home (no remembered settings), but the usual cache (the natives are not extracted again)
GENIE_JAVA_OPTS="-Dprism.order=sw -Dpianogenie.cache=${XDG_CACHE_HOME:-$HOME/.cache}/piano-genie -Duser.home=${SCREENSHOT_HOME:-$PWD/target/screenshot-home}" \
  ./genie play --model "$MODEL" --controller replay:docs/demo.session.jsonl ${GENIE_ARGS:-} 2>target/screenshot.log &
GENIE=$!
for _ in $(seq 120); do   # the replay starts when the model is ready
  grep -q "ready to play" target/screenshot.log 2>/dev/null && break
  sleep 1
done
# no window manager under Xvfb: make the window fill the screen, as a maximised window would
WID=$(xdotool search --name "^Piano Genie$" | head -n 1)
xdotool windowmove "$WID" 0 0 windowsize "$WID" "$W" "$H"
sleep "${WAIT_SECONDS:-7.5}"   # into the replay: the runs on the roll, the final chord held
import -window root "$OUT"
echo "wrote $OUT"
