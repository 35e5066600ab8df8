#!/usr/bin/env bash
# Installs Elevator Eval and everything it needs, from this folder.
#   bash install.sh && elevator-eval
set -eu
cd "$(dirname "$0")"
# 1. System libraries Qt needs on a bare Debian/Ubuntu machine (only as root with apt;
#    PySide6 wheels bring Qt itself, these are the X/GL/font libraries it links to).
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  need=()
  for p in libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
           libxcb-randr0 libxcb-render-util0 libxcb-image0 poppler-utils; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
      || echo "note: could not install ${need[*]}; the desktop window may not open"
  fi
fi
# 2. The app, its Python dependencies and the test tools.
python3 -m pip install --disable-pip-version-check -q -e ".[test]"
echo "installed: run 'elevator-eval' to open the app on the bundled sample street"
