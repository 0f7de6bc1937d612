import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import * as ipc from "./ipc";
import { erreurs, fr } from "./lib/fr";
import { detail052, etatPezilla, etatVide, OBJET_052, resumes, revue052, tableauVide } from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  lireDeliberation: vi.fn(),
  chargerDemo: vi.fn(),
  listerSeances: vi.fn(),
  lireSeance: vi.fn(),
  listerElus: vi.fn(),
  verifierSeance: vi.fn(),
  enregistrerSeance: vi.fn(),
  historique: vi.fn(),
  revue: vi.fn(),
  tableauDeBord: vi.fn(),
}));

const m = vi.mocked(ipc);

function premiere(lignes: HTMLElement[]): HTMLElement {
  const ligne = lignes[0];
  if (!ligne) throw new Error("aucune ligne");
  return ligne;
}

/** L'application s'ouvre sur le tableau de bord : aller à la liste. */
async function allerALaListe(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await screen.findByTestId("tableau-de-bord");
  await user.click(screen.getByTestId("nav-deliberations"));
  return screen.findByTestId("liste-deliberations");
}

beforeEach(() => {
  vi.resetAllMocks();
  m.historique.mockResolvedValue([]);
  m.revue.mockResolvedValue(revue052);
  m.tableauDeBord.mockResolvedValue(tableauVide);
});

describe("liste des délibérations", () => {
  it("affiche une ligne par délibération renvoyée par le backend", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    render(App);

    const table = await allerALaListe(user);
    const lignes = within(table).getAllByTestId("ligne-deliberation");
    expect(lignes).toHaveLength(2);
    expect(lignes[0]).toHaveAttribute("data-numero", "2024/052");
    expect(lignes[0]).toHaveTextContent("15/05/2024");
    expect(lignes[0]).toHaveTextContent(OBJET_052);
    expect(lignes[0]).toHaveTextContent("Exécutoire");
    expect(lignes[1]).toHaveAttribute("data-numero", "2024/053");
    expect(lignes[1]).toHaveTextContent("Soumis au maire");
    for (const c of ["Numéro", "Date de séance", "Objet", "Statut"]) {
      expect(within(table).getByRole("columnheader", { name: c })).toBeInTheDocument();
    }
    expect(screen.getByTestId("nom-commune")).toHaveTextContent("Commune de Pézilla-la-Rivière");
    expect(m.lireDeliberation).not.toHaveBeenCalled();
  });

  it("ouvre le détail au clic sur une ligne et revient à la liste", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    m.lireDeliberation.mockResolvedValue(detail052);
    render(App);

    const lignes = within(await allerALaListe(user)).getAllByTestId("ligne-deliberation");
    // Clic sur une cellule quelconque de la ligne (pas seulement le bouton).
    await user.click(within(premiere(lignes)).getByText(OBJET_052));

    const detail = await screen.findByTestId("detail-deliberation");
    expect(m.lireDeliberation).toHaveBeenCalledWith("2024/052");
    expect(within(detail).getByTestId("detail-numero")).toHaveTextContent("Délibération n° 2024/052");
    expect(within(detail).getByTestId("detail-objet")).toHaveTextContent(OBJET_052);
    expect(within(detail).getByTestId("compte-en-exercice").textContent).toBe("27");
    expect(within(detail).getByTestId("compte-presents").textContent).toBe("22");
    expect(within(detail).getByTestId("compte-absents").textContent).toBe("5");
    expect(within(detail).getByTestId("compte-representes").textContent).toBe("1");
    expect(within(detail).getByTestId("compte-votants").textContent).toBe("23");
    expect(within(detail).getByTestId("detail-date-seance")).toHaveTextContent("15 mai 2024");
    expect(within(detail).getByTestId("detail-heure-seance")).toHaveTextContent("18 h");
    expect(within(detail).getByTestId("detail-date-convocation")).toHaveTextContent("7 mai 2024");
    expect(within(detail).getByText("Jean-Paul BILLES", { selector: "dd" })).toBeInTheDocument();
    expect(within(detail).getByText("Laurence BARBERA", { selector: "dd" })).toBeInTheDocument();
    expect(within(detail).getByTestId("detail-rapporteur")).toHaveTextContent("Karine CAROLA");
    expect(within(detail).getByTestId("liste-procurations")).toHaveTextContent(
      "Yves ESCAPE (pouvoir à Guy PALOFFIS)",
    );
    expect(within(detail).getByTestId("liste-absents")).toHaveTextContent("Néant");
    expect(within(detail).getByTestId("detail-formule-vote")).toHaveTextContent(
      "Le conseil municipal, après en avoir délibéré, à l'unanimité des membres présents et représentés :",
    );
    const verbes = within(detail)
      .getByTestId("detail-decisions")
      .querySelectorAll("li > strong");
    expect([...verbes].map((v) => v.textContent)).toEqual(["APPROUVE", "AUTORISE"]);
    expect(within(detail).getByTestId("detail-convention")).toHaveTextContent(
      "Convention de partenariat relative à la mise à disposition d'un ENT 2024/2025",
    );
    expect(within(detail).getByTestId("detail-convention-montant")).toHaveTextContent(
      "2 école(s) × 45 € TTC = 90 € TTC",
    );

    await user.click(screen.getByRole("button", { name: fr.detail.retour }));
    expect(await screen.findByTestId("liste-deliberations")).toBeInTheDocument();
    expect(screen.queryByTestId("detail-deliberation")).not.toBeInTheDocument();
    // Le focus revient sur la ligne consultée.
    expect(document.activeElement).toHaveAccessibleName("Ouvrir la délibération n° 2024/052");
  });

  it("ouvre le détail au clavier depuis le bouton du numéro", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    m.lireDeliberation.mockResolvedValue(detail052);
    render(App);

    await allerALaListe(user);
    (document.activeElement as HTMLElement | null)?.blur();
    // D'abord le profil, la navigation, « Nouvelle délibération », puis la première ligne.
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName(fr.profil.etiquette);
    // La barre latérale, dans l'ordre du travail, puis les outils.
    for (const nom of [
      fr.navigation.tableau,
      fr.navigation.seances,
      fr.navigation.deliberations,
      fr.navigation.conventions,
      fr.navigation.registre,
      fr.navigation.elus,
      fr.navigation.parametres,
      fr.navigation.aRelire,
      fr.navigation.recherche,
      fr.navigation.sauvegarde,
    ]) {
      await user.tab();
      expect(document.activeElement).toHaveAccessibleName(nom);
    }
    expect(screen.getByRole("list", { name: fr.navigation.outils })).toContainElement(
      screen.getByRole("button", { name: fr.navigation.recherche }),
    );
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName(fr.verification.bouton);
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName(fr.nouvelle.bouton);
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName("Ouvrir la délibération n° 2024/052");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    expect(m.lireDeliberation).toHaveBeenCalledTimes(1);
  });
});

describe("registre vide", () => {
  it("propose le registre de démonstration puis affiche le tableau de bord et la liste", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatVide);
    m.chargerDemo.mockResolvedValue(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    render(App);

    const bouton = await screen.findByTestId("charger-demo");
    expect(bouton).toHaveTextContent("Charger le registre de démonstration (Pézilla-la-Rivière)");
    expect(screen.getByText(fr.vide.titre)).toBeInTheDocument();
    expect(screen.getByTestId("emplacement-base")).toHaveTextContent(etatVide.emplacement);
    expect(m.listerDeliberations).not.toHaveBeenCalled();

    await user.click(bouton);
    expect(m.chargerDemo).toHaveBeenCalledTimes(1);
    const table = await allerALaListe(user);
    expect(within(table).getAllByTestId("ligne-deliberation")).toHaveLength(2);
    expect(screen.queryByTestId("charger-demo")).not.toBeInTheDocument();
    expect(screen.getByTestId("nom-commune")).toHaveTextContent("Pézilla-la-Rivière");
  });

  it("affiche l'erreur si le chargement de la démonstration échoue", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatVide);
    m.chargerDemo.mockRejectedValue({ code: "registre_non_vide", message: "3 délibérations" });
    render(App);

    await user.click(await screen.findByTestId("charger-demo"));
    expect(await screen.findByRole("alert")).toHaveTextContent(erreurs.registre_non_vide);
    expect(screen.getByTestId("charger-demo")).toBeEnabled();
  });
});

describe("erreurs", () => {
  it("affiche le texte du catalogue pour base_occupee", async () => {
    m.etatRegistre.mockRejectedValue({ code: "base_occupee", message: "database is locked" });
    render(App);

    const alerte = await screen.findByRole("alert");
    expect(alerte).toHaveTextContent(
      "La base de données est déjà ouverte par une autre instance de Registre.",
    );
    expect(alerte).toHaveTextContent("database is locked");
    expect(screen.queryByTestId("liste-deliberations")).not.toBeInTheDocument();
  });

  it("permet de réessayer après une erreur", async () => {
    const user = userEvent.setup();
    m.etatRegistre
      .mockRejectedValueOnce({ code: "base_occupee", message: "" })
      .mockResolvedValueOnce(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    render(App);

    await user.click(await screen.findByRole("button", { name: fr.erreur.reessayer }));
    expect(await allerALaListe(user)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("affiche une erreur dans le détail si la délibération est introuvable", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    m.lireDeliberation.mockRejectedValue({ code: "introuvable", message: "2024/052" });
    render(App);

    const lignes = within(await allerALaListe(user)).getAllByTestId("ligne-deliberation");
    await user.click(within(premiere(lignes)).getByRole("button"));
    expect(await screen.findByRole("alert")).toHaveTextContent(erreurs.introuvable);
    expect(screen.getByRole("button", { name: fr.detail.retour })).toBeInTheDocument();
  });

  it("affiche le contrôle juridique : aucune anomalie, puis les erreurs avec leur article", async () => {
    const user = userEvent.setup();
    m.etatRegistre.mockResolvedValue(etatPezilla);
    m.listerDeliberations.mockResolvedValue(resumes);
    m.lireDeliberation.mockResolvedValueOnce(detail052).mockResolvedValueOnce({
      ...detail052,
      issue: "indeterminee",
      diagnostics: [
        {
          code: "quorum_non_atteint",
          gravite: "erreur",
          message: "Quorum non atteint pour ce point : 13 membre(s) présent(s), il en faut 14.",
          article: "CGCT L2121-17",
        },
        {
          code: "egalite_sans_voix_du_president",
          gravite: "avertissement",
          message: "Partage égal des voix.",
          article: "CGCT L2121-20",
        },
      ],
    });
    render(App);

    await allerALaListe(user);
    await user.click(within(premiere(await screen.findAllByTestId("ligne-deliberation"))).getByRole("button"));
    expect(await screen.findByTestId("controle-aucune-anomalie")).toHaveTextContent(fr.controle.aucun);
    expect(screen.getByTestId("detail-issue")).toHaveTextContent("Adoptée");

    await user.click(screen.getByRole("button", { name: fr.detail.retour }));
    await user.click(within(premiere(await screen.findAllByTestId("ligne-deliberation"))).getByRole("button"));
    const diagnostics = await screen.findAllByTestId("diagnostic");
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toHaveAttribute("data-code", "quorum_non_atteint");
    expect(diagnostics[0]).toHaveTextContent("Erreur");
    expect(diagnostics[0]).toHaveTextContent("CGCT L2121-17");
    expect(diagnostics[1]).toHaveTextContent("Avertissement");
    expect(screen.getByTestId("controle-juridique")).toHaveTextContent(fr.controle.resume(1, 1));
    expect(screen.getByTestId("detail-issue")).toHaveTextContent("Indéterminée");
  });
});
