#!/usr/bin/env bash
# Installs the Debian packages the project needs, when they are missing.
#   scripts/system-packages.sh run   -> python3 venv support
#   scripts/system-packages.sh test  -> the above, plus Chromium for browser tests,
#                                       gettext for the translation catalogue check and
#                                       redis-server for the outage tests
set -euo pipefail

need=()
python3.11 -c "import ensurepip, venv" 2>/dev/null || need+=(python3.11-venv)
if [ "${1:-run}" = "test" ] && [ ! -x /usr/bin/chromium ]; then
  need+=(chromium fonts-dejavu-core)
fi
if [ "${1:-run}" = "test" ] && ! command -v xgettext >/dev/null; then
  need+=(gettext)
fi
if [ "${1:-run}" = "test" ] && ! command -v redis-server >/dev/null; then
  need+=(redis-server)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "Installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
