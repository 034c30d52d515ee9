#!/usr/bin/env bash
# Debian packages the program and its tests need beyond Python: Qt's offscreen and xcb
# platform libraries, a TrueType CJK font that reportlab can embed in PDFs, and LibreOffice
# Writer (headless), which converts .doc/.wps files for import, and poppler's pdftotext/
# pdftoppm, through which the tests render exported Word files and measure their pages
# (Liberation Serif stands in for Times New Roman there), and the PostgreSQL server, which
# the office-server tests start, stop and pause themselves.
# Installs only what is missing, and only when it can (root with apt-get).
set -euo pipefail

PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0
  fonts-wqy-zenhei fonts-noto-cjk fonts-dejavu-core python3-venv
  libreoffice-writer-nogui poppler-utils poppler-data fonts-liberation2 postgresql
)

command -v apt-get >/dev/null 2>&1 || exit 0
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包（需要管理员安装）：sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
