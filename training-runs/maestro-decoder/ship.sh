#!/usr/bin/env bash
# Ships this run's best model as the app's default (issue 19): training-runs/ship.sh on this folder, under the default
# model's name, then says in its provenance what it was fine-tuned from (the --init model of stage 2 was a local mix,
# README.md here) instead of that folder's path.   training-runs/maestro-decoder/ship.sh [TRAIN_LOG]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
GENIE_MODEL_NAME="Piano Genie (MAESTRO v2, this project)" "$HERE/../ship.sh" "$HERE" "$@"
python3 - "$HERE/../../assets/model/model.json" <<'PY'
import json, sys
path = sys.argv[1]
model = json.load(open(path))
p = model["config"]["provenance"]
p["fine_tuned_from"] = ("encoder: the previous default model (40,000 steps) after 500 steps at contour weight 2; decoder: "
                        "the long run's step 67,000 (training-runs/maestro-long); this run trained the decoder only "
                        "(training-runs/maestro-decoder/README.md)")
p["recipe"] += ("; run as 24,000 steps (WSD to 24,000), then resumed with the total raised to 48,000 (--change-recipe:"
                " the learning rate back at 5e-4 from step 24,001, the decay over 38,400-48,000)")
p["training_hours"] = p["training_hours"] + " (this stage; about 21 h with its ancestors)"
p["licence"] = "CC BY-NC-SA 4.0 (trained on MAESTRO)"
open(path, "w").write(json.dumps(model, indent=2, separators=(",", " : ")))  # as genie writes it
PY
