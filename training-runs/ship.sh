#!/usr/bin/env bash
# Ships a run's best model so far as the app's default: exports it to assets/model, measures it on the MAESTRO
# validation split (all windows → eval.json, first 128 notes → eval-first.json), and plays the Gold melodies' buttons
# through it (listening-check.txt). Then update assets/model/MODEL_CARD.md from those files.
# Run from anywhere with the training stopped (kill -TERM lets it finish its step and checkpoint):
#   training-runs/ship.sh RUN_FOLDER [TRAIN_LOG]     (TRAIN_LOG: the log to keep the last lines of, as RUN/train-log.txt)
set -euo pipefail
RUN=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
DATA=../shared/data/maestro-v2.0.0
if [ $# -ge 2 ]; then
  grep -v -e Warning -e '^\[W' "$2" | tail -60 > "$RUN/train-log.txt"
fi
./genie train --run "$RUN" --out assets/model --export-only ${GENIE_MODEL_NAME:+--name "$GENIE_MODEL_NAME"}
./genie eval --model assets/model --data $DATA --json-out assets/model/eval.json | tail -1
./genie eval --model assets/model --data $DATA --windows first --json-out assets/model/eval-first.json | tail -1
python3 docs/listening-check.py assets/model | tee assets/model/listening-check.txt
