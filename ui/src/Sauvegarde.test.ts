import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import * as ipc from "./ipc";
import { erreurs, fr } from "./lib/fr";
import { etatPezilla, etatVide, resumes, tableauVide } from "./test/donnees";

vi.mock("./ipc", () => ({
  copiesAGarder: vi.fn(),
  definirCopiesAGarder: vi.fn(),
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  tableauDeBord: vi.fn(),
  chargerDemo: vi.fn(),
  sauvegarderSous: vi.fn(),
  restaurerSauvegarde: vi.fn(),
  exporterScdl: vi.fn(),
  exporterPublication: vi.fn(),
  choisirEmplacementFichier: vi.fn(),
  choisirFichierAOuvrir: vi.fn(),
  choisirDossier: vi.fn(),
  suivreOperation: vi.fn(),
  annulerOperation: vi.fn(),
}));

const m = vi.mocked(ipc);
const FICHIER = "/home/mairie/registre-20240101.json";

beforeEach(() => {
  vi.resetAllMocks();
  m.copiesAGarder.mockResolvedValue(10);
  m.definirCopiesAGarder.mockImplementation((n: number) => Promise.resolve(n));
  m.suivreOperation.mockResolvedValue(() => {});
  m.annulerOperation.mockResolvedValue(undefined);
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue([
    ...resumes,
    { numero: "2023/031", date_seance: "2023-12-12", objet: "BUDGET PRIMITIF", statut: "executoire" },
  ]);
  m.tableauDeBord.mockResolvedValue(tableauVide);
});

async function ouvrirEcran(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(App);
  await user.click(await screen.findByTestId("nav-sauvegarde"));
  return screen.findByTestId("ecran-sauvegarde");
}

describe("sauvegarde", () => {
  it("« Sauvegarder sous… » propose registre-AAAAMMJJ.json et dit où la sauvegarde est écrite", async () => {
    const user = userEvent.setup();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2024, 4, 27, 10, 0));
    try {
      m.choisirEmplacementFichier.mockResolvedValue("/home/mairie/registre-20240527.json");
      m.sauvegarderSous.mockResolvedValue();
      const ecran = await ouvrirEcran(user);
      expect(screen.getByTestId("nav-sauvegarde")).toHaveAttribute("aria-current", "page");
      expect(within(ecran).getByTestId("sauvegardes-automatiques")).toHaveTextContent(fr.sauvegarde.automatiques);
      expect(within(ecran).getByTestId("sauvegarde-emplacement")).toHaveTextContent(etatPezilla.emplacement);
      await user.click(within(ecran).getByRole("button", { name: fr.sauvegarde.sauvegarderSous }));
      expect(m.choisirEmplacementFichier).toHaveBeenCalledWith(
        expect.objectContaining({ nomPropose: "registre-20240527.json", extension: "json" }),
      );
      expect(m.sauvegarderSous).toHaveBeenCalledWith(
        "/home/mairie/registre-20240527.json",
        expect.stringMatching(/^operation-/),
      );
      expect(await within(ecran).findByTestId("sauvegarde-faite")).toHaveTextContent(
        "Sauvegarde enregistrée : /home/mairie/registre-20240527.json",
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it("ne fait rien si le dialogue est annulé", async () => {
    const user = userEvent.setup();
    m.choisirEmplacementFichier.mockResolvedValue(null);
    const ecran = await ouvrirEcran(user);
    await user.click(within(ecran).getByRole("button", { name: fr.sauvegarde.sauvegarderSous }));
    expect(m.sauvegarderSous).not.toHaveBeenCalled();
    expect(within(ecran).queryByRole("status")).not.toBeInTheDocument();
  });
});

describe("restauration", () => {
  it("demande confirmation avant de remplacer le registre ; « Annuler » ne touche à rien", async () => {
    const user = userEvent.setup();
    m.choisirFichierAOuvrir.mockResolvedValue(FICHIER);
    const ecran = await ouvrirEcran(user);
    await user.click(within(ecran).getByRole("button", { name: fr.sauvegarde.restaurer }));
    const confirmation = await within(ecran).findByRole("alertdialog");
    expect(confirmation).toHaveTextContent(
      `Le registre actuel sera remplacé par la sauvegarde « ${FICHIER} ».`,
    );
    expect(m.restaurerSauvegarde).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(confirmation).getByRole("button", { name: fr.sauvegarde.confirmer }));
    await user.click(within(confirmation).getByRole("button", { name: fr.sauvegarde.annuler }));
    expect(within(ecran).queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(m.restaurerSauvegarde).not.toHaveBeenCalled();
  });

  it("restaure après confirmation, puis relit l'état du registre", async () => {
    const user = userEvent.setup();
    m.choisirFichierAOuvrir.mockResolvedValue(FICHIER);
    m.restaurerSauvegarde.mockResolvedValue({ ...etatPezilla, commune: "Baixas", nombre_deliberations: 12 });
    const ecran = await ouvrirEcran(user);
    expect(m.listerDeliberations).toHaveBeenCalledTimes(1);
    await user.click(within(ecran).getByRole("button", { name: fr.sauvegarde.restaurer }));
    await user.click(await within(ecran).findByRole("button", { name: fr.sauvegarde.confirmer }));
    await waitFor(() =>
      expect(m.restaurerSauvegarde).toHaveBeenCalledWith(FICHIER, expect.stringMatching(/^operation-/)),
    );
    expect(await within(ecran).findByTestId("restauration-faite")).toHaveTextContent(fr.sauvegarde.restauree(12));
    expect(screen.getByTestId("nom-commune")).toHaveTextContent("Commune de Baixas");
    expect(m.listerDeliberations).toHaveBeenCalledTimes(2);
  });

  it("« Annuler » pendant la vérification : le registre n'est pas remplacé, et ce n'est pas une erreur", async () => {
    const user = userEvent.setup();
    m.choisirFichierAOuvrir.mockResolvedValue(FICHIER);
    let refuser: (e: unknown) => void = () => {};
    m.restaurerSauvegarde.mockReturnValue(new Promise((_r, rejet) => (refuser = rejet)));
    const ecran = await ouvrirEcran(user);
    await user.click(within(ecran).getByRole("button", { name: fr.sauvegarde.restaurer }));
    await user.click(await within(ecran).findByRole("button", { name: fr.sauvegarde.confirmer }));
    const progression = await within(ecran).findByTestId("progression");
    expect(progression).toHaveTextContent(fr.sauvegarde.restaurationEnCours);
    await user.click(within(progression).getByRole("button", { name: fr.progression.annuler }));
    const operation = m.restaurerSauvegarde.mock.calls[0]?.[1];
    expect(m.annulerOperation).toHaveBeenCalledWith(operation);
    refuser({ code: "annulee", message: "Opération annulée : rien n'a été écrit." });
    expect(await within(ecran).findByTestId("restauration-faite")).toHaveTextContent(fr.progression.annulee);
    expect(within(ecran).queryByRole("alert")).not.toBeInTheDocument();
    expect(within(ecran).queryByTestId("progression")).not.toBeInTheDocument();
    expect(m.listerDeliberations).toHaveBeenCalledTimes(1);
  });

  it("montre chaque raison du refus d'une sauvegarde invalide", async () => {
    const user = userEvent.setup();
    m.choisirFichierAOuvrir.mockResolvedValue(FICHIER);
    m.restaurerSauvegarde.mockRejectedValue({
      code: "import_invalide",
      message:
        "Le fichier n'a pas été importé, rien n'a été modifié.\n  - champ « deliberations[0].seance » : séance inconnue\n  - le PDF signé de 2024/052 ne correspond pas à son empreinte SHA-256",
      motifs: [
        "champ « deliberations[0].seance » : séance inconnue",
        "le PDF signé de 2024/052 ne correspond pas à son empreinte SHA-256",
      ],
    });
    const ecran = await ouvrirEcran(user);
    await user.click(within(ecran).getByRole("button", { name: fr.sauvegarde.restaurer }));
    await user.click(await within(ecran).findByRole("button", { name: fr.sauvegarde.confirmer }));
    const alerte = await within(ecran).findByRole("alert");
    expect(alerte).toHaveAttribute("data-code", "import_invalide");
    expect(alerte).toHaveTextContent(erreurs.import_invalide);
    expect(within(alerte).getAllByTestId("motif-erreur").map((l) => l.textContent)).toEqual([
      "champ « deliberations[0].seance » : séance inconnue",
      "le PDF signé de 2024/052 ne correspond pas à son empreinte SHA-256",
    ]);
    expect(within(ecran).queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(screen.queryByTestId("restauration-faite")).not.toBeInTheDocument();
  });

  it("est aussi proposée quand le registre est vide", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatVide);
    m.choisirFichierAOuvrir.mockResolvedValue(FICHIER);
    m.restaurerSauvegarde.mockResolvedValue(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    render(App);
    await user.click(await screen.findByRole("button", { name: fr.sauvegarde.restaurer }));
    await user.click(await screen.findByRole("button", { name: fr.sauvegarde.confirmer }));
    expect(await screen.findByTestId("tableau-de-bord")).toBeInTheDocument();
    expect(screen.queryByTestId("registre-vide")).not.toBeInTheDocument();
  });
});

describe("exports", () => {
  it("SCDL : l'année se choisit parmi celles du registre, et chaque refus est listé", async () => {
    const user = userEvent.setup();
    const ecran = await ouvrirEcran(user);
    const annee = within(ecran).getByLabelText(fr.exports.annee);
    expect(within(annee).getAllByRole("option").map((o) => o.textContent)).toEqual([
      fr.exports.toutesAnnees,
      "2024",
      "2023",
    ]);
    await user.selectOptions(annee, "2024");
    m.choisirEmplacementFichier.mockResolvedValue("/home/mairie/scdl.csv");
    m.exporterScdl.mockRejectedValue({
      code: "export_invalide",
      message:
        "L'export n'a pas été produit :\n  - 2024/052 : matière ACTES absente\n  - 2024/053 : date de publication absente",
      motifs: ["2024/052 : matière ACTES absente", "2024/053 : date de publication absente"],
    });
    await user.click(within(ecran).getByRole("button", { name: fr.exports.scdl }));
    expect(m.choisirEmplacementFichier).toHaveBeenCalledWith(
      expect.objectContaining({ nomPropose: "deliberations-scdl-2024.csv", extension: "csv" }),
    );
    expect(m.exporterScdl).toHaveBeenCalledWith(2024, "/home/mairie/scdl.csv");
    const refus = await within(ecran).findByTestId("refus-scdl");
    expect(within(refus).getByRole("alert")).toHaveTextContent(erreurs.export_invalide);
    expect(within(refus).getAllByTestId("motif-erreur").map((l) => l.textContent)).toEqual([
      "2024/052 : matière ACTES absente",
      "2024/053 : date de publication absente",
    ]);

    // Toutes les années : null ; la réussite est confirmée.
    m.exporterScdl.mockResolvedValue();
    await user.selectOptions(annee, "");
    await user.click(within(ecran).getByRole("button", { name: fr.exports.scdl }));
    expect(m.exporterScdl).toHaveBeenLastCalledWith(null, "/home/mairie/scdl.csv");
    expect(await within(ecran).findByTestId("scdl-fait")).toHaveTextContent("/home/mairie/scdl.csv");
    expect(within(ecran).queryByTestId("refus-scdl")).not.toBeInTheDocument();
  });

  it("publication en ligne : la période, un dossier, puis le nombre d'actes écrits", async () => {
    const user = userEvent.setup();
    m.choisirDossier.mockResolvedValue("/home/mairie/publication");
    m.exporterPublication.mockResolvedValue(3);
    const ecran = await ouvrirEcran(user);
    const du = within(ecran).getByLabelText(fr.exports.du);
    const au = within(ecran).getByLabelText(fr.exports.au);
    await user.clear(du);
    await user.type(du, "2024-06-30");
    await user.clear(au);
    await user.type(au, "2024-01-01");
    await user.click(within(ecran).getByRole("button", { name: fr.exports.publication }));
    expect(await within(ecran).findByText(fr.exports.periodeInvalide)).toBeInTheDocument();
    expect(m.choisirDossier).not.toHaveBeenCalled();

    await user.clear(du);
    await user.type(du, "2024-01-01");
    await user.clear(au);
    await user.type(au, "2024-06-30");
    await user.click(within(ecran).getByRole("button", { name: fr.exports.publication }));
    expect(m.exporterPublication).toHaveBeenCalledWith(
      "2024-01-01",
      "2024-06-30",
      "/home/mairie/publication",
      expect.stringMatching(/^operation-/),
    );
    expect(await within(ecran).findByTestId("publication-faite")).toHaveTextContent(
      fr.exports.publicationFaite(3, "/home/mairie/publication"),
    );
  });
});

describe("copies automatiques", () => {
  it("montre le nombre gardé et enregistre celui qu'on choisit", async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByTestId("nav-sauvegarde"));
    const champ = await screen.findByTestId("copies-a-garder");
    expect(champ).toHaveValue(10);
    await user.clear(champ);
    await user.type(champ, "30");
    await user.click(screen.getByTestId("enregistrer-copies"));
    expect(m.definirCopiesAGarder).toHaveBeenCalledWith(30);
    expect(await screen.findByText(fr.sauvegarde.copiesEnregistrees(30))).toBeInTheDocument();
  });
});

