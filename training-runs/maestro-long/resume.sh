#!/usr/bin/env bash
# Resumes the long run (issue 19): exactly from checkpoint.bin where there is one (parameters, Adam moments, step),
# else warm-started from best.bin. Run from the repository root, in the background:
#   nohup training-runs/maestro-long/resume.sh > long.log 2>&1 &
# kill -TERM stops it after its step, with a checkpoint. The best model so far is exported to target/long-model.
set -euo pipefail
cd "$(dirname "$0")/../.."
./genie train --data ../shared/data/maestro-v2.0.0 --run training-runs/maestro-long --out target/long-model \
  --resume "$@"
