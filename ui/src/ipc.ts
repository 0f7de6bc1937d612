// Unique point de passage vers le backend Rust (commandes Tauri).
// C'est le seul fichier autorisé à importer @tauri-apps/* (API et greffons).
import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import type { DeliberationDetail } from "./bindings/DeliberationDetail";
import type { DeliberationResume } from "./bindings/DeliberationResume";
import type { Diagnostic } from "./bindings/Diagnostic";
import type { DocumentDeliberation } from "./bindings/DocumentDeliberation";
import type { DocumentSeance } from "./bindings/DocumentSeance";
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

/**
 * Octets du PDF de la délibération (l'extrait seul, ou le dossier avec la
 * convention annexée). Le backend les envoie en binaire brut.
 */
export async function pdfDeliberation(
  numero: string,
  document: DocumentDeliberation,
): Promise<Uint8Array> {
  const octets = await appeler<ArrayBuffer | number[]>("pdf_deliberation", { numero, document });
  return octets instanceof ArrayBuffer ? new Uint8Array(octets) : Uint8Array.from(octets);
}

/** Ouvre le PDF dans la visionneuse du système (via un fichier temporaire). */
export async function ouvrirPdf(numero: string, document: DocumentDeliberation): Promise<void> {
  await appeler<null>("ouvrir_pdf", { numero, document });
}

/** Écrit le PDF à l'emplacement `chemin` (remplace un fichier existant). */
export async function enregistrerPdf(
  numero: string,
  document: DocumentDeliberation,
  chemin: string,
): Promise<void> {
  await appeler<null>("enregistrer_pdf", { numero, document, chemin });
}

/**
 * Ouvre un document de la séance (liste des délibérations ou convocation)
 * dans la visionneuse du système (via un fichier temporaire).
 */
export async function ouvrirPdfSeance(id: string, document: DocumentSeance): Promise<void> {
  await appeler<null>("ouvrir_pdf_seance", { id, document });
}

/** Écrit un document de la séance à l'emplacement `chemin` (remplace un fichier existant). */
export async function enregistrerPdfSeance(
  id: string,
  document: DocumentSeance,
  chemin: string,
): Promise<void> {
  await appeler<null>("enregistrer_pdf_seance", { id, document, chemin });
}

/**
 * Dialogue « Enregistrer sous… » du système pour un PDF ; renvoie le chemin
 * choisi, ou null si l'utilisateur a annulé.
 */
export async function choisirEmplacementPdf(options: {
  titre: string;
  nomPropose: string;
  filtre: string;
}): Promise<string | null> {
  try {
    return await save({
      title: options.titre,
      defaultPath: options.nomPropose,
      filters: [{ name: options.filtre, extensions: ["pdf"] }],
    });
  } catch (e: unknown) {
    throw normaliserErreur(e);
  }
}
