#!/usr/bin/env bash
# Resumes the default model's training run (issue 7): exactly from checkpoint.bin where this machine has one
# (parameters, Adam moments, step; batch i is always the same batch), else warm-started from
# best.bin where there is one (its parameters and step, fresh Adam moments, the learning rate warmed up again).
# Run from the repository root, in the background:   nohup training-runs/maestro-default/resume.sh > train.log 2>&1 &
# It writes checkpoint.bin / best.bin / curve.csv here, and the best model so far to target/default-model.
# Ship a better model with training-runs/maestro-default/ship.sh (export, eval, listening check), then update
#   assets/model/MODEL_CARD.md from its figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
./genie train --data ../shared/data/maestro-v2.0.0 --run training-runs/maestro-default --out target/default-model \
  --resume "$@"
