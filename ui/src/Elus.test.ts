import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { Elu } from "./bindings/Elu";
import * as ipc from "./ipc";
import { civilites, fonctions, fr } from "./lib/fr";
import { elus, etatPezilla, resumes, tableauVide } from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  tableauDeBord: vi.fn(),
  listerElus: vi.fn(),
  lireElu: vi.fn(),
  enregistrerElu: vi.fn(),
}));

const m = vi.mocked(ipc);

const barbera: Elu = {
  id: "barbera-laurence",
  civilite: "madame",
  prenom: "Laurence",
  nom: "BARBERA",
  fonction: "conseiller",
  mandat_debut: "2020-05-23",
  mandat_fin: null,
};

beforeEach(() => {
  vi.resetAllMocks();
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue(resumes);
  m.tableauDeBord.mockResolvedValue(tableauVide);
  m.listerElus.mockResolvedValue(elus);
  m.lireElu.mockResolvedValue(barbera);
  m.enregistrerElu.mockImplementation((e: Elu) => Promise.resolve({ ...e, id: e.id || "durand-elodie" }));
});

async function ouvrirElus(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(App);
  await user.click(await screen.findByTestId("nav-elus"));
  return screen.findByTestId("ecran-elus");
}

describe("écran Élus", () => {
  it("liste le conseil avec la fonction et l'état du mandat", async () => {
    const user = userEvent.setup();
    const ecran = await ouvrirElus(user);
    expect(screen.getByTestId("nav-elus")).toHaveAttribute("aria-current", "page");
    const lignes = await within(ecran).findAllByTestId("ligne-elu");
    expect(lignes).toHaveLength(elus.length);
    expect(lignes[0]).toHaveTextContent("Jean-Paul BILLES");
    expect(lignes[0]).toHaveTextContent("Maire");
    expect(lignes[0]).toHaveTextContent(fr.elus.enCours(null));
    expect(lignes[4]).toHaveTextContent(fr.elus.termine("31/12/2023"));
  });

  it("ajoute un adjoint : le rang n'est demandé que pour un adjoint, la liste est relue", async () => {
    const user = userEvent.setup();
    const ecran = await ouvrirElus(user);
    await user.click(await within(ecran).findByTestId("ajouter-elu"));
    const form = within(ecran).getByTestId("formulaire-elu");
    expect(within(form).getByLabelText(fr.elus.civilite)).toHaveFocus();
    expect(within(form).queryByLabelText(fr.elus.rang)).toBeNull();
    await user.type(within(form).getByLabelText(fr.elus.prenom), "Élodie");
    await user.type(within(form).getByLabelText(fr.elus.nom), "DURAND");
    await user.selectOptions(within(form).getByLabelText(fr.elus.fonction), fonctions.adjoint);
    const rang = within(form).getByLabelText(fr.elus.rang);
    await user.clear(rang);
    await user.type(rang, "3");
    await user.type(within(form).getByLabelText(fr.elus.mandatDebut), "2024-06-01");
    await user.click(within(form).getByTestId("enregistrer-elu"));

    await waitFor(() => expect(m.enregistrerElu).toHaveBeenCalledTimes(1));
    expect(m.enregistrerElu.mock.calls[0]?.[0]).toEqual({
      id: "",
      civilite: "madame",
      prenom: "Élodie",
      nom: "DURAND",
      fonction: "adjoint",
      rang: 3,
      mandat_debut: "2024-06-01",
      mandat_fin: null,
    });
    expect(await within(ecran).findByTestId("elu-enregistre")).toHaveTextContent(fr.elus.enregistre("Élodie DURAND"));
    expect(within(ecran).queryByTestId("formulaire-elu")).toBeNull();
    expect(m.listerElus).toHaveBeenCalledTimes(2);
    expect(within(ecran).getByTestId("ajouter-elu")).toHaveFocus();
  });

  it("Échap ferme le formulaire sans rien enregistrer et rend le focus au bouton", async () => {
    const user = userEvent.setup();
    const ecran = await ouvrirElus(user);
    await user.click(await within(ecran).findByTestId("ajouter-elu"));
    await user.type(within(ecran).getByLabelText(fr.elus.prenom), "Élodie");
    await user.keyboard("{Escape}");
    expect(within(ecran).queryByTestId("formulaire-elu")).toBeNull();
    expect(within(ecran).getByTestId("ajouter-elu")).toHaveFocus();
    expect(m.enregistrerElu).not.toHaveBeenCalled();
  });

  it("un refus du cœur est lu en clair, le champ fautif marqué, la saisie gardée", async () => {
    const user = userEvent.setup();
    m.enregistrerElu.mockRejectedValue({
      code: "donnee_invalide",
      message: "elu.mandat_fin : Laurence BARBERA a siégé le 15/05/2024 à une séance dont les actes sont signés",
      champ: "elu.mandat_fin",
    });
    const ecran = await ouvrirElus(user);
    const lignes = await within(ecran).findAllByTestId("ligne-elu");
    await user.click(within(lignes[1] as HTMLElement).getByRole("button", { name: fr.elus.modifierNom("Laurence BARBERA") }));
    const form = await within(ecran).findByTestId("formulaire-elu");
    expect(m.lireElu).toHaveBeenCalledWith("barbera-laurence");
    expect(within(form).getByLabelText(fr.elus.civilite)).toHaveValue("madame");
    expect(within(form).getByLabelText(fr.elus.civilite)).toHaveDisplayValue(civilites.madame);
    const fin = within(form).getByLabelText(fr.elus.mandatFin);
    await user.type(fin, "2024-01-31");
    await user.click(within(form).getByTestId("enregistrer-elu"));

    const alerte = await within(form).findByTestId("alerte-erreur");
    expect(alerte).toHaveTextContent("a siégé le 15/05/2024");
    expect(fin).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByLabelText(fr.elus.nom)).toHaveAttribute("aria-invalid", "false");
    expect(fin).toHaveValue("2024-01-31");
  });
});
