#!/usr/bin/env bash
# Ships this run's best model as the app's default (issue 7): training-runs/ship.sh on this folder.
#   training-runs/maestro-default/ship.sh [TRAIN_LOG]
exec "$(dirname "$0")/../ship.sh" "$(dirname "$0")" "$@"
