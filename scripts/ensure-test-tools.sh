#!/usr/bin/env bash
# Makes sure the system tools the tests use are present: poppler-utils (pdftotext, pdfimages, pdfinfo) to read the
# printed forms back. On Debian as root it installs them; elsewhere it says what to install.
set -euo pipefail
if command -v pdftotext >/dev/null && command -v pdfimages >/dev/null && command -v pdfinfo >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing poppler-utils (pdftotext) for the form tests…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }
  exit 0
fi
echo "The form tests need poppler-utils (pdftotext, pdfimages, pdfinfo): install it, e.g. 'sudo apt-get install poppler-utils'." >&2
exit 1
