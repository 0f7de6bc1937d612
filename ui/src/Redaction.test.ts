import { fireEvent, render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Redaction } from "./bindings/Redaction";
import EditeurDeliberation from "./composants/EditeurDeliberation.svelte";
import * as ipc from "./ipc";
import { fr } from "./lib/fr";
import { ecrireCopie, formulaireDepuis } from "./lib/redaction";
import { elus, matieres, redaction053, seancesResumes } from "./test/donnees";

vi.mock("./ipc", () => ({
  listerElus: vi.fn(),
  listerSeances: vi.fn(),
  listerMatieres: vi.fn(),
  proposerNumero: vi.fn(),
  lireRedaction: vi.fn(),
  enregistrerRedaction: vi.fn(),
}));

const m = vi.mocked(ipc);

beforeEach(() => {
  vi.resetAllMocks();
  localStorage.clear();
  m.listerElus.mockResolvedValue(elus);
  m.listerSeances.mockResolvedValue(seancesResumes);
  m.listerMatieres.mockResolvedValue(matieres);
  m.proposerNumero.mockResolvedValue("2024/053");
  m.lireRedaction.mockResolvedValue(redaction053);
  m.enregistrerRedaction.mockResolvedValue({ numero: "2024/053", version: 1, statut: "brouillon" });
});

afterEach(() => {
  vi.useRealTimers();
});

function envoyee(n: number): Redaction {
  const appel = m.enregistrerRedaction.mock.calls[n];
  if (!appel) throw new Error(`pas d'enregistrement n° ${n}`);
  return appel[0];
}

async function ouvrirNouvelle(): Promise<HTMLElement> {
  render(EditeurDeliberation, { numero: null, seance: "2024-05-15", role: "secretariat", onretour: vi.fn() });
  return screen.findByTestId("editeur-deliberation");
}

describe("éditeur de délibération", () => {
  it("propose le numéro, puis enregistre 800 ms après la dernière frappe et garde le numéro donné", async () => {
    const editeur = await ouvrirNouvelle();
    expect(await within(editeur).findByText(fr.redaction.numeroPropose("2024/053"))).toBeInTheDocument();
    expect(m.proposerNumero).toHaveBeenCalledWith("2024-05-15");

    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const objet = screen.getByLabelText(fr.redaction.objet);
    await user.type(objet, "Tarifs");
    await vi.advanceTimersByTimeAsync(700);
    await user.type(objet, " cantine");
    await vi.advanceTimersByTimeAsync(799);
    expect(m.enregistrerRedaction).not.toHaveBeenCalled();
    expect(screen.getByTestId("etat-enregistrement")).toHaveTextContent(fr.redaction.nonEnregistre);

    await vi.advanceTimersByTimeAsync(1);
    expect(m.enregistrerRedaction).toHaveBeenCalledTimes(1);
    expect(envoyee(0)).toMatchObject({ numero: "", seance: "2024-05-15", objet: "Tarifs cantine" });
    expect(m.enregistrerRedaction.mock.calls[0]?.[1]).toBe("secretariat");
    expect(screen.getByTestId("etat-enregistrement").textContent).toMatch(/^\s*Enregistré à \d{1,2} h \d{2}\s*$/);
    expect(screen.getByTestId("titre-redaction")).toHaveTextContent("2024/053");

    // Le numéro donné au premier enregistrement sert aux suivants.
    await user.type(objet, " 2024");
    await vi.advanceTimersByTimeAsync(800);
    expect(m.enregistrerRedaction).toHaveBeenCalledTimes(2);
    expect(envoyee(1)).toMatchObject({ numero: "2024/053", objet: "Tarifs cantine 2024" });
  });

  it("n'enregistre pas une nouvelle délibération tant que l'objet est vide", async () => {
    await ouvrirNouvelle();
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(screen.getByTestId("redaction-expose"), "Texte");
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.enregistrerRedaction).not.toHaveBeenCalled();
    expect(screen.getByTestId("etat-enregistrement")).toHaveTextContent(fr.redaction.attenteObjet);
  });

  it("enregistre aussitôt à la sortie d'un champ, avec tout le formulaire", async () => {
    const user = userEvent.setup();
    await ouvrirNouvelle();
    await user.type(screen.getByLabelText(fr.redaction.objet), "Restauration scolaire");
    await user.type(screen.getByTestId("redaction-expose"), "Le tarif est revu.");
    await user.selectOptions(screen.getByLabelText(fr.redaction.verbe(1)), "APPROUVE");
    await user.type(screen.getByLabelText(fr.redaction.texteDecision(1)), "les tarifs.");
    await user.click(screen.getByRole("button", { name: fr.redaction.ajouterDecision }));
    await user.selectOptions(screen.getByLabelText(fr.redaction.verbe(2)), "CHARGE");
    await user.type(screen.getByLabelText(fr.redaction.texteDecision(2)), "le maire de l'exécution.");
    await user.click(screen.getByRole("button", { name: fr.redaction.monterAide(2) }));
    await user.selectOptions(screen.getByLabelText(fr.redaction.matiere), "8.1");
    await user.click(screen.getByTestId("vote-detail"));
    await user.clear(screen.getByLabelText(fr.redaction.pour));
    await user.type(screen.getByLabelText(fr.redaction.pour), "21");
    await user.tab();

    const derniere = m.enregistrerRedaction.mock.calls.at(-1)?.[0];
    expect(derniere).toMatchObject({
      numero: "2024/053",
      objet: "Restauration scolaire",
      expose: "Le tarif est revu.",
      decisions: [
        { verbe: "CHARGE", texte: "le maire de l'exécution." },
        { verbe: "APPROUVE", texte: "les tarifs." },
      ],
      matiere: "8.1",
      nature: "deliberations",
      vote: { mode: "detail", pour: 21, contre: 0, abstentions: 0 },
    });
    // Le premier enregistrement (sortie du champ objet) a créé le projet.
    expect(envoyee(0)).toMatchObject({ numero: "", objet: "Restauration scolaire" });
  });

  it("insère les marques Gras, Italique et Liste autour de la sélection", async () => {
    const user = userEvent.setup();
    await ouvrirNouvelle();
    const expose = screen.getByTestId<HTMLTextAreaElement>("redaction-expose");
    await user.type(expose, "Le prix est revu");
    expose.setSelectionRange(3, 7);
    await fireEvent.click(screen.getByRole("button", { name: fr.redaction.gras }));
    expect(expose.value).toBe("Le **prix** est revu");
    expose.setSelectionRange(16, 20);
    await fireEvent.click(screen.getByRole("button", { name: fr.redaction.italique }));
    expect(expose.value).toBe("Le **prix** est _revu_");
    await fireEvent.click(screen.getByRole("button", { name: fr.redaction.liste }));
    expect(expose.value).toBe("- Le **prix** est _revu_");
    expect(screen.getByRole("toolbar", { name: fr.redaction.barreMiseEnForme })).toBeInTheDocument();
  });

  it("affiche le refus du cœur qui nomme le champ fautif", async () => {
    const user = userEvent.setup();
    m.enregistrerRedaction.mockRejectedValue({
      code: "donnee_invalide",
      message: "Donnée invalide : champ « deliberation.matiere » : matière ACTES inconnue : 99.9",
    });
    render(EditeurDeliberation, { numero: "2024/053", role: "secretariat", onretour: vi.fn() });
    const objet = await screen.findByLabelText(fr.redaction.objet);
    await user.type(objet, " !");
    await user.tab();
    const alerte = await screen.findByRole("alert");
    expect(alerte).toHaveTextContent("champ « deliberation.matiere »");
    expect(screen.getByTestId("etat-enregistrement")).toHaveTextContent(fr.redaction.echec);
    // La saisie reste en copie locale.
    expect(localStorage.getItem("registre.saisie.2024/053")).toContain("TARIFS 2024/2025 !");
  });

  it("propose de reprendre une saisie restée en copie locale", async () => {
    const user = userEvent.setup();
    ecrireCopie({ ...formulaireDepuis(redaction053), objet: "Objet tapé avant la fermeture" });
    const onretour = vi.fn();
    render(EditeurDeliberation, { numero: "2024/053", role: "secretariat", onretour });
    const offre = await screen.findByTestId("copie-locale");
    expect(offre).toHaveTextContent(fr.redaction.restaurerTitre);
    expect(screen.getByLabelText<HTMLTextAreaElement>(fr.redaction.objet).value).toBe(redaction053.objet);

    await user.click(within(offre).getByRole("button", { name: fr.redaction.restaurer }));
    expect(screen.getByLabelText<HTMLTextAreaElement>(fr.redaction.objet).value).toBe("Objet tapé avant la fermeture");
    expect(screen.queryByTestId("copie-locale")).not.toBeInTheDocument();

    // « Retour » enregistre ce qui reste avant de quitter l'éditeur.
    await user.click(screen.getByTestId("retour-editeur"));
    expect(m.enregistrerRedaction).toHaveBeenCalled();
    expect(envoyee(0)).toMatchObject({ numero: "2024/053", objet: "Objet tapé avant la fermeture" });
    expect(onretour).toHaveBeenCalledWith("2024/053");
    expect(localStorage.getItem("registre.saisie.2024/053")).toBeNull();
  });
});
