import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import * as ipc from "./ipc";
import { fr } from "./lib/fr";
import {
  detail052,
  detail053,
  enRetard,
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
    // Sans retard, pas de section « En retard ».
    expect(screen.queryByTestId("section-en_retard")).not.toBeInTheDocument();
  });

  it("« En retard » vient en premier quand une formalité légale a dépassé son échéance", async () => {
    const user = userEvent.setup();
    m.tableauDeBord.mockResolvedValue({ ...tableauPlein, en_retard: enRetard });
    m.lireDeliberation.mockResolvedValue({ ...detail053, numero: "2024/050", statut: "signe" });
    render(App);
    const tableau = await screen.findByTestId("tableau-de-bord");
    const titres = within(tableau).getAllByRole("heading", { level: 3 });
    expect(titres[0]?.querySelector("span")?.textContent).toBe(fr.tableau.enRetard);
    expect(titres).toHaveLength(7);
    const retard = section("en_retard");
    expect(within(retard).getByRole("heading")).toHaveTextContent("2 formalités en retard");
    expect(screen.getByTestId("compte-en_retard")).toHaveAttribute("data-nombre", "2");

    const [acte, reliure] = within(retard).getAllByTestId("obligation-en-retard") as [HTMLElement, HTMLElement];
    expect(acte).toHaveTextContent("Délibération n° 2024/050 transmise au représentant de l'État");
    expect(acte).toHaveTextContent("séance du 10/04/2024");
    expect(acte).toHaveTextContent("échéance : 25/04/2024");
    expect(acte).toHaveTextContent("32 jours de retard");
    expect(acte).toHaveTextContent("CGCT L2131-1, L2131-2");
    expect(reliure).toHaveTextContent("Feuillets de l'année 2023 reliés");
    expect(reliure).toHaveTextContent("échéance : 31/12/2023");
    expect(reliure).toHaveTextContent("CGCT R2121-9");
    // Pas de séance ni d'acte pour la reliure : rien à ouvrir.
    expect(within(reliure).queryByRole("button")).not.toBeInTheDocument();
    expect(reliure).not.toHaveTextContent("séance du");

    await user.click(within(acte).getByRole("button", { name: "Ouvrir la délibération n° 2024/050" }));
    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    expect(m.lireDeliberation).toHaveBeenCalledWith("2024/050");
  });

  it("une formalité en retard suffit : pas de « Rien à faire », et les sections vides restent là", async () => {
    m.tableauDeBord.mockResolvedValue({ ...tableauVide, en_retard: enRetard.slice(1) });
    render(App);
    expect(await screen.findByTestId("section-en_retard")).toBeInTheDocument();
    expect(screen.queryByTestId("rien-a-faire")).not.toBeInTheDocument();
    expect(screen.getByTestId("compte-a_signer")).toHaveAttribute("data-nombre", "0");
  });

  it("« Rien à faire » quand toutes les sections sont vides", async () => {
    m.tableauDeBord.mockResolvedValue(tableauVide);
    render(App);
    const rien = await screen.findByTestId("rien-a-faire");
    expect(rien).toHaveTextContent(fr.tableau.rienAFaire);
    expect(rien).toHaveTextContent(fr.tableau.rienAFaireDetail);
    expect(screen.queryByTestId("section-a_relire")).not.toBeInTheDocument();
    expect(screen.queryByTestId("section-en_retard")).not.toBeInTheDocument();
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
