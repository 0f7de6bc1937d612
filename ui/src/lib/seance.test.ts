import { describe, expect, it } from "vitest";
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
