// Unique point de passage vers le backend Rust (commandes Tauri).
// C'est le seul fichier autorisé à importer @tauri-apps/api.
import { invoke } from "@tauri-apps/api/core";
import type { DeliberationDetail } from "./bindings/DeliberationDetail";
import type { DeliberationResume } from "./bindings/DeliberationResume";
import type { Diagnostic } from "./bindings/Diagnostic";
import type { EluResume } from "./bindings/EluResume";
import type { EtatRegistre } from "./bindings/EtatRegistre";
import type { Seance } from "./bindings/Seance";
import type { SeanceResume } from "./bindings/SeanceResume";
import { normaliserErreur } from "./lib/erreurs";

async function appeler<T>(commande: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(commande, args);
  } catch (e: unknown) {
    // Toujours rejeter avec une ErreurIpc bien formée.
    throw normaliserErreur(e);
  }
}

export function etatRegistre(): Promise<EtatRegistre> {
  return appeler<EtatRegistre>("etat_registre");
}

export function listerDeliberations(): Promise<DeliberationResume[]> {
  return appeler<DeliberationResume[]>("lister_deliberations");
}

export function lireDeliberation(numero: string): Promise<DeliberationDetail> {
  return appeler<DeliberationDetail>("lire_deliberation", { numero });
}

export function chargerDemo(): Promise<EtatRegistre> {
  return appeler<EtatRegistre>("charger_demo");
}

/** Séances, la plus récente d'abord. */
export function listerSeances(): Promise<SeanceResume[]> {
  return appeler<SeanceResume[]>("lister_seances");
}

export function lireSeance(id: string): Promise<Seance> {
  return appeler<Seance>("lire_seance", { id });
}

/** Élus : le maire d'abord, puis par ordre alphabétique. */
export function listerElus(): Promise<EluResume[]> {
  return appeler<EluResume[]>("lister_elus");
}

/** Contrôles juridiques de la séance telle que saisie ; n'enregistre rien. */
export function verifierSeance(seance: Seance): Promise<Diagnostic[]> {
  return appeler<Diagnostic[]>("verifier_seance", { seance });
}

/** Enregistre la séance (nouvelle si son id est vide) et la renvoie avec son id. */
export function enregistrerSeance(seance: Seance): Promise<Seance> {
  return appeler<Seance>("enregistrer_seance", { seance });
}
