#!/usr/bin/env bash
# Renders the PNG sizes of the icon from shiqiuren.svg (committed, so a build needs no SVG
# renderer). Run after changing the SVG; needs librsvg2-bin.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" shiqiuren.svg -o "shiqiuren-$size.png"
done
