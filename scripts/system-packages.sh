#!/usr/bin/env bash
# Installs the Debian packages the project needs, when they are missing.
#   scripts/system-packages.sh run   -> python3 venv support
#   scripts/system-packages.sh test  -> the above, plus Chromium for browser tests,
#                                       gettext for the translation catalogue check and
#                                       redis-server for the outage tests, nginx for the
#                                       reverse proxy's tests (with the cache purge module)
#                                       and wrk for the benchmarks
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
if [ "${1:-run}" = "test" ] && ! command -v nginx >/dev/null; then
  # The reverse proxy of deploy/nginx/, started by its tests on a free port.
  need+=(nginx-light libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static)
fi
if [ "${1:-run}" = "test" ] && [ ! -e /usr/share/nginx/modules-available/mod-http-cache-purge.conf ]; then
  # Purges on publication (portal/core/purge.py), proven by tests/browser/test_cluster.py.
  need+=(libnginx-mod-http-cache-purge)
fi
if [ "${1:-run}" = "test" ] && ! command -v wrk >/dev/null; then
  need+=(wrk)  # the load generator of benchmarks/
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "Installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq
# Packages install; their services are not started (tests start their own).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
