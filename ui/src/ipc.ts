// Unique point de passage vers le backend Rust (commandes Tauri).
// C'est le seul fichier autorisé à importer @tauri-apps/api.
import { invoke } from "@tauri-apps/api/core";
import type { DeliberationDetail } from "./bindings/DeliberationDetail";
import type { DeliberationResume } from "./bindings/DeliberationResume";
import type { EtatRegistre } from "./bindings/EtatRegistre";
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
