#!/usr/bin/env bash
# Installs what Registre needs to build, run and test on Debian 12, only
# where missing: system libraries (WebKitGTK 4.1 for Tauri 2), Xvfb and the
# WebKit WebDriver for the end-to-end suite, poppler/qpdf for PDF checks,
# the npm packages of ui/ and tests/e2e/, and tauri-driver.
set -euo pipefail
cd "$(dirname "$0")/.."

paquets=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  xvfb xauth webkit2gtk-driver dbus-daemon dbus-x11 at-spi2-core
  poppler-utils qpdf imagemagick
)
manquants=()
for p in "${paquets[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || manquants+=("$p")
done
if ((${#manquants[@]})); then
  echo "==> Paquets Debian à installer : ${manquants[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${manquants[@]}"
fi

command -v cargo >/dev/null || { echo "Rust (cargo) est requis : https://rustup.rs" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20 et npm sont requis." >&2; exit 1; }

# npm ci only when the lock changed since the last install.
installer_npm() {
  local dossier=$1
  if [ ! -f "$dossier/node_modules/.package-lock.json" ] || ! cmp -s "$dossier/package-lock.json" "$dossier/node_modules/.registre-lock"; then
    echo "==> npm ci dans $dossier"
    (cd "$dossier" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dossier/package-lock.json" "$dossier/node_modules/.registre-lock"
  fi
}
installer_npm ui
installer_npm tests/e2e

# The reference Table Schema validator, for the SCDL open-data export test.
if ! python3 -c "import frictionless" 2>/dev/null; then
  echo "==> pip install frictionless (validation du CSV SCDL)"
  python3 -m pip install --quiet --disable-pip-version-check 'frictionless>=5,<6'
fi

if ! command -v tauri-driver >/dev/null; then
  echo "==> cargo install tauri-driver (une fois, environ 2 minutes)"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
