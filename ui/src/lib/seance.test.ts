import { describe, expect, it } from "vitest";
import type { Seance } from "../bindings/Seance";
import { elus, seance15mai } from "../test/donnees";
import {
  comptesSeance,
  enExercice,
  formulaireComplet,
  formulaireDepuis,
  heureIso,
  nouveauFormulaire,
  versSeance,
} from "./seance";

describe("formulaire de séance", () => {
  it("un élu est en exercice entre le début et la fin de son mandat, bornes comprises", () => {
    const elu = { id: "x", nom: "X", fonction: "", mandat_debut: "2020-05-25", mandat_fin: "2024-05-15" };
    expect(enExercice(elu, "2020-05-24")).toBe(false);
    expect(enExercice(elu, "2020-05-25")).toBe(true);
    expect(enExercice(elu, "2024-05-15")).toBe(true);
    expect(enExercice(elu, "2024-05-16")).toBe(false);
    expect(enExercice({ ...elu, mandat_debut: null, mandat_fin: null }, "1999-01-01")).toBe(true);
  });

  it("relit une séance sans la modifier et garde l'ordre des présences", () => {
    const f = formulaireDepuis(seance15mai, elus);
    expect(f.heure).toBe("18:00");
    expect(versSeance(f, elus)).toEqual({ ...seance15mai, urgence: false, sur_reconvocation: false });
  });

  it("n'envoie que les élus en exercice et nettoie l'ordre du jour", () => {
    const f = nouveauFormulaire(elus, "2024-05-15");
    f.ordre_du_jour = "  Budget \n\n Travaux ";
    f.secretaires = ["barbera-laurence", ""];
    const s = versSeance(f, elus);
    expect(s.presences.map((p) => p.elu)).not.toContain("ancien-elu");
    expect(s.presences).toHaveLength(4);
    expect(s.ordre_du_jour).toEqual(["Budget", "Travaux"]);
    expect(s.secretaires).toEqual(["barbera-laurence"]);
    expect(s.id).toBe("");
  });

  it("calcule les comptes : les représentés sont absents et votent par leur mandataire", () => {
    const c = comptesSeance(seance15mai, elus);
    expect(c).toEqual({ en_exercice: 4, presents: 3, absents: 1, representes: 1, votants: 4 });
  });

  it("heure et dates complètes avant tout appel au backend", () => {
    expect(heureIso("18:30")).toBe("18:30:00");
    expect(heureIso("18:30:15")).toBe("18:30:15");
    expect(heureIso("")).toBeNull();
    const f = nouveauFormulaire(elus, "2024-05-15");
    f.heure = "18:00";
    expect(formulaireComplet(f)).toBe(false);
    f.date_convocation = "2024-05-07";
    expect(formulaireComplet(f)).toBe(true);
  });
});

describe("suites de la séance", () => {
  it("garde les dates d'affichage de la liste et du procès-verbal, et les retire une fois effacées", () => {
    const avec: Seance = {
      ...seance15mai,
      liste_affichee_le: "2024-05-17",
      liste_en_ligne_le: "2024-05-18",
      pv_arrete_le: "2024-06-27",
    };
    const f = formulaireDepuis(avec, elus);
    expect(f.liste_affichee_le).toBe("2024-05-17");
    const relue = versSeance(f, elus);
    expect(relue.liste_en_ligne_le).toBe("2024-05-18");
    expect(relue.pv_arrete_le).toBe("2024-06-27");
    expect(relue).not.toHaveProperty("pv_publie_le");
    const effacee = versSeance({ ...f, liste_affichee_le: "" }, elus);
    expect(effacee).not.toHaveProperty("liste_affichee_le");
  });
});
