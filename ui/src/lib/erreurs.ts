// Normalisation des erreurs renvoyées par le backend (ou survenues côté
// interface) en une ErreurIpc { code, message } toujours bien formée.
import type { CodeErreur } from "../bindings/CodeErreur";
import type { ErreurIpc } from "../bindings/ErreurIpc";
import { erreurs } from "./fr";

function estCodeErreur(valeur: unknown): valeur is CodeErreur {
  return typeof valeur === "string" && Object.hasOwn(erreurs, valeur);
}

export function estErreurIpc(valeur: unknown): valeur is ErreurIpc {
  if (typeof valeur !== "object" || valeur === null) return false;
  const v = valeur as Record<string, unknown>;
  return estCodeErreur(v["code"]) && typeof v["message"] === "string";
}

function messageDe(valeur: unknown): string {
  if (typeof valeur === "string") return valeur;
  if (valeur instanceof Error) return valeur.message;
  if (typeof valeur === "object" && valeur !== null) {
    const message = (valeur as Record<string, unknown>)["message"];
    if (typeof message === "string") return message;
    try {
      return JSON.stringify(valeur);
    } catch {
      return "";
    }
  }
  return valeur === undefined ? "" : String(valeur);
}

/** Toute valeur rejetée devient une ErreurIpc ; un code inconnu devient "interne". */
export function normaliserErreur(valeur: unknown): ErreurIpc {
  if (estErreurIpc(valeur)) {
    const motifs = Array.isArray(valeur.motifs) ? valeur.motifs.filter((m) => typeof m === "string") : [];
    const erreur: ErreurIpc = { code: valeur.code, message: valeur.message };
    if (motifs.length > 0) erreur.motifs = motifs;
    if (typeof valeur.champ === "string") erreur.champ = valeur.champ;
    return erreur;
  }
  return { code: "interne", message: messageDe(valeur) };
}
