#!/usr/bin/env bash
# Runs the end-to-end suite (tests/e2e) against an already built app and CLI.
#
#   scripts/e2e.sh
#
# Environment (all optional):
#   REGISTRE_APP      app binary      (default: ${CARGO_TARGET_DIR:-target}/debug/registre-app)
#                     built with:  cargo build -p registre-app --features custom-protocol
#   REGISTRE_CLI      CLI binary      (default: ${CARGO_TARGET_DIR:-target}/debug/registre)
#   ARTIFACTS_DIR     screenshots     (default: artifacts/e2e)
#   TAURI_DRIVER      tauri-driver    (default: ~/.cargo/bin/tauri-driver, else PATH)
#   WEBKIT_WEBDRIVER  native driver   (default: /usr/bin/WebKitWebDriver)
#   DISPLAY           when unset, a private Xvfb server is started and stopped here.
# Extra arguments are passed to `node --test` (e.g. --test-name-pattern=vide).
set -euo pipefail

racine="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$racine"

cible="${CARGO_TARGET_DIR:-target}"
case "$cible" in /*) ;; *) cible="$racine/$cible" ;; esac
export REGISTRE_APP="${REGISTRE_APP:-$cible/debug/registre-app}"
export REGISTRE_CLI="${REGISTRE_CLI:-$cible/debug/registre}"
export ARTIFACTS_DIR="${ARTIFACTS_DIR:-$racine/artifacts/e2e}"

for binaire in "$REGISTRE_APP" "$REGISTRE_CLI"; do
  if [[ ! -x "$binaire" ]]; then
    echo "e2e: binaire introuvable : $binaire" >&2
    echo "e2e: construisez d'abord : cargo build -p registre-cli && cargo build -p registre-app --features custom-protocol" >&2
    exit 2
  fi
done

if ! command -v "${TAURI_DRIVER:-tauri-driver}" >/dev/null 2>&1 && [[ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]]; then
  echo "e2e: tauri-driver introuvable : cargo install tauri-driver --locked" >&2
  exit 2
fi

# tauri-driver is resolved now: HOME changes below.
if [[ -z "${TAURI_DRIVER:-}" ]]; then
  if [[ -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]]; then
    export TAURI_DRIVER="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  else
    TAURI_DRIVER="$(command -v tauri-driver)"
    export TAURI_DRIVER
  fi
fi

# A private desktop session for the app: its own HOME and XDG directories
# (GTK, WebKit, dconf and mesa caches, D-Bus autolaunch files, the document
# portal's FUSE mount) so that nothing left by an earlier run, another suite
# or a killed session on this machine can slow down or break this one.
session="$(mktemp -d "${TMPDIR:-/tmp}/registre-e2e-session-XXXXXX")"
mkdir -p "$session/home" "$session/cache" "$session/config" "$session/data" "$session/runtime"
chmod 700 "$session/runtime"

xvfb_pid=""
nettoyer() {
  if [[ -n "$xvfb_pid" ]]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  # A portal daemon may leave a FUSE mount behind: detach it before removal.
  if [[ -n "${session:-}" && -d "$session" ]]; then
    while read -r _ point _; do
      case "$point" in "$session"/*) fusermount -u -z "$point" 2>/dev/null || umount -l "$point" 2>/dev/null || true ;; esac
    done < /proc/mounts
    rm -rf "$session" 2>/dev/null || true
  fi
}
trap nettoyer EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${DISPLAY:-}" ]]; then
  # First free display number from :99 upwards.
  numero=99
  while [[ -e "/tmp/.X11-unix/X$numero" || -e "/tmp/.X$numero-lock" ]]; do
    numero=$((numero + 1))
  done
  Xvfb ":$numero" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$numero"
  for _ in $(seq 1 50); do
    [[ -e "/tmp/.X11-unix/X$numero" ]] && break
    if ! kill -0 "$xvfb_pid" 2>/dev/null; then
      echo "e2e: Xvfb n'a pas démarré sur $DISPLAY" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "e2e: Xvfb démarré sur $DISPLAY (pid $xvfb_pid)"
fi


# Under Xvfb, WEBKIT_DISABLE_DMABUF_RENDERER=1 makes WebKitWebDriver's
# screenshot command hang (the default renderer works): warn, don't guess.
if [[ -n "${WEBKIT_DISABLE_DMABUF_RENDERER:-}" ]]; then
  echo "e2e: attention : WEBKIT_DISABLE_DMABUF_RENDERER est défini ; les captures d'écran risquent d'expirer" >&2
fi

cd "$racine/tests/e2e"
if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund
fi

mkdir -p "$ARTIFACTS_DIR"
echo "e2e: application $REGISTRE_APP"
echo "e2e: CLI         $REGISTRE_CLI"
echo "e2e: session     $session"

export HOME="$session/home"
export XDG_CACHE_HOME="$session/cache" XDG_CONFIG_HOME="$session/config"
export XDG_DATA_HOME="$session/data" XDG_RUNTIME_DIR="$session/runtime"
unset DBUS_SESSION_BUS_ADDRESS
# The app turns WebKit's compositing off to save memory (src-tauri,
# rendu_sans_composition); WebKitWebDriver's screenshot then hangs after the
# first capture under Xvfb. The suite keeps compositing on ("0" is WebKit's
# "not disabled"), so its captures work; the app's default rendering is
# checked by scripts/mesurer-demarrage.sh, which also captures the window.
export WEBKIT_DISABLE_COMPOSITING_MODE=0
# Accessibility is audited in the DOM by the suite, not through AT-SPI:
# no accessibility bus to start.
export NO_AT_BRIDGE=1

# Not exec: the EXIT trap must still stop Xvfb. dbus-run-session gives the
# app a private session bus that ends with the suite.
dbus-run-session -- node --test --test-concurrency=1 "$@" registre.test.mjs
