import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import * as ipc from "./ipc";
import { erreurs, fr } from "./lib/fr";
import { etatPezilla, resumes, tableauVide } from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  tableauDeBord: vi.fn(),
  ouvrirPdfRegistre: vi.fn(),
  enregistrerPdfRegistre: vi.fn(),
  nomFichierPdf: vi.fn(),
  choisirEmplacementPdf: vi.fn(),
  suivreOperation: vi.fn(),
  annulerOperation: vi.fn(),
}));

const m = vi.mocked(ipc);

function differe(): { promesse: Promise<void>; resoudre: () => void } {
  let resoudre: () => void = () => {};
  const promesse = new Promise<void>((r) => {
    resoudre = r;
  });
  return { promesse, resoudre };
}

async function allerAuRegistre(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(App);
  await screen.findByTestId("tableau-de-bord");
  await user.click(screen.getByTestId("nav-registre"));
  return screen.findByTestId("ecran-registre");
}

beforeEach(() => {
  vi.resetAllMocks();
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue([
    ...resumes,
    { numero: "2023/031", date_seance: "2023-12-12", objet: "TARIFS 2024", statut: "executoire" },
    { numero: "2022/010", date_seance: "2022-03-01", objet: "BUDGET 2022", statut: "executoire" },
  ]);
  m.tableauDeBord.mockResolvedValue(tableauVide);
  m.nomFichierPdf.mockImplementation((d) => Promise.resolve(`coeur-${d.document}-${String(d.cle)}.pdf`));
  m.suivreOperation.mockResolvedValue(() => {});
  m.annulerOperation.mockResolvedValue(undefined);
});

describe("registre annuel", () => {
  it("explique ce qu'est le registre et propose les années du registre, la plus récente d'abord", async () => {
    const user = userEvent.setup();
    const ecran = await allerAuRegistre(user);
    expect(screen.getByTestId("nav-registre")).toHaveAttribute("aria-current", "page");
    expect(within(ecran).getByRole("heading", { level: 2 })).toHaveTextContent(fr.registre.titre);
    const explication = within(ecran).getByTestId("registre-explication");
    expect(explication).toHaveTextContent("feuillets numérotés");
    expect(explication).toHaveTextContent("coter et parapher");
    expect(explication).toHaveTextContent("R2121-9");
    const annee = within(ecran).getByLabelText(fr.registre.annee);
    expect([...annee.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["2024", "2023", "2022"]);
    expect(annee).toHaveValue("2024");
  });

  it("« Ouvrir le registre » de l'année choisie, occupé pendant le rendu", async () => {
    const user = userEvent.setup();
    const rendu = differe();
    m.ouvrirPdfRegistre.mockReturnValue(rendu.promesse);
    const ecran = await allerAuRegistre(user);
    await user.selectOptions(within(ecran).getByLabelText(fr.registre.annee), "2023");
    await user.click(within(ecran).getByRole("button", { name: fr.registre.ouvrir }));

    expect(m.ouvrirPdfRegistre).toHaveBeenCalledWith(2023, expect.stringMatching(/^operation-/));
    expect(ecran).toHaveAttribute("aria-busy", "true");
    expect(within(ecran).getByTestId("registre-en-cours")).toHaveTextContent(fr.registre.enCours(2023));
    expect(within(ecran).getByRole("button", { name: fr.registre.ouvrir })).toBeDisabled();
    expect(within(ecran).getByRole("button", { name: fr.registre.enregistrer })).toBeDisabled();
    expect(within(ecran).getByLabelText(fr.registre.annee)).toBeDisabled();

    rendu.resoudre();
    expect(await within(ecran).findByTestId("message-registre")).toHaveTextContent(fr.registre.ouvert(2023));
    expect(ecran).toHaveAttribute("aria-busy", "false");
    expect(within(ecran).queryByTestId("registre-en-cours")).not.toBeInTheDocument();
    expect(within(ecran).getByRole("button", { name: fr.registre.ouvrir })).toBeEnabled();
  });

  it("« Enregistrer sous… » propose le nom donné par le cœur ; rien n'est écrit si l'on annule", async () => {
    const user = userEvent.setup();
    m.choisirEmplacementPdf.mockResolvedValueOnce(null).mockResolvedValueOnce("/home/secretaire/Registre 2022.pdf");
    m.enregistrerPdfRegistre.mockResolvedValue(undefined);
    const ecran = await allerAuRegistre(user);
    await user.selectOptions(within(ecran).getByLabelText(fr.registre.annee), "2022");
    const enregistrer = within(ecran).getByRole("button", { name: fr.registre.enregistrer });

    await user.click(enregistrer);
    await waitFor(() => expect(m.choisirEmplacementPdf).toHaveBeenCalledTimes(1));
    expect(m.nomFichierPdf).toHaveBeenCalledWith({ document: "registre", cle: 2022 });
    expect(m.choisirEmplacementPdf).toHaveBeenCalledWith({
      titre: fr.registre.titreDialogue,
      nomPropose: "coeur-registre-2022.pdf",
      filtre: fr.apercu.filtre,
    });
    await waitFor(() => expect(enregistrer).toBeEnabled());
    expect(m.enregistrerPdfRegistre).not.toHaveBeenCalled();

    await user.click(enregistrer);
    await waitFor(() =>
      expect(m.enregistrerPdfRegistre).toHaveBeenCalledWith(
        2022,
        "/home/secretaire/Registre 2022.pdf",
        expect.stringMatching(/^operation-/),
      ),
    );
    expect(await within(ecran).findByTestId("message-registre")).toHaveTextContent(
      fr.registre.enregistre("/home/secretaire/Registre 2022.pdf"),
    );
  });

  it("montre l'avancement tranche par tranche ; « Annuler » arrête le rendu sans erreur", async () => {
    const user = userEvent.setup();
    let etape: (e: { operation: string; fait: number; total: number }) => void = () => {};
    m.suivreOperation.mockImplementation((_operation, rappel) => {
      etape = rappel;
      return Promise.resolve(() => {});
    });
    let refuser: (e: unknown) => void = () => {};
    m.ouvrirPdfRegistre.mockReturnValue(new Promise<void>((_r, rejet) => (refuser = rejet)));
    const ecran = await allerAuRegistre(user);
    await user.click(within(ecran).getByRole("button", { name: fr.registre.ouvrir }));
    const operation = await waitFor(() => {
      const appel = m.ouvrirPdfRegistre.mock.calls[0];
      if (!appel?.[1]) throw new Error("pas encore lancé");
      return appel[1];
    });
    expect(m.suivreOperation).toHaveBeenCalledWith(operation, expect.any(Function));

    etape({ operation, fait: 3, total: 12 });
    const barre = await within(ecran).findByTestId("barre-progression");
    await waitFor(() => expect(barre).toHaveAttribute("value", "3"));
    expect(barre).toHaveAttribute("max", "12");
    expect(within(ecran).getByTestId("etape-progression")).toHaveTextContent(fr.progression.etape(3, 12, 25));

    await user.click(within(ecran).getByRole("button", { name: fr.progression.annuler }));
    expect(m.annulerOperation).toHaveBeenCalledWith(operation);
    expect(within(ecran).getByTestId("etape-progression")).toHaveTextContent(fr.progression.annulationEnCours);
    refuser({ code: "annulee", message: "Opération annulée : rien n'a été écrit." });

    expect(await within(ecran).findByTestId("message-registre")).toHaveTextContent(fr.progression.annulee);
    expect(within(ecran).queryByRole("alert")).not.toBeInTheDocument();
    expect(within(ecran).queryByTestId("progression")).not.toBeInTheDocument();
    expect(within(ecran).getByRole("button", { name: fr.registre.ouvrir })).toBeEnabled();
  });

  it("montre l'erreur d'écriture avec le texte du catalogue", async () => {
    const user = userEvent.setup();
    m.ouvrirPdfRegistre.mockRejectedValue({ code: "entree_sortie", message: "disque plein" });
    const ecran = await allerAuRegistre(user);
    await user.click(within(ecran).getByRole("button", { name: fr.registre.ouvrir }));
    const alerte = await within(ecran).findByRole("alert");
    expect(alerte).toHaveTextContent(erreurs.entree_sortie);
    expect(within(ecran).getByRole("button", { name: fr.registre.ouvrir })).toBeEnabled();
  });
});
