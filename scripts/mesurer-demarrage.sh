#!/usr/bin/env bash
# Measures the app as a clerk meets it: time from launch to an interactive
# window (the interface's first call to the backend), and the memory of the
# whole process tree (the app and its WebKit processes) once idle, on the
# demo register, under Xvfb. Release build by default.
#
#   scripts/mesurer-demarrage.sh [BINAIRE]      (5 launches; median printed)
set -euo pipefail
racine="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$racine"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$racine/target}"
app="${1:-$CARGO_TARGET_DIR/release/registre-app}"
cli="${REGISTRE_CLI:-$CARGO_TARGET_DIR/debug/registre}"
if [[ ! -x "$app" ]]; then
  (cd ui && npm run build >/dev/null)
  cargo build --release -p registre-app --features registre-app/custom-protocol
fi
[[ -x "$cli" ]] || cargo build -p registre-cli

travail="$(mktemp -d)"
xvfb_pid=""
nettoyer() {
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$travail"
}
trap nettoyer EXIT
numero=120
while [[ -e "/tmp/.X11-unix/X$numero" ]]; do numero=$((numero + 1)); done
Xvfb ":$numero" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY=":$numero" HOME="$travail/home" XDG_CONFIG_HOME="$travail/config" XDG_CACHE_HOME="$travail/cache" XDG_DATA_HOME="$travail/data"
mkdir -p "$HOME"
"$cli" --db "$travail/db" demo 2>/dev/null

# Memory of a process and all its descendants, in kB, from smaps_rollup:
# PSS (shared libraries split between the processes that map them, not
# counted once per process as RSS would), or, with "prive", the pages the
# process alone has written (Private_Dirty: heap, JS, caches), which no
# other program shares and the kernel cannot drop.
memoire_arbre() {
  local champ="Pss" total enfant
  [[ "${2:-}" == prive ]] && champ="Private_Dirty"
  total="$(awk -v c="$champ:" '$1 == c {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0)"
  for enfant in $(ps -o pid= --ppid "$1"); do
    total=$((total + $(memoire_arbre "$enfant" "${2:-}")))
  done
  echo "$total"
}

# One line per process of the tree: PSS and private memory, in MB.
detail_arbre() {
  local pid="$1" enfant
  printf '  %-22s PSS %4d Mo, privée %4d Mo\n' "$(ps -o comm= -p "$pid")" \
    $(( $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup") / 1024 )) \
    $(( $(awk '/^Private_Dirty:/ {print $2}' "/proc/$pid/smaps_rollup") / 1024 ))
  for enfant in $(ps -o pid= --ppid "$pid"); do detail_arbre "$enfant"; done
}

temps=()
for essai in 1 2 3 4 5; do
  journal="$travail/journal-$essai"
  REGISTRE_MESURE_DEMARRAGE=1 REGISTRE_DB="$travail/db" dbus-run-session -- "$app" 2>"$journal" &
  session=$!
  for _ in $(seq 1 100); do
    grep -q "interface prête" "$journal" 2>/dev/null && break
    sleep 0.1
  done
  ms="$(sed -n 's/.*interface prête en \([0-9]*\) ms.*/\1/p' "$journal")"
  temps+=("${ms:-inf}")
  if [[ "$essai" == 5 ]]; then
    sleep 5
    app_pid="$(pgrep -n -f "^$app" || true)"
    if [[ -n "$app_pid" ]]; then
      echo "Mémoire de l'arbre de processus au repos (PSS) : $(( $(memoire_arbre "$app_pid") / 1024 )) Mo, dont privée : $(( $(memoire_arbre "$app_pid" prive) / 1024 )) Mo"
      detail_arbre "$app_pid"
      # What the measured window showed, to look at (the default rendering,
      # compositing off: the e2e suite runs with it on, see scripts/e2e.sh).
      capture="${CAPTURE_DEMARRAGE:-$racine/artifacts/demarrage.png}"
      mkdir -p "$(dirname "$capture")"
      import -window root "$capture" && echo "Capture de la fenêtre mesurée : $capture"
    fi
  fi
  pkill -TERM -P "$session" 2>/dev/null || true
  kill "$session" 2>/dev/null || true
  wait "$session" 2>/dev/null || true
  sleep 1
done
trie="$(printf '%s\n' "${temps[@]}" | sort -n | tr '\n' ' ')"
mediane="$(printf '%s\n' "${temps[@]}" | sort -n | sed -n 3p)"
echo "Démarrage jusqu'à l'interface interactive (ms) : $trie— médiane $mediane ms"
