#!/usr/bin/env bash
# Installs what the editor tests (test/editors/run.mjs) need, from Debian: Emacs without X, its packaged
# eglot, and Neovim. Helix is not packaged for Debian 12, so its setup is only parsed.
# Safe to run again: nothing is installed when all three are there.
set -euo pipefail

if ! command -v emacs >/dev/null 2>&1 || ! command -v nvim >/dev/null 2>&1 || ! dpkg -s elpa-eglot >/dev/null 2>&1; then
  echo "== apt-get install emacs-nox elpa-eglot neovim"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends emacs-nox elpa-eglot neovim >/dev/null
fi
echo "== $(emacs --version | head -n 1), eglot $(dpkg-query -W -f '${Version}' elpa-eglot), $(nvim --version | head -n 1)"
