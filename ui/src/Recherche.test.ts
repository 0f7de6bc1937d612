import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { RequeteRecherche } from "./bindings/RequeteRecherche";
import type { ResultatsRecherche } from "./bindings/ResultatsRecherche";
import * as ipc from "./ipc";
import { erreurs, fr } from "./lib/fr";
import {
  detail052,
  etatPezilla,
  matieres,
  resultatsEnt,
  resumes,
  seancesResumes,
  tableauVide,
} from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  lireDeliberation: vi.fn(),
  historique: vi.fn(),
  revue: vi.fn(),
  tableauDeBord: vi.fn(),
  rechercher: vi.fn(),
  listerMatieres: vi.fn(),
  listerSeances: vi.fn(),
  listerElus: vi.fn(),
}));

const m = vi.mocked(ipc);

const AUCUN: ResultatsRecherche = { total: 0, trouvailles: [] };

/** Une promesse que le test résout quand il veut : une réponse qui tarde. */
function differe<T>(): { promesse: Promise<T>; resoudre: (valeur: T) => void } {
  let resoudre: (valeur: T) => void = () => {};
  const promesse = new Promise<T>((r) => {
    resoudre = r;
  });
  return { promesse, resoudre };
}

function requete(partielle: Partial<RequeteRecherche>): RequeteRecherche {
  return {
    texte: "",
    annee: null,
    statut: null,
    matiere: null,
    genre: null,
    seance: null,
    rapporteur: null,
    limite: 20,
    ...partielle,
  };
}

function derniereRequete(): RequeteRecherche | undefined {
  return m.rechercher.mock.calls.at(-1)?.[0];
}

async function allerALaRecherche(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(App);
  await screen.findByTestId("tableau-de-bord");
  await user.click(screen.getByTestId("nav-recherche"));
  return screen.findByTestId("ecran-recherche");
}

beforeEach(() => {
  vi.resetAllMocks();
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue([
    ...resumes,
    { numero: "2023/031", date_seance: "2023-12-12", objet: "TARIFS 2024", statut: "executoire" },
  ]);
  m.tableauDeBord.mockResolvedValue(tableauVide);
  m.historique.mockResolvedValue([]);
  m.lireDeliberation.mockResolvedValue(detail052);
  m.listerMatieres.mockResolvedValue(matieres);
  m.listerSeances.mockResolvedValue(seancesResumes);
  m.listerElus.mockResolvedValue([
    { id: "carola-karine", nom: "Karine CAROLA", fonction: "Adjointe", mandat_debut: null, mandat_fin: null },
  ]);
  m.rechercher.mockResolvedValue(resultatsEnt);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("recherche", () => {
  it("s'ouvre par la navigation, le curseur dans le champ, et invite à saisir sans rien chercher", async () => {
    const user = userEvent.setup();
    const ecran = await allerALaRecherche(user);
    expect(screen.getByTestId("nav-recherche")).toHaveAttribute("aria-current", "page");
    const champ = within(ecran).getByRole("searchbox", { name: fr.recherche.champ });
    expect(document.activeElement).toBe(champ);
    expect(champ).toHaveAccessibleDescription(fr.recherche.aide);
    expect(within(ecran).getByRole("search")).toBeInTheDocument();
    expect(within(ecran).getByTestId("recherche-invitation")).toHaveTextContent(fr.recherche.invitation);
    await new Promise((r) => setTimeout(r, 200));
    expect(m.rechercher).not.toHaveBeenCalled();
  });

  it("Ctrl+F, de n'importe quel écran, amène au champ de recherche", async () => {
    const user = userEvent.setup();
    render(App);
    await screen.findByTestId("tableau-de-bord");
    await user.keyboard("{Control>}f{/Control}");
    const champ = await screen.findByTestId("champ-recherche");
    expect(screen.getByTestId("nav-recherche")).toHaveAttribute("aria-current", "page");
    expect(document.activeElement).toBe(champ);

    // Depuis le détail d'un résultat : retour au champ, la saisie conservée.
    await user.type(champ, "ENT numer");
    const [premier] = (await screen.findAllByTestId("trouvaille")) as [HTMLElement];
    await user.click(within(premier).getByRole("button", { name: /^Ouvrir la délibération n° 2024\/052 :/ }));
    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    await user.keyboard("{Control>}f{/Control}");
    await waitFor(() => expect(screen.queryByTestId("detail-deliberation")).not.toBeInTheDocument());
    expect(document.activeElement).toBe(screen.getByTestId("champ-recherche"));
    expect(screen.getByTestId("champ-recherche")).toHaveValue("ENT numer");
  });

  it("interroge le cœur 150 ms après la dernière frappe, une seule fois", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    const ecran = await allerALaRecherche(user);
    const champ = within(ecran).getByTestId("champ-recherche");

    await user.type(champ, "pezi");
    await vi.advanceTimersByTimeAsync(100);
    await user.type(champ, "lla");
    await vi.advanceTimersByTimeAsync(149);
    expect(m.rechercher).not.toHaveBeenCalled();
    expect(within(ecran).getByTestId("resultats-recherche")).toHaveAttribute("aria-busy", "true");
    await vi.advanceTimersByTimeAsync(1);
    expect(m.rechercher).toHaveBeenCalledTimes(1);
    expect(m.rechercher).toHaveBeenCalledWith(requete({ texte: "pezilla" }));
    await vi.advanceTimersByTimeAsync(1);
    expect(within(ecran).getByTestId("total-recherche")).toHaveTextContent("2 résultats");
    expect(within(ecran).getByTestId("resultats-recherche")).toHaveAttribute("aria-busy", "false");
  });

  it("ignore une réponse arrivée après celle d'une frappe plus récente", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    const lente = differe<ResultatsRecherche>();
    const rapide = differe<ResultatsRecherche>();
    m.rechercher.mockReturnValueOnce(lente.promesse).mockReturnValueOnce(rapide.promesse);
    const ecran = await allerALaRecherche(user);
    const champ = within(ecran).getByTestId("champ-recherche");

    await user.type(champ, "ecole");
    await vi.advanceTimersByTimeAsync(150);
    await user.type(champ, " numer");
    await vi.advanceTimersByTimeAsync(150);
    expect(m.rechercher.mock.calls.map((c) => c[0].texte)).toEqual(["ecole", "ecole numer"]);

    rapide.resoudre(resultatsEnt);
    await vi.advanceTimersByTimeAsync(0);
    expect(within(ecran).getAllByTestId("trouvaille")).toHaveLength(2);
    // La réponse à « ecole », partie avant, arrive après : elle est ignorée.
    lente.resoudre(AUCUN);
    await vi.advanceTimersByTimeAsync(0);
    expect(within(ecran).getAllByTestId("trouvaille")).toHaveLength(2);
    expect(within(ecran).queryByTestId("recherche-aucun-resultat")).not.toBeInTheDocument();
    expect(within(ecran).getByTestId("total-recherche")).toHaveTextContent("2 résultats");
  });

  it("montre les résultats : titre et extrait surlignés, où le mot a été trouvé, le statut", async () => {
    const user = userEvent.setup();
    const ecran = await allerALaRecherche(user);
    await user.type(within(ecran).getByTestId("champ-recherche"), "ENT numer");
    const [deliberation, convention] = (await within(ecran).findAllByTestId("trouvaille")) as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(ecran).getByTestId("total-recherche")).toHaveTextContent("2 résultats");
    expect(within(ecran).getByRole("list", { name: fr.recherche.legende })).toBeInTheDocument();

    expect(deliberation).toHaveAttribute("data-genre", "deliberation");
    expect(deliberation).toHaveTextContent("Délibération n° 2024/052");
    expect(deliberation).toHaveTextContent("séance du 15/05/2024");
    expect(deliberation.querySelector("[data-statut]")).toHaveTextContent("Soumis au maire");
    const titre = within(deliberation).getByTestId("titre-trouvaille");
    expect([...titre.querySelectorAll("mark")].map((e) => e.textContent)).toEqual(["ENT", "NUMERIQUE"]);
    // Le texte est rendu tel quel, sans espace ajouté autour des passages.
    expect(titre.textContent).toContain("MISE A DISPOSITION D'UN ENT (ENVIRONNEMENT NUMERIQUE DE TRAVAIL)");
    const extrait = within(deliberation).getByTestId("extrait-trouvaille");
    expect(extrait).toHaveTextContent(fr.recherche.trouveDans("Dispositif"));
    expect([...extrait.querySelectorAll("mark")].map((e) => e.textContent)).toEqual(["ENT", "Numérique"]);
    expect(extrait).toHaveTextContent("… mise à disposition d'un ENT (Environnement Numérique de Travail) pour");

    expect(convention).toHaveAttribute("data-genre", "convention");
    expect(convention).toHaveTextContent(fr.recherche.convention);
    expect(convention).toHaveTextContent(fr.recherche.conventionDe("2024/052"));
    expect(convention).toHaveTextContent(fr.recherche.trouveDans("Préambule"));
    expect([...convention.querySelectorAll("mark")].map((e) => e.textContent)).toEqual([
      "numérique",
      "ÉNT",
      "ENT",
    ]);
    // Aucun autre texte n'est surligné.
    expect(ecran.querySelectorAll("mark")).toHaveLength(7);
  });

  it("passe les filtres au cœur : année, statut, matière (de la nomenclature), type", async () => {
    const user = userEvent.setup();
    const ecran = await allerALaRecherche(user);
    const annee = within(ecran).getByLabelText(fr.recherche.annee);
    expect([...annee.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      fr.recherche.toutesAnnees,
      "2024",
      "2023",
    ]);
    const matiere = within(ecran).getByLabelText(fr.recherche.matiere);
    await waitFor(() => expect(matiere.querySelectorAll("option")).toHaveLength(matieres.length + 1));
    expect(within(matiere).getByRole("option", { name: "8.1 Enseignement" })).toBeInTheDocument();
    expect(within(ecran).getByLabelText(fr.recherche.statut).querySelectorAll("option")).toHaveLength(8);

    // Un filtre seul, sans mot : tout ce qui passe le filtre.
    await user.selectOptions(annee, "2024");
    await waitFor(() => expect(derniereRequete()).toEqual(requete({ annee: 2024 })));

    await user.selectOptions(within(ecran).getByLabelText(fr.recherche.statut), "signe");
    await user.selectOptions(matiere, "8.1");
    await user.selectOptions(within(ecran).getByLabelText(fr.recherche.genre), "convention");
    await user.type(within(ecran).getByTestId("champ-recherche"), "  ecole ");
    await waitFor(() =>
      expect(derniereRequete()).toEqual(
        requete({ texte: "ecole", annee: 2024, statut: "signe", matiere: "8.1", genre: "convention" }),
      ),
    );
    // The séance and the rapporteur, from the register's lists.
    await user.selectOptions(within(ecran).getByTestId("filtre-seance"), "2024-05-15");
    await user.selectOptions(within(ecran).getByTestId("filtre-rapporteur"), "carola-karine");
    await waitFor(() =>
      expect(derniereRequete()).toEqual(
        requete({
          texte: "ecole",
          annee: 2024,
          statut: "signe",
          matiere: "8.1",
          genre: "convention",
          seance: "2024-05-15",
          rapporteur: "carola-karine",
        }),
      ),
    );

    // « Effacer la recherche » remet tout à zéro et revient à l'invitation.
    const appels = m.rechercher.mock.calls.length;
    await user.click(within(ecran).getByTestId("effacer-recherche"));
    expect(await within(ecran).findByTestId("recherche-invitation")).toBeInTheDocument();
    expect(within(ecran).getByLabelText(fr.recherche.annee)).toHaveValue("");
    expect(document.activeElement).toBe(within(ecran).getByTestId("champ-recherche"));
    await new Promise((r) => setTimeout(r, 200));
    expect(m.rechercher).toHaveBeenCalledTimes(appels);
  });

  it("« Aucun résultat » quand rien ne correspond", async () => {
    const user = userEvent.setup();
    m.rechercher.mockResolvedValue(AUCUN);
    const ecran = await allerALaRecherche(user);
    await user.type(within(ecran).getByTestId("champ-recherche"), "zzz");
    const aucun = await within(ecran).findByTestId("recherche-aucun-resultat");
    expect(aucun).toHaveTextContent(fr.recherche.aucun);
    expect(aucun).toHaveTextContent(fr.recherche.aucunDetail);
    expect(within(ecran).getByRole("status")).toHaveTextContent(fr.recherche.aucun);
    expect(within(ecran).queryByTestId("trouvaille")).not.toBeInTheDocument();
  });

  it("ouvre la délibération d'un résultat, puis revient aux résultats avec le focus sur lui", async () => {
    const user = userEvent.setup();
    const ecran = await allerALaRecherche(user);
    await user.type(within(ecran).getByTestId("champ-recherche"), "ENT numer");
    const [deliberation] = (await within(ecran).findAllByTestId("trouvaille")) as [HTMLElement];
    await user.click(within(deliberation).getByRole("button"));

    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    expect(m.lireDeliberation).toHaveBeenLastCalledWith("2024/052");
    expect(screen.getByTestId("nav-recherche")).toHaveAttribute("aria-current", "page");
    const retour = screen.getByTestId("retour-liste");
    expect(retour).toHaveTextContent(fr.recherche.retour);

    await user.click(retour);
    await waitFor(() => expect(screen.queryByTestId("detail-deliberation")).not.toBeInTheDocument());
    expect(screen.getByTestId("ecran-recherche")).toBeVisible();
    expect(document.activeElement).toBe(within(deliberation).getByRole("button"));
    expect(screen.getByTestId("champ-recherche")).toHaveValue("ENT numer");
  });

  it("une convention ouvre la délibération qui l'approuve ; sans délibération, rien à ouvrir", async () => {
    const user = userEvent.setup();
    const [, convention] = resultatsEnt.trouvailles as [never, (typeof resultatsEnt.trouvailles)[number]];
    m.rechercher.mockResolvedValue({
      total: 2,
      trouvailles: [convention, { ...convention, cle: "conv-orpheline", liee: null, statut: null, seance: null }],
    });
    const ecran = await allerALaRecherche(user);
    await user.type(within(ecran).getByTestId("champ-recherche"), "ENT");
    const [liee, orpheline] = (await within(ecran).findAllByTestId("trouvaille")) as [HTMLElement, HTMLElement];
    expect(orpheline).toHaveTextContent(fr.recherche.sansDeliberation);
    expect(within(orpheline).queryByRole("button")).not.toBeInTheDocument();
    expect(orpheline.querySelector("[data-statut]")).toBeNull();

    await user.click(within(liee).getByRole("button", { name: /^Ouvrir la délibération n° 2024\/052 :/ }));
    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    expect(m.lireDeliberation).toHaveBeenLastCalledWith("2024/052");
  });

  it("« Afficher plus de résultats » demande les suivants ; un nouveau mot repart des premiers", async () => {
    const user = userEvent.setup();
    const une = resultatsEnt.trouvailles[0] as (typeof resultatsEnt.trouvailles)[number];
    const vingt = Array.from({ length: 20 }, (_, i) => ({ ...une, cle: `2024/${String(100 + i)}` }));
    m.rechercher.mockResolvedValue({ total: 45, trouvailles: vingt });
    const ecran = await allerALaRecherche(user);
    await user.type(within(ecran).getByTestId("champ-recherche"), "ecole");
    expect(await within(ecran).findByTestId("plus-de-resultats")).toBeInTheDocument();
    expect(within(ecran).getByTestId("total-recherche")).toHaveTextContent("45 résultats");
    expect(within(ecran).getByTestId("total-recherche")).toHaveTextContent(fr.recherche.affiches(20, 45));

    await user.click(within(ecran).getByTestId("plus-de-resultats"));
    await waitFor(() => expect(derniereRequete()).toEqual(requete({ texte: "ecole", limite: 40 })));
    await user.type(within(ecran).getByTestId("champ-recherche"), "s");
    await waitFor(() => expect(derniereRequete()).toEqual(requete({ texte: "ecoles", limite: 20 })));
  });

  it("montre l'erreur du cœur avec le texte du catalogue", async () => {
    const user = userEvent.setup();
    m.rechercher.mockRejectedValue({ code: "base_endommagee", message: "index" });
    const ecran = await allerALaRecherche(user);
    await user.type(within(ecran).getByTestId("champ-recherche"), "ecole");
    const alerte = await within(ecran).findByRole("alert");
    expect(alerte).toHaveTextContent(erreurs.base_endommagee);
  });
});
