#!/usr/bin/env python3
"""A model's playing, in numbers a musician can read (issue 7: "does it feel right?").

Plays the eight Gold melodies' hand-made button sequences one after another (0.25 s apart, state carried, as
one performance) through `./genie decode`, greedy at five tempos (0.15 to 0.4 s apart: one greedy line is one
trajectory, and where it wanders between keys depends on the tempo) and at T = 0.25, the app's default (5 seeds, 0.25 s
apart), and reports for each model the mean of:
  contour  - of the presses that move up or down, the share whose note moves the same way
  repeat   - of repeated presses, the share that repeat the note (or stay within a tone)
  interval - the median |step| in semitones, and the share of leaps over an octave
  in-key   - the share of notes in the best-fitting major scale (12 keys tried; a random line scores ~0.6), over the
             whole performance (does it stay in one key across all eight tunes?) and per tune (the keys may change
             between tunes, as the tunes' own keys do)
  range    - lowest to highest note
and then plays the scripted demo (docs/demo.session.jsonl: runs up and down, a zig-zag, the top of the range) with its
own timing at T = 0.25, 20 seeds, and counts the moves of the buttons the notes follow, hold, or go against (and how
often the step down from the top button, 7 -> 6, goes up instead). For a model with a velocity output, the same
demo takes' velocities: their mean, the standard deviation within a take (playing varies: 6 to 25), and how they follow
the contour (correlation with the pitch within a take; the mean velocity step when the buttons go up, hold, go down).
Usage: docs/listening-check.py MODEL_DIR [MODEL_DIR...]   (from the repository root)
"""
import json, statistics, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT.parent / "shared/reference/gold-melodies.json").read_text())
BUTTONS = [b - 1 for m in GOLD["melodies"] for b in m["buttons"]]
TUNE_LENGTHS = [len(m["buttons"]) for m in GOLD["melodies"]]
NAMES = "C C# D D# E F F# G G# A A# B".split()


DEMO = [json.loads(line) for line in (ROOT / "docs/demo.session.jsonl").read_text().splitlines() if line.strip()]
DEMO_PRESSES = [e for e in DEMO if e["kind"] == "press"]
DEMO_BUTTONS = [e["button"] for e in DEMO_PRESSES]
DEMO_DTS = [(b["t_ns"] - a["t_ns"]) / 1e9 for a, b in zip(DEMO_PRESSES, DEMO_PRESSES[1:])]


def decode(model, temperature, seed, dt=0.25, buttons=BUTTONS, dts=None):
    timing = ["--dts", ",".join(f"{d:.3f}" for d in dts)] if dts else ["--dt", str(dt)]
    args = [str(ROOT / "genie"), "decode", "--model", model, "--buttons", ",".join(map(str, buttons)), *timing,
            "--temperature", str(temperature), "--seed", str(seed), "--json"]
    return decode_json(args)["midi"]


def decode_json(args):
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    return json.loads(out)


def decode_demo(model, seed):
    args = [str(ROOT / "genie"), "decode", "--model", model, "--buttons", ",".join(map(str, DEMO_BUTTONS)),
            "--dts", ",".join(f"{d:.3f}" for d in DEMO_DTS), "--temperature", "0.25", "--seed", str(seed), "--json"]
    return decode_json(args)


def correlation(xs, ys):
    mx, my = statistics.mean(xs), statistics.mean(ys)
    sx = sum((x - mx) ** 2 for x in xs) ** 0.5
    sy = sum((y - my) ** 2 for y in ys) ** 0.5
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (sx * sy) if sx and sy else 0.0


def stats(midi):
    up = same = moves = reps = rep_ok = 0
    steps = []
    for i in range(1, len(midi)):
        db, dk = BUTTONS[i] - BUTTONS[i - 1], midi[i] - midi[i - 1]
        steps.append(abs(dk))
        if db != 0:
            moves += 1
            same += (db > 0 and dk > 0) or (db < 0 and dk < 0)
        else:
            reps += 1
            rep_ok += abs(dk) <= 2
    tunes, start = [], 0
    for n in TUNE_LENGTHS:
        tunes.append(in_key(midi[start:start + n]))
        start += n
    return dict(contour=same / moves, repeat=rep_ok / reps, median_step=statistics.median(steps),
                leaps=sum(s > 12 for s in steps) / len(steps), in_key=in_key(midi), in_key_tune=statistics.mean(tunes),
                low=min(midi), high=max(midi))


def in_key(notes):
    major = {0, 2, 4, 5, 7, 9, 11}
    return max(sum((p - t) % 12 in major for p in notes) for t in range(12)) / len(notes)


def name(p):
    return f"{NAMES[p % 12]}{p // 12 - 1}"


for model in sys.argv[1:]:
    print(f"{model}: {len(BUTTONS)} presses (the 8 Gold melodies' buttons)")
    for label, runs in (("greedy", [stats(decode(model, 0, 1, dt)) for dt in (0.15, 0.2, 0.25, 0.3, 0.4)]),
                        ("T=0.25", [stats(decode(model, 0.25, seed)) for seed in (1, 2, 3, 4, 5)])):
        avg = {k: statistics.mean(r[k] for r in runs) for k in runs[0]}
        print(f"  {label:7s} contour {avg['contour']:.2f}  repeat {avg['repeat']:.2f}  median step "
              f"{avg['median_step']:.1f} st  leaps>8ve {avg['leaps']:.3f}  in-key {avg['in_key']:.2f} (per tune {avg['in_key_tune']:.2f})  range "
              f"{name(min(r['low'] for r in runs))}-{name(max(r['high'] for r in runs))}")
    follow = hold = against = top_up = top = 0
    takes = []
    for seed in range(1, 21):
        take = decode_demo(model, seed)
        midi = take["midi"]
        if take.get("velocities"):
            takes.append((midi, take["velocities"]))
        for i in range(1, len(midi)):
            db, dk = DEMO_BUTTONS[i] - DEMO_BUTTONS[i - 1], midi[i] - midi[i - 1]
            if db == 0:
                continue
            follow += db * dk > 0
            hold += dk == 0
            against += db * dk < 0
            if (DEMO_BUTTONS[i - 1], DEMO_BUTTONS[i]) == (7, 6):
                top += 1
                top_up += dk > 0
    moves = follow + hold + against
    print(f"  demo    T=0.25, 20 seeds: of {moves} moves {follow / moves:.3f} follow, {hold / moves:.3f} hold, "
          f"{against / moves:.3f} go against the buttons; 7 -> 6 goes up {top_up} of {top}")
    if takes:
        means = [statistics.mean(v) for _, v in takes]
        stds = [statistics.pstdev(v) for _, v in takes]
        pitch_corr = [correlation(m, v) for m, v in takes]
        steps = {"up": [], "hold": [], "down": []}
        for _, v in takes:
            for i in range(1, len(v)):
                db = DEMO_BUTTONS[i] - DEMO_BUTTONS[i - 1]
                steps["up" if db > 0 else "down" if db < 0 else "hold"].append(v[i] - v[i - 1])
        print(f"  velocity demo T=0.25, 20 seeds: mean {statistics.mean(means):.1f} (takes {min(means):.1f}-{max(means):.1f}), "
              f"std within a take {statistics.mean(stds):.1f} ({min(stds):.1f}-{max(stds):.1f}), range "
              f"{min(min(v) for _, v in takes)}-{max(max(v) for _, v in takes)}")
        print(f"                  follows the contour: correlation with pitch {statistics.mean(pitch_corr):+.2f}; "
              f"mean step when the buttons go up {statistics.mean(steps['up']):+.1f}, hold {statistics.mean(steps['hold']):+.1f}, "
              f"go down {statistics.mean(steps['down']):+.1f}")
    else:
        print("  velocity: none (a model without a velocity output plays at a fixed velocity)")
    print("  first greedy notes:", " ".join(name(p) for p in decode(model, 0, 1)[:26]), "(Mary Had a Little Lamb)")
