#!/usr/bin/env bash
# Ships this run's best model as the app's default (issue 19) — only once it beats the shipped model on all validation
# windows (PPL 3.577): training-runs/ship.sh on this folder.   training-runs/maestro-long/ship.sh [TRAIN_LOG]
exec "$(dirname "$0")/../ship.sh" "$(dirname "$0")" "$@"
