#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3) into .vscode-test/code-server/ so that the
# integration and browser tests run in a real VS Code without downloading a VS Code build.
# Idempotent: does nothing when the marker file of a finished install exists.
# Installs missing Debian packages (chromium, ripgrep, headers for native modules) with apt-get,
# as root or through sudo.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSTALL_DIR="${MARGINALIA_CODE_SERVER_DIR:-$PROJECT_ROOT/.vscode-test/code-server}"
MARKER="$INSTALL_DIR/.installed-$CODE_SERVER_VERSION"
# fonts-dejavu-core: a bare image may have no fonts, and screenshots would show boxes.
APT_PACKAGES=(chromium fonts-dejavu-core ripgrep libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev build-essential python3 pkg-config)

export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_unsafe_perm=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { echo "[install-code-server] $*"; }

install_missing_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      # python3 may come from elsewhere (pyenv); only the command matters for node-gyp.
      if [ "$pkg" = python3 ] && command -v python3 >/dev/null; then continue; fi
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "apt packages already present"
    return
  fi
  if ! command -v apt-get >/dev/null; then
    log "missing packages ${missing[*]} and no apt-get: install them by hand" >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  log "installing apt packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}"
}

install_missing_apt_packages

if [ -f "$MARKER" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $INSTALL_DIR"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR"
rm -rf "$INSTALL_DIR"
mkdir -p "$INSTALL_DIR"
cd "$INSTALL_DIR"
# Its own package.json keeps this install out of the project's dependencies.
echo '{ "name": "marginalia-code-server-cache", "private": true }' > package.json
npm install --ignore-scripts --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION"
npm rebuild argon2 --foreground-scripts --loglevel=error

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error
# @vscode/ripgrep's postinstall downloads rg from GitHub; use Debian's rg instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Native modules against the local Node headers (no header download needed).
npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}" \
  npm rebuild --foreground-scripts --loglevel=error
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --loglevel=error)

touch "$MARKER"
log "done: $INSTALL_DIR/node_modules/code-server/out/node/entry.js"
