#!/bin/sh
# tools/deps.sh — makes sure the build dependencies are present: installs them with apt-get (as root or via sudo) or names them exactly.
set -u
missing=""
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists yaml-0.1 || missing="$missing libyaml-dev"
    pkg-config --exists check || missing="$missing check"
else
    missing="$missing libyaml-dev check"
fi
# the sources of the locale nl_NL.UTF-8, which the tests compile with localedef (see the Makefile)
[ -f /usr/share/i18n/locales/nl_NL ] || missing="$missing locales"
[ -z "$missing" ] && exit 0

echo "sopcheck: installing missing build dependencies:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "sopcheck: cannot install packages (not root, no sudo). Please run:" >&2
    echo "    sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -q $missing >/dev/null 2>&1; then
    $SUDO apt-get update -q >/dev/null 2>&1
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -q $missing >&2 || {
        echo "sopcheck: apt-get failed; the packages needed are:$missing" >&2
        exit 1
    }
fi
