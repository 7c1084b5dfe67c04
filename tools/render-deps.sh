#!/bin/sh
# tools/render-deps.sh — installs what the page tests render with (Debian's chromium, headless, and poppler-utils' pdftotext and pdfinfo); idempotent, fails naming what is missing.
#
#   sh tools/render-deps.sh
set -u
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
{ command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; } || need="$need poppler-utils"
[ -z "$need" ] && exit 0

echo "render-deps: installing$need" >&2
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "render-deps: cannot install packages (not root, no sudo). Please run:" >&2
    echo "    sudo apt-get install -y$need" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$SUDO apt-get install -y -q $need >/dev/null 2>&1 || {
    $SUDO apt-get update -q >/dev/null 2>&1
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -q $need >&2 || { echo "render-deps: apt-get failed; the packages needed are:$need" >&2; exit 1; }
}
