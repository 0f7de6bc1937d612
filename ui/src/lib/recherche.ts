// Les critères de l'écran « Recherche » tels que le formulaire les tient
// (des chaînes, "" pour « tous »), et la requête envoyée au cœur.
import type { GenreFiche } from "../bindings/GenreFiche";
import type { RequeteRecherche } from "../bindings/RequeteRecherche";
import type { Statut } from "../bindings/Statut";
import { statuts } from "./fr";

export type CriteresRecherche = {
  texte: string;
  annee: string;
  statut: string;
  matiere: string;
  genre: string;
  /** Identifiant de séance ("2024-05-15") ou "". */
  seance: string;
  /** Identifiant d'élu rapporteur ou "". */
  rapporteur: string;
};

/** Nombre de résultats demandés, puis ajoutés par « Afficher plus ». */
export const PAS_RESULTATS = 20;

export const STATUTS: readonly Statut[] = Object.keys(statuts) as Statut[];
export const GENRES: readonly GenreFiche[] = ["deliberation", "convention"];

export function criteresVides(): CriteresRecherche {
  return { texte: "", annee: "", statut: "", matiere: "", genre: "", seance: "", rapporteur: "" };
}

function estStatut(valeur: string): valeur is Statut {
  return (STATUTS as readonly string[]).includes(valeur);
}

function estGenre(valeur: string): valeur is GenreFiche {
  return (GENRES as readonly string[]).includes(valeur);
}

/** Ni mot ni filtre : rien à chercher, l'écran invite à saisir. */
export function sansCritere(c: CriteresRecherche): boolean {
  return (
    c.texte.trim() === "" &&
    c.annee === "" &&
    c.statut === "" &&
    c.matiere === "" &&
    c.genre === "" &&
    c.seance === "" &&
    c.rapporteur === ""
  );
}

export function versRequete(c: CriteresRecherche, limite: number): RequeteRecherche {
  const annee = Number(c.annee);
  return {
    texte: c.texte.trim(),
    annee: c.annee !== "" && Number.isInteger(annee) ? annee : null,
    statut: estStatut(c.statut) ? c.statut : null,
    matiere: c.matiere !== "" ? c.matiere : null,
    genre: estGenre(c.genre) ? c.genre : null,
    seance: c.seance !== "" ? c.seance : null,
    rapporteur: c.rapporteur !== "" ? c.rapporteur : null,
    limite,
  };
}
