#!/usr/bin/env bash
# Makes sure the system tools the tests use are present: poppler-utils (pdftotext, pdfimages, pdfinfo) to read the
# printed forms back; Chromium and the Noto fonts for the browser journeys in e2e/. On Debian as root it installs
# what is missing; elsewhere it says what to install.
set -euo pipefail
missing=()
if ! command -v pdftotext >/dev/null || ! command -v pdfimages >/dev/null || ! command -v pdfinfo >/dev/null; then missing+=(poppler-utils); fi
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ ! -d /usr/share/fonts/truetype/noto ]; then missing+=(fonts-noto-core); fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the form and browser tests…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
  exit 0
fi
echo "The tests need ${missing[*]} (pdftotext for the printed forms, Chromium at /usr/bin/chromium for e2e/): install them, e.g. 'sudo apt-get install ${missing[*]}'." >&2
exit 1
