// Les changements de statut proposés selon le statut et le profil. Le cœur
// reste juge (il refuse avec une phrase en français) ; l'interface ne montre
// que les boutons qui ont un sens à ce stade.
import type { Role } from "../bindings/Role";
import type { Statut } from "../bindings/Statut";

export type ActionSuivi =
  | "soumettre"
  | "renvoyer_en_brouillon"
  | "bon_pour_signature"
  | "signer"
  | "transmettre"
  | "publier"
  | "rendre_executoire";

const PAR_STATUT: Record<Statut, readonly ActionSuivi[]> = {
  brouillon: ["soumettre"],
  soumis_au_maire: ["bon_pour_signature", "renvoyer_en_brouillon"],
  bon_pour_signature: ["signer", "renvoyer_en_brouillon"],
  signe: ["transmettre"],
  transmis: ["publier"],
  publie: ["rendre_executoire"],
  executoire: [],
};

/** Réservées au maire (CGCT L2122-21 : il exécute les délibérations). */
const MAIRE_SEULEMENT: readonly ActionSuivi[] = ["bon_pour_signature", "signer"];

export function actionsPossibles(statut: Statut, role: Role): ActionSuivi[] {
  return PAR_STATUT[statut].filter((a) => role === "maire" || !MAIRE_SEULEMENT.includes(a));
}

/** Le texte peut-il encore être modifié (avant le bon pour signature) ? */
export function estModifiable(statut: Statut): boolean {
  return statut === "brouillon" || statut === "soumis_au_maire";
}

const ORDRE: readonly Statut[] = [
  "brouillon",
  "soumis_au_maire",
  "bon_pour_signature",
  "signe",
  "transmis",
  "publie",
  "executoire",
];

export function estSigne(statut: Statut): boolean {
  return ORDRE.indexOf(statut) >= ORDRE.indexOf("signe");
}
