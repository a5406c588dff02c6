#!/usr/bin/env bash
# Renders icon.svg to the PNG that jpackage puts in the package and the desktop entry shows (needs librsvg2-bin,
# or ImageMagick). The PNG is committed: building the package does not need either tool.
set -euo pipefail
cd "$(dirname "$0")"
if command -v rsvg-convert >/dev/null; then
  rsvg-convert -w 256 -h 256 icon.svg -o linux/piano-genie.png
else
  /usr/bin/convert -background none -density 96 icon.svg -resize 256x256 linux/piano-genie.png
fi
