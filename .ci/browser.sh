# shellcheck shell=bash
# Debian's Chromium for the dashboard's end-to-end tests (tests/ui, marker `browser`).
#
# Sourced by .ci/run:   . .ci/browser.sh
# Afterwards ONCEONLY_CHROMIUM=/usr/bin/chromium. Installs Debian's `chromium`
# package when it is missing (as root, through apt-get). Playwright for Python
# comes with the test extras (pip install -e ".[test]") and drives this binary:
# no browser is ever downloaded (never `playwright install`).
# Being sourced, it never calls `exit` or `set -e`: a failure prints a message and
# returns 1, and the browser tests then skip with the reason.

_onceonly_chromium() {
    local exe="${ONCEONLY_CHROMIUM:-/usr/bin/chromium}"
    if [ ! -x "$exe" ]; then
        if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
            echo "browser.sh: $exe is missing and cannot be installed here (needs root and apt-get)" >&2
            return 1
        fi
        echo "browser.sh: installing Debian's chromium" >&2
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
               && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/tmp/onceonly-chromium-apt.log 2>&1; then
            echo "browser.sh: apt-get install chromium failed (see /tmp/onceonly-chromium-apt.log)" >&2
            return 1
        fi
        exe=/usr/bin/chromium
    fi
    if ! "$exe" --version >/dev/null 2>&1; then
        echo "browser.sh: $exe does not run" >&2
        return 1
    fi
    export ONCEONLY_CHROMIUM="$exe"
    echo "browser.sh: $("$exe" --version 2>/dev/null)" >&2
}

_onceonly_chromium
