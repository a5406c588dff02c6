#!/usr/bin/env python3
"""The scripted demo (docs/demo.session.jsonl) played by a model, as a picture: each note's pitch (dots, the grey line)
and velocity (bars) against time, at a fixed velocity and with the model's velocities — for seeds 1..3 at T = 0.25,
and at T = 0 (the expectation). Writes an SVG (convert it with ImageMagick for a PNG).
Usage: docs/velocity-plot.py MODEL_DIR OUT.svg   (from the repository root)
"""
import json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = [json.loads(l) for l in (ROOT / "docs/demo.session.jsonl").read_text().splitlines() if l.strip()]
PRESSES = [e for e in DEMO if e["kind"] == "press"]
BUTTONS = [e["button"] for e in PRESSES]
TIMES = [(e["t_ns"] - PRESSES[0]["t_ns"]) / 1e9 for e in PRESSES]
DTS = [b - a for a, b in zip(TIMES, TIMES[1:])]


def take(model, temperature, seed):
    args = [str(ROOT / "genie"), "decode", "--model", model, "--buttons", ",".join(map(str, BUTTONS)),
            "--dts", ",".join(f"{d:.3f}" for d in DTS), "--temperature", str(temperature), "--seed", str(seed), "--json"]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])


model, out = sys.argv[1], sys.argv[2]
rows = [("fixed velocity 80 (seed 1, T 0.25)", take(model, 0.25, 1), True)]
rows += [(f"the model's velocities, seed {s}, T 0.25 (a draw at 0.5)", take(model, 0.25, s), False) for s in (1, 2, 3)]
rows += [("the model's velocities, T 0 (the expectation)", take(model, 0, 1), False)]
W, H, PAD = 900, 170, 40
end = TIMES[-1] + 0.5
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H * len(rows)}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H * len(rows)}" fill="white"/>']
for r, (label, t, fixed) in enumerate(rows):
    y0 = r * H
    x = lambda s: PAD + (W - 2 * PAD) * s / end
    vy = lambda v: y0 + H - 20 - (H - 50) * v / 127
    py = lambda p: y0 + H - 20 - (H - 50) * (p - 36) / (84 - 36)
    svg.append(f'<text x="{PAD}" y="{y0 + 16}">{label}</text>')
    svg.append(f'<line x1="{PAD}" y1="{vy(0)}" x2="{W - PAD}" y2="{vy(0)}" stroke="#888"/>')
    for v in (32, 64, 96, 127):
        svg.append(f'<text x="4" y="{vy(v) + 4}" fill="#36c">{v}</text>')
    vel = [80] * len(t["midi"]) if fixed else t["velocities"]
    for s, v in zip(TIMES, vel):
        svg.append(f'<rect x="{x(s) - 4:.1f}" y="{vy(v):.1f}" width="8" height="{vy(0) - vy(v):.1f}" fill="#36c" opacity="0.55"/>')
    pts = " ".join(f"{x(s):.1f},{py(p):.1f}" for s, p in zip(TIMES, t["midi"]))
    svg.append(f'<polyline points="{pts}" fill="none" stroke="#999"/>')
    for s, p in zip(TIMES, t["midi"]):
        svg.append(f'<circle cx="{x(s):.1f}" cy="{py(p):.1f}" r="3" fill="#c33"/>')
svg.append(f'<text x="{W - 330}" y="14" fill="#c33">red: pitch (C2-C6)</text><text x="{W - 200}" y="14" fill="#36c">blue bars: velocity</text>')
svg.append("</svg>")
Path(out).write_text("\n".join(svg))
