#!/usr/bin/env bash
# Training speed, ours against the plain-PyTorch peer (../shared/tools/torch-peer), side by side: ROUNDS rounds of
# the peer then `./genie bench train`, same batch 32 x 128, same threads, same timed and warm-up steps. Prints each
# run's JSON line, then the median steps/s of each and their ratio, with the load average before each run.
# Usage: docs/bench-train-vs-peer.sh [ROUNDS=3] [STEPS=30] [WARMUP=5] [THREADS=2]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3} steps=${2:-30} warmup=${3:-5} threads=${4:-2}
peer="$root/../shared/tools/torch-peer/run.sh"
[ -x "$peer" ] || { echo "no peer at $peer" >&2; exit 2; }
"$root/genie" bench train --steps 1 --warmup 0 >/dev/null 2>&1 || true # build first, outside the timing
ours=() theirs=()
for r in $(seq "$rounds"); do
  echo "round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  p=$("$peer" --threads "$threads" --steps "$steps" --warmup "$warmup" | tail -n 1); echo "  peer: $p"
  theirs+=("$(sed -E 's/.*"steps_per_s": ([0-9.]+).*/\1/' <<<"$p")")
  echo "  load average $(cut -d' ' -f1-3 /proc/loadavg)"
  o=$("$root/genie" bench train --threads "$threads" --steps "$steps" --warmup "$warmup" 2>/dev/null | tail -n 1); echo "  ours: $o"
  ours+=("$(sed -E 's/.*"steps_per_s": ([0-9.]+).*/\1/' <<<"$o")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mo=$(median "${ours[@]}") mp=$(median "${theirs[@]}")
awk -v o="$mo" -v p="$mp" -v n="$rounds" -v t="$threads" 'BEGIN {
  printf "median of %d rounds, %d threads: ours %.3f steps/s, peer %.3f steps/s, ratio %.2f\n", n, t, o, p, o / p }'
