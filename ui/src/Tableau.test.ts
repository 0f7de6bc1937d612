import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import * as ipc from "./ipc";
import { fr } from "./lib/fr";
import {
  detail052,
  detail053,
  etatPezilla,
  historique053,
  OBJET_052,
  resumes,
  revue052,
  tableauPlein,
  tableauVide,
} from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  lireDeliberation: vi.fn(),
  historique: vi.fn(),
  revue: vi.fn(),
  aRelire: vi.fn(),
  tableauDeBord: vi.fn(),
}));

const m = vi.mocked(ipc);

beforeEach(() => {
  vi.resetAllMocks();
  localStorage.clear();
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue(resumes);
  m.historique.mockResolvedValue(historique053);
  m.revue.mockResolvedValue(revue052);
  m.aRelire.mockResolvedValue([]);
  m.tableauDeBord.mockResolvedValue(tableauPlein);
});

function section(cle: string): HTMLElement {
  return screen.getByTestId(`section-${cle}`);
}

describe("tableau de bord", () => {
  it("est l'écran d'accueil : six sections, chacune avec son nombre et ses éléments", async () => {
    render(App);
    const tableau = await screen.findByTestId("tableau-de-bord");
    expect(screen.getByTestId("nav-tableau")).toHaveAttribute("aria-current", "page");
    expect(within(tableau).getByRole("heading", { level: 2 })).toHaveTextContent(fr.tableau.titre);
    expect(screen.getByTestId("tableau-date")).toHaveTextContent("Au 27 mai 2024");
    expect(m.listerDeliberations).toHaveBeenCalled();

    const titres = within(tableau)
      .getAllByRole("heading", { level: 3 })
      .map((h) => h.querySelector("span")?.textContent);
    expect(titres).toEqual([
      "À relire par le maire",
      "À signer",
      "À transmettre en préfecture",
      "À publier",
      "Conventions arrivant à échéance (60 jours)",
      "Conventions en attente",
    ]);
    const nombres = {
      a_relire: "1",
      a_signer: "1",
      a_transmettre: "2",
      a_publier: "0",
      conventions_a_echeance: "1",
      conventions_en_attente: "1",
    };
    for (const [cle, n] of Object.entries(nombres)) {
      expect(screen.getByTestId(`compte-${cle}`)).toHaveAttribute("data-nombre", n);
    }
    // Le nombre est annoncé en clair dans le titre de la section.
    expect(within(section("a_transmettre")).getByRole("heading")).toHaveTextContent("2 délibérations");

    const relire = within(section("a_relire")).getByTestId("element-tableau");
    expect(relire).toHaveAttribute("data-numero", "2024/052");
    expect(relire).toHaveTextContent(OBJET_052);
    expect(relire).toHaveTextContent("séance du 15/05/2024");
    expect(relire).toHaveTextContent("soumise le 20 mai 2024 à 9 h 40");
    expect(relire).toHaveTextContent(fr.aRelire.modifiee);
    expect(relire).toHaveTextContent(fr.aRelire.commentaires(1));
    expect(
      within(section("a_transmettre"))
        .getAllByTestId("element-tableau")
        .map((e) => e.dataset["numero"]),
    ).toEqual(["2024/050", "2024/051"]);
    expect(within(section("a_publier")).getByText(fr.tableau.aucun)).toBeInTheDocument();

    const echeance = within(section("conventions_a_echeance")).getByTestId("echeance-convention");
    expect(echeance).toHaveTextContent("Convention ENT 2023/2024");
    expect(echeance).toHaveTextContent("se termine le 5 juillet 2024");
    expect(echeance).toHaveTextContent("dans 39 jours");
    expect(echeance).toHaveTextContent(fr.tableau.reconduction);
    expect(within(section("conventions_en_attente")).getByTestId("attente-convention")).toHaveTextContent(
      "Convention ENT 2024/2025 délibération n° 2024/052 non signée",
    );
    expect(screen.queryByTestId("rien-a-faire")).not.toBeInTheDocument();
  });

  it("« Rien à faire » quand toutes les sections sont vides", async () => {
    m.tableauDeBord.mockResolvedValue(tableauVide);
    render(App);
    const rien = await screen.findByTestId("rien-a-faire");
    expect(rien).toHaveTextContent(fr.tableau.rienAFaire);
    expect(rien).toHaveTextContent(fr.tableau.rienAFaireDetail);
    expect(screen.queryByTestId("section-a_relire")).not.toBeInTheDocument();
  });

  it("un clic sur une délibération ouvre son détail (profil secrétariat)", async () => {
    const user = userEvent.setup();
    m.lireDeliberation.mockResolvedValue({ ...detail053, statut: "bon_pour_signature" });
    render(App);
    await screen.findByTestId("tableau-de-bord");
    await user.click(
      within(section("a_signer")).getByRole("button", { name: `${fr.tableau.ouvrir} 2024/053 ${detail053.objet}` }),
    );
    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    expect(m.lireDeliberation).toHaveBeenCalledWith("2024/053");
    expect(screen.getByTestId("nav-deliberations")).toHaveAttribute("aria-current", "page");

    // Retour au tableau de bord par la navigation : il est relu.
    await user.click(screen.getByTestId("nav-tableau"));
    expect(await screen.findByTestId("tableau-de-bord")).toBeInTheDocument();
    expect(m.tableauDeBord).toHaveBeenCalledTimes(2);
  });

  it("le secrétariat ouvre le détail d'un projet à relire ; le maire ouvre sa relecture", async () => {
    const user = userEvent.setup();
    m.lireDeliberation.mockResolvedValue({ ...detail052, statut: "soumis_au_maire" });
    render(App);
    await screen.findByTestId("tableau-de-bord");
    await user.click(within(section("a_relire")).getByRole("button"));
    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    expect(screen.queryByTestId("revue")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("nav-tableau"));
    await screen.findByTestId("tableau-de-bord");
    await user.selectOptions(screen.getByLabelText(fr.profil.etiquette), "maire");
    const bouton = within(section("a_relire")).getByRole("button");
    expect(bouton).toHaveAccessibleName(`${fr.tableau.relire} 2024/052 ${OBJET_052}`);
    await user.click(bouton);
    expect(await screen.findByTestId("revue")).toBeInTheDocument();
    expect(m.revue).toHaveBeenCalledWith("2024/052");

    // Retour de la relecture : le tableau de bord, relu, avec le focus sur son titre.
    await user.click(screen.getByRole("button", { name: fr.revue.retour }));
    const titre = await screen.findByRole("heading", { level: 2, name: fr.tableau.titre });
    expect(document.activeElement).toBe(titre);
    expect(m.tableauDeBord).toHaveBeenCalledTimes(3);
  });

  it("montre l'erreur du backend et permet de réessayer", async () => {
    const user = userEvent.setup();
    m.tableauDeBord.mockRejectedValueOnce({ code: "entree_sortie", message: "disque plein" });
    render(App);
    const alerte = await screen.findByRole("alert");
    expect(alerte).toHaveAttribute("data-code", "entree_sortie");
    await user.click(within(alerte).getByRole("button", { name: fr.erreur.reessayer }));
    expect(await screen.findByTestId("tableau-de-bord")).toBeInTheDocument();
  });
});
