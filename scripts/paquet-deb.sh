#!/usr/bin/env bash
# Builds the Debian package of the app with the Tauri bundler (release
# build; about 6 minutes cold on 2 cores) and checks what it holds.
#
#   scripts/paquet-deb.sh
#
# The Windows installers (NSIS, MSI) are built by .github/workflows/paquets.yml
# on a Windows runner: the bundler cannot fetch NSIS and WiX from here.
set -euo pipefail
racine="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$racine"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$racine/target}"

./scripts/installer-dependances.sh
(cd ui && npm run tauri -- build --bundles deb)

paquet="$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb | head -n 1)"
echo "==> Paquet : $paquet ($(du -h "$paquet" | cut -f1))"
dpkg-deb --info "$paquet" | sed -n '1,20p'
contenu="$(dpkg-deb --contents "$paquet")"
# dpkg-deb lists paths with or without a leading "./" depending on the
# tool that built the archive.
for attendu in usr/bin/registre-app usr/share/applications/Registre.desktop usr/share/icons/hicolor/128x128/apps/registre-app.png; do
  if ! grep -Eq " (\./)?$attendu\$" <<<"$contenu"; then
    echo "paquet-deb : $attendu absent du paquet" >&2
    exit 1
  fi
done
echo "==> Contenu vérifié : binaire, lanceur et icônes."
