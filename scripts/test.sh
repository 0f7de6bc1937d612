#!/usr/bin/env bash
# Runs every test layer of Registre: formatting, clippy, the Rust unit and
# integration tests (with the drift checks of the TypeScript bindings and
# the JSON Schema), the UI lint and component tests, then the end-to-end
# suite driving the real app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# One feature set for every cargo step, so clippy, the tests and the app
# build share their compiled dependencies; the app serves the embedded ui/dist.
APP_FEATURES=registre-app/custom-protocol

./scripts/installer-dependances.sh

etape() { printf '\n==> %s\n' "$*"; }

etape "Interface : build (ui/dist, embarqué dans l'application)"
(cd ui && npm run build --silent)

etape "Rust : rustfmt"
cargo fmt --all --check

etape "Rust : clippy -D warnings"
cargo clippy --workspace --all-targets --locked --features "$APP_FEATURES" -- -D warnings

etape "Rust : tests unitaires et d'intégration"
REGISTRE_EXIGER_FRICTIONLESS=1 cargo test --workspace --locked --features "$APP_FEATURES"

etape "Interface : lint (ESLint, svelte-check) et tests de composants"
(cd ui && npm run lint && npm test)

etape "Bout en bout : application réelle sous Xvfb (tauri-driver + WebKitWebDriver)"
cargo build --locked -p registre-app -p registre-cli --features "$APP_FEATURES"
REGISTRE_APP="$CARGO_TARGET_DIR/debug/registre-app" \
REGISTRE_CLI="$CARGO_TARGET_DIR/debug/registre" \
  ./scripts/e2e.sh

etape "Tous les tests sont passés."
