#!/usr/bin/env bash
# The browser test drives Debian's Chromium with playwright-core (no browser download: the network
# reaches only the npm registry and Debian). Fails loudly when it cannot install it.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  echo "browser-setup: $(/usr/bin/chromium --version)"
  exit 0
fi
[[ $(id -u) == 0 ]] || { echo "*** THE BROWSER TEST CANNOT RUN: installing chromium needs root ***" >&2; exit 1; }
echo "browser-setup: installing chromium"
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >/tmp/nlp-chromium-apt.log 2>&1 \
  || { tail -20 /tmp/nlp-chromium-apt.log >&2; echo "*** THE BROWSER TEST CANNOT RUN: apt-get could not install chromium ***" >&2; exit 1; }
echo "browser-setup: $(/usr/bin/chromium --version)"
