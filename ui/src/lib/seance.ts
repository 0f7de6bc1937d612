// Modèle du formulaire de séance : conversion depuis et vers le type Seance
// du backend, et comptes affichés pendant la saisie. Les comptes ne sont
// qu'un affichage : les contrôles juridiques restent ceux du cœur Rust.
import type { EluResume } from "../bindings/EluResume";
import type { EtatPresence } from "../bindings/EtatPresence";
import type { Presence } from "../bindings/Presence";
import type { Seance } from "../bindings/Seance";

export type Etat = EtatPresence["etat"];

export const ETATS: readonly Etat[] = ["present", "absent_excuse", "absent", "represente"];

/** État de présence d'un élu tel que saisi (mandataire vide tant qu'il n'est pas choisi). */
export type LignePresence = { etat: Etat; mandataire: string };

export type FormulaireSeance = {
  id: string;
  date: string;
  /** "18:00" (valeur d'un champ de type time). */
  heure: string;
  lieu: string;
  president: string;
  date_convocation: string;
  secretaires: string[];
  urgence: boolean;
  sur_reconvocation: boolean;
  /** Un point par ligne. */
  ordre_du_jour: string;
  /** Par identifiant d'élu, pour tous les élus du registre. */
  presences: Record<string, LignePresence>;
  /** Ordre des présences de la séance lue, conservé à l'enregistrement. */
  ordre_presences: string[];
  /** Suites de la séance (L2121-25, L2121-15) : "" tant que non faites. */
  liste_affichee_le: string;
  liste_en_ligne_le: string;
  pv_arrete_le: string;
  pv_publie_le: string;
};

const DATE_ISO = /^\d{4}-\d{2}-\d{2}$/;
const HEURE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function dateValide(date: string): boolean {
  return DATE_ISO.test(date);
}

/** Un élu est en exercice à la date si mandat_debut ≤ date ≤ mandat_fin (null : ouvert). */
export function enExercice(elu: EluResume, date: string): boolean {
  if (!dateValide(date)) return true;
  if (elu.mandat_debut !== null && elu.mandat_debut > date) return false;
  if (elu.mandat_fin !== null && elu.mandat_fin < date) return false;
  return true;
}

export function elusEnExercice(elus: EluResume[], date: string): EluResume[] {
  return elus.filter((e) => enExercice(e, date));
}

/** Nouvelle séance : tout le monde présent, présidence au maire (premier de la liste). */
export function nouveauFormulaire(elus: EluResume[], date: string): FormulaireSeance {
  const presences: Record<string, LignePresence> = {};
  for (const e of elus) presences[e.id] = { etat: "present", mandataire: "" };
  return {
    id: "",
    date,
    heure: "",
    lieu: "",
    president: elus[0]?.id ?? "",
    date_convocation: "",
    secretaires: [""],
    urgence: false,
    sur_reconvocation: false,
    ordre_du_jour: "",
    presences,
    ordre_presences: [],
    liste_affichee_le: "",
    liste_en_ligne_le: "",
    pv_arrete_le: "",
    pv_publie_le: "",
  };
}

export function formulaireDepuis(seance: Seance, elus: EluResume[]): FormulaireSeance {
  const presences: Record<string, LignePresence> = {};
  // Un élu absent des présences enregistrées (nouvel élu…) est proposé présent.
  for (const e of elus) presences[e.id] = { etat: "present", mandataire: "" };
  for (const p of seance.presences) {
    presences[p.elu] = {
      etat: p.etat,
      mandataire: p.etat === "represente" ? p.mandataire : "",
    };
  }
  return {
    id: seance.id,
    date: seance.date,
    heure: seance.heure.slice(0, 5),
    lieu: seance.lieu,
    president: seance.president,
    date_convocation: seance.date_convocation,
    secretaires: seance.secretaires.length > 0 ? [...seance.secretaires] : [""],
    urgence: seance.urgence ?? false,
    sur_reconvocation: seance.sur_reconvocation ?? false,
    ordre_du_jour: (seance.ordre_du_jour ?? []).join("\n"),
    presences,
    ordre_presences: seance.presences.map((p) => p.elu),
    liste_affichee_le: seance.liste_affichee_le ?? "",
    liste_en_ligne_le: seance.liste_en_ligne_le ?? "",
    pv_arrete_le: seance.pv_arrete_le ?? "",
    pv_publie_le: seance.pv_publie_le ?? "",
  };
}

/** "18:00" → "18:00:00" ; null si l'heure n'est pas saisie ou invalide. */
export function heureIso(heure: string): string | null {
  const m = HEURE.exec(heure.trim());
  if (!m) return null;
  return `${m[1]}:${m[2]}:${m[3] ?? "00"}`;
}

/** Le formulaire peut-il être transmis au backend (dates et heure lisibles) ? */
export function formulaireComplet(f: FormulaireSeance): boolean {
  return dateValide(f.date) && dateValide(f.date_convocation) && heureIso(f.heure) !== null;
}

function presence(elu: string, ligne: LignePresence): Presence {
  return ligne.etat === "represente"
    ? { elu, etat: "represente", mandataire: ligne.mandataire }
    : { elu, etat: ligne.etat };
}

/**
 * La séance à envoyer au backend : présences des seuls élus en exercice à la
 * date, dans l'ordre de la séance lue puis dans celui de la liste des élus.
 */
export function versSeance(f: FormulaireSeance, elus: EluResume[]): Seance {
  const enFonction = new Set(elusEnExercice(elus, f.date).map((e) => e.id));
  const ordre = [...f.ordre_presences, ...elus.map((e) => e.id)].filter(
    (id, i, tous) => enFonction.has(id) && tous.indexOf(id) === i,
  );
  const presences = ordre.flatMap((id) => {
    const ligne = f.presences[id];
    return ligne ? [presence(id, ligne)] : [];
  });
  return {
    id: f.id,
    date: f.date,
    heure: heureIso(f.heure) ?? f.heure,
    lieu: f.lieu.trim(),
    president: f.president,
    date_convocation: f.date_convocation,
    secretaires: f.secretaires.filter((s) => s !== ""),
    presences,
    ordre_du_jour: f.ordre_du_jour
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== ""),
    urgence: f.urgence,
    sur_reconvocation: f.sur_reconvocation,
    // Absent when not done: a séance read and saved unchanged stays identical.
    ...(dateValide(f.liste_affichee_le) ? { liste_affichee_le: f.liste_affichee_le } : {}),
    ...(dateValide(f.liste_en_ligne_le) ? { liste_en_ligne_le: f.liste_en_ligne_le } : {}),
    ...(dateValide(f.pv_arrete_le) ? { pv_arrete_le: f.pv_arrete_le } : {}),
    ...(dateValide(f.pv_publie_le) ? { pv_publie_le: f.pv_publie_le } : {}),
  };
}

export type ComptesSeance = {
  en_exercice: number;
  presents: number;
  absents: number;
  representes: number;
  votants: number;
};

/** Comptes à l'ouverture : les représentés sont aussi des absents ; votants = présents + représentés. */
export function comptesSeance(seance: Seance, elus: EluResume[]): ComptesSeance {
  const en_exercice = elusEnExercice(elus, seance.date).length;
  const presents = seance.presences.filter((p) => p.etat === "present").length;
  const representes = seance.presences.filter((p) => p.etat === "represente").length;
  return {
    en_exercice,
    presents,
    absents: en_exercice - presents,
    representes,
    votants: presents + representes,
  };
}
