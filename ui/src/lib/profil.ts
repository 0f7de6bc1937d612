// Le profil déclaré dans l'en-tête (secrétariat ou maire), mémorisé sur ce
// poste. Ce n'est pas une authentification : le rôle choisi est transmis aux
// commandes, et le cœur l'inscrit dans l'historique.
import type { Role } from "../bindings/Role";

export const ROLES: readonly Role[] = ["secretariat", "maire"];

const CLE = "registre.profil";

export function estRole(valeur: unknown): valeur is Role {
  return typeof valeur === "string" && (ROLES as readonly string[]).includes(valeur);
}

export function lireProfil(): Role {
  try {
    const valeur = localStorage.getItem(CLE);
    return estRole(valeur) ? valeur : "secretariat";
  } catch {
    return "secretariat";
  }
}

export function memoriserProfil(role: Role): void {
  try {
    localStorage.setItem(CLE, role);
  } catch {
    // Stockage local indisponible : le profil vaut pour la session.
  }
}
