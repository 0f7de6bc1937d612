#!/usr/bin/env bash
# Installs what is missing, builds Registre and opens it on the demo register
# (Pézilla-la-Rivière, séance du 15 mai 2024), kept in .demo-db/ beside the
# sources so it never touches a real register.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

./scripts/installer-dependances.sh
(cd ui && npm run build --silent)
cargo build --locked -p registre-app -p registre-cli --features registre-app/custom-protocol

demo="${REGISTRE_DB:-$PWD/.demo-db}"
if [ ! -d "$demo/sled" ]; then
  "$CARGO_TARGET_DIR/debug/registre" --db "$demo" demo
fi
echo "==> Registre s'ouvre sur « $demo »"
REGISTRE_DB="$demo" exec "$CARGO_TARGET_DIR/debug/registre-app"
