#!/usr/bin/env bash
# Makes docs/screenshot.png: the desktop app in a real window under Xvfb, after a scripted few presses
# (docs/demo.session.jsonl replayed in real time). Needs: apt-get install xvfb xauth libgtk-3-0 imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL="${MODEL:-assets/model}"
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1360x780x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $GENIE $XVFB 2>/dev/null || true' EXIT
sleep 2
# a fresh home (no remembered settings), but the usual cache (the natives are not extracted again)
GENIE_JAVA_OPTS="-Dprism.order=sw -Dpianogenie.cache=${XDG_CACHE_HOME:-$HOME/.cache}/piano-genie -Duser.home=${SCREENSHOT_HOME:-$PWD/target/screenshot-home}" \
  ./genie play --model "$MODEL" --controller replay:docs/demo.session.jsonl 2>target/screenshot.log &
GENIE=$!
for _ in $(seq 120); do   # the replay starts when the model is ready
  grep -q "ready to play" target/screenshot.log 2>/dev/null && break
  sleep 1
done
sleep "${WAIT_SECONDS:-7.5}"   # into the replay: the runs on the roll, the final chord held
import -window root docs/screenshot.png
echo "wrote docs/screenshot.png"
