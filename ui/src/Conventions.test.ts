import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Convention } from "./bindings/Convention";
import type { Diagnostic } from "./bindings/Diagnostic";
import EcranConventions from "./composants/EcranConventions.svelte";
import * as ipc from "./ipc";
import { centimesVersEuro, euroVersCentimes } from "./lib/convention";
import { erreurs, fr } from "./lib/fr";
import { communePezilla, conventionEnt, conventionsResumes, detail052, elus } from "./test/donnees";

vi.mock("./ipc", () => ({
  listerConventions: vi.fn(),
  lireConvention: vi.fn(),
  verifierConvention: vi.fn(),
  enregistrerConvention: vi.fn(),
  renouvelerConvention: vi.fn(),
  lireDeliberation: vi.fn(),
  lireCommune: vi.fn(),
  listerElus: vi.fn(),
}));

const m = vi.mocked(ipc);

const periodeIncoherente: Diagnostic = {
  code: "periode_incoherente",
  gravite: "avertissement",
  message: "L'article 4 mentionne l'année scolaire 2023-2024 alors que la convention couvre 2024-2025.",
  article: "Convention, article 4",
};

function dernier<T>(mock: { mock: { calls: [T][] } }): T {
  const appel = mock.mock.calls.at(-1);
  if (!appel) throw new Error("aucun appel");
  return appel[0];
}

beforeEach(() => {
  vi.resetAllMocks();
  m.listerConventions.mockResolvedValue(conventionsResumes);
  m.lireConvention.mockResolvedValue(conventionEnt);
  m.verifierConvention.mockResolvedValue([]);
  // 2024/052 est « soumis au maire » : la convention reste modifiable.
  m.lireDeliberation.mockResolvedValue({ ...detail052, statut: "soumis_au_maire" });
  m.enregistrerConvention.mockImplementation((c: Convention) =>
    Promise.resolve({ ...c, id: c.id === "" ? "convention-nouvelle" : c.id }),
  );
});

function variable(editeur: HTMLElement, nom: string): HTMLElement {
  const bouton = within(editeur)
    .getAllByTestId("inserer-variable")
    .find((b) => b.dataset["variable"] === nom);
  if (!bouton) throw new Error(`bouton {{${nom}}} absent`);
  return bouton;
}

async function nouvelleConvention(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(EcranConventions);
  await user.click(await screen.findByTestId("nouvelle-convention"));
  return screen.findByTestId("editeur-convention");
}

describe("montants en euros", () => {
  it("lit un montant saisi à la française en centimes entiers", () => {
    expect(euroVersCentimes("45")).toBe(4500n);
    expect(euroVersCentimes("45,5")).toBe(4550n);
    expect(euroVersCentimes("45,50 €")).toBe(4550n);
    expect(euroVersCentimes("1 234,56")).toBe(123456n);
    expect(euroVersCentimes("0,07")).toBe(7n);
    expect(euroVersCentimes("45,505")).toBeNull();
    expect(euroVersCentimes("-3")).toBeNull();
    expect(euroVersCentimes("")).toBeNull();
    expect(centimesVersEuro(4500n)).toBe("45");
    expect(centimesVersEuro(4550n)).toBe("45,50");
  });
});

describe("conventions", () => {
  it("liste les conventions avec année scolaire, fin, montant calculé et délibération, et renouvelle", async () => {
    const user = userEvent.setup();
    render(EcranConventions);
    const liste = await screen.findByTestId("liste-conventions");
    const ligne = within(liste).getByTestId("ligne-convention");
    expect(ligne).toHaveTextContent("Convention ENT-école Année scolaire 2024-2025");
    expect(within(ligne).getByTestId("convention-annee")).toHaveTextContent("2024-2025");
    expect(within(ligne).getByTestId("convention-fin")).toHaveTextContent("1er septembre 2025");
    expect(within(ligne).getByTestId("convention-montant")).toHaveTextContent(/90\s€\sTTC$/);
    await waitFor(() => expect(within(ligne).getByTestId("convention-deliberation")).toHaveTextContent("2024/052"));

    const renouvelee: Convention = { ...conventionEnt, id: "convention-2025-2026", titre: "ENT 2025-2026", deliberation: null };
    m.renouvelerConvention.mockResolvedValue(renouvelee);
    m.listerConventions.mockResolvedValue([
      ...conventionsResumes,
      { id: "convention-2025-2026", titre: "ENT 2025-2026", annee_scolaire: "2025-2026", fin: null, montant: null },
    ]);
    await user.click(within(ligne).getByRole("button", { name: fr.conventions.renouvelerAide(conventionsResumes[0]?.titre ?? "") }));
    expect(m.renouvelerConvention).toHaveBeenCalledWith("ent-ecole-2024-2025");
    expect(await screen.findByTestId("convention-renouvelee")).toHaveTextContent(fr.conventions.renouvelee("ENT 2025-2026"));
    expect(within(screen.getByTestId("liste-conventions")).getAllByTestId("ligne-convention")).toHaveLength(2);
  });

  it("ouvre une convention : champs remplis, contrôles en direct affichés", async () => {
    const user = userEvent.setup();
    m.verifierConvention.mockResolvedValue([periodeIncoherente]);
    render(EcranConventions);
    await user.click(await screen.findByTestId("ouvrir-convention"));
    const editeur = await screen.findByTestId("editeur-convention");

    expect(m.lireConvention).toHaveBeenCalledWith("ent-ecole-2024-2025");
    expect(within(editeur).getByLabelText(fr.convention.intitule)).toHaveValue(conventionEnt.titre);
    expect(within(editeur).getByLabelText(fr.convention.montant)).toHaveValue("45");
    expect(within(editeur).getByLabelText(fr.convention.anneeScolaire)).toHaveValue("2024-2025");
    expect(within(editeur).getByLabelText(fr.convention.uaiBeneficiaire(2))).toHaveValue("0660446B");
    // Les sous-articles et les listes sont repris.
    expect(within(editeur).getByLabelText(fr.convention.titreArticle("9.1"))).toHaveValue("Coût");
    expect(within(editeur).getByLabelText(fr.convention.listeArticle("9", 1))).toHaveValue("école A\nécole B");

    const diagnostic = await within(editeur).findByTestId("diagnostic");
    expect(diagnostic).toHaveAttribute("data-code", "periode_incoherente");
    expect(diagnostic).toHaveTextContent("2023-2024");
    // Relue telle quelle, la convention envoyée au contrôle est celle du registre.
    expect(dernier(m.verifierConvention)).toEqual(conventionEnt);
  });

  it("saisit une nouvelle convention : montant en centimes, variables insérées, enregistrement", async () => {
    const user = userEvent.setup();
    const editeur = await nouvelleConvention(user);
    expect(within(editeur).getByTestId("titre-convention")).toHaveTextContent(fr.convention.titreNouvelle);

    await user.type(within(editeur).getByLabelText(fr.convention.intitule), "Convention ENT 2025-2026");
    await user.type(within(editeur).getByTestId("partie-nom"), "COMMUNE DE PEZILLA");
    await user.type(within(editeur).getByTestId("partie-representant"), "Jean-Paul BILLES");
    await user.type(within(editeur).getByTestId("partie-adresse"), "31 avenue du Canigou{Enter}66370 PEZILLA");

    await user.click(within(editeur).getByTestId("ajouter-article"));
    await user.type(within(editeur).getByLabelText(fr.convention.titreArticle("1")), "Participation");
    const paragraphe = within(editeur).getByLabelText(fr.convention.blocArticle("1", 1));
    await user.type(paragraphe, "Fixée à  par an.");
    // Le curseur après « à » : la variable s'insère là.
    (paragraphe as HTMLTextAreaElement).setSelectionRange(8, 8);
    await user.click(variable(editeur, "montant_unitaire"));
    expect(paragraphe).toHaveValue("Fixée à {{montant_unitaire}} par an.");
    await user.click(variable(editeur, "taxe"));
    expect(paragraphe).toHaveValue("Fixée à {{montant_unitaire}}{{taxe}} par an.");

    await user.click(within(editeur).getByTestId("convention-avec-conditions"));
    await user.type(within(editeur).getByLabelText(fr.convention.montant), "45,5");
    await user.type(within(editeur).getByLabelText(fr.convention.unite), "école");
    await user.click(within(editeur).getByTestId("ajouter-beneficiaire"));
    await user.type(within(editeur).getByLabelText(fr.convention.nomBeneficiaire(1)), "ECOLE SARDA GARRIGA");
    await user.type(within(editeur).getByLabelText(fr.convention.uaiBeneficiaire(1)), "0660710N");
    await user.type(within(editeur).getByLabelText(fr.convention.lieuSignature), "Pézilla");

    // Contrôle en direct sur la saisie, montant en centimes.
    await waitFor(() =>
      expect(dernier(m.verifierConvention).conditions_financieres?.montant_unitaire_centimes).toBe(4550n),
    );

    await user.click(within(editeur).getByTestId("enregistrer-convention"));
    await waitFor(() => expect(m.enregistrerConvention).toHaveBeenCalledTimes(1));
    expect(dernier(m.enregistrerConvention)).toEqual({
      id: "",
      titre: "Convention ENT 2025-2026",
      entete: null,
      date_document: null,
      parties: [
        {
          nom: "COMMUNE DE PEZILLA",
          siret: null,
          adresse: ["31 avenue du Canigou", "66370 PEZILLA"],
          representant: "Jean-Paul BILLES",
          qualite: "",
          designation: "",
        },
      ],
      notes: [],
      preambule: [],
      articles: [
        {
          numero: "1",
          titre: "Participation",
          contenu: [{ type: "paragraphe", texte: "Fixée à {{montant_unitaire}}{{taxe}} par an." }],
          sous_articles: [],
        },
      ],
      lieu_signature: "Pézilla",
      date_signature: null,
      deliberation: null,
      periode: null,
      conditions_financieres: {
        montant_unitaire_centimes: 4550n,
        taxe: "TTC",
        unite: "école",
        beneficiaires: [{ nom: "ECOLE SARDA GARRIGA", uai: "0660710N" }],
        quantite: null,
      },
    });
    expect(await within(editeur).findByTestId("convention-enregistree")).toHaveTextContent(
      fr.convention.enregistree("Convention ENT 2025-2026"),
    );
    expect(editeur).toHaveAttribute("data-id", "convention-nouvelle");
    // La liste est relue pour le retour.
    expect(m.listerConventions).toHaveBeenCalledTimes(2);
  });

  it("ajoute la commune comme partie, remplie depuis son profil et représentée par son maire", async () => {
    const user = userEvent.setup();
    m.lireCommune.mockResolvedValue(communePezilla);
    m.listerElus.mockResolvedValue(elus);
    const editeur = await nouvelleConvention(user);
    await user.click(within(editeur).getByTestId("ajouter-commune"));
    const partie = (await within(editeur).findAllByTestId("partie")).at(-1);
    if (!partie) throw new Error("aucune partie");
    expect(within(partie).getByTestId("partie-nom")).toHaveValue("COMMUNE DE PÉZILLA-LA-RIVIÈRE");
    expect(within(partie).getByTestId("partie-siret")).toHaveValue("21660140100120");
    const maire = elus.find((e) => e.id === communePezilla.maire);
    expect(within(partie).getByDisplayValue(maire?.nom ?? "?")).toBeInTheDocument();
  });

  it("refuse un montant illisible sans l'envoyer au cœur", async () => {
    const user = userEvent.setup();
    const editeur = await nouvelleConvention(user);
    await user.click(within(editeur).getByTestId("convention-avec-conditions"));
    const montant = within(editeur).getByLabelText(fr.convention.montant);
    await user.type(montant, "45,505");
    expect(within(editeur).getByTestId("montant-invalide")).toHaveTextContent(fr.convention.montantInvalide);
    expect(montant).toHaveAttribute("aria-invalid", "true");
    await user.click(within(editeur).getByTestId("enregistrer-convention"));
    expect(within(editeur).getByTestId("convention-montant-a-corriger")).toBeInTheDocument();
    expect(m.enregistrerConvention).not.toHaveBeenCalled();
  });

  it("montre le refus du cœur avec le champ en cause, et Ctrl+S enregistre", async () => {
    const user = userEvent.setup();
    m.enregistrerConvention.mockRejectedValue({
      code: "donnee_invalide",
      message: "convention.parties[0].nom : le nom de la partie est vide",
    });
    const editeur = await nouvelleConvention(user);
    await user.type(within(editeur).getByLabelText(fr.convention.intitule), "Convention sans partie");
    await user.keyboard("{Control>}s{/Control}");
    await waitFor(() => expect(m.enregistrerConvention).toHaveBeenCalledTimes(1));
    const alerte = await within(editeur).findByTestId("alerte-erreur");
    expect(alerte).toHaveAttribute("data-code", "donnee_invalide");
    expect(alerte).toHaveTextContent(erreurs.donnee_invalide);
    expect(within(alerte).getByTestId("message-erreur")).toHaveTextContent("convention.parties[0].nom");
  });

  it("ouvre en lecture seule, avec le motif, une convention dont la délibération est signée", async () => {
    const user = userEvent.setup();
    m.lireDeliberation.mockResolvedValue({ ...detail052, statut: "signe" });
    render(EcranConventions);
    await user.click(await screen.findByTestId("ouvrir-convention"));
    const editeur = await screen.findByTestId("editeur-convention");
    expect(within(editeur).getByTestId("convention-figee")).toHaveTextContent(fr.convention.figee("2024/052", "Signé"));
    expect(within(editeur).getByLabelText(fr.convention.intitule)).toBeDisabled();
    expect(within(editeur).queryByTestId("enregistrer-convention")).not.toBeInTheDocument();
    await user.keyboard("{Control>}s{/Control}");
    expect(m.enregistrerConvention).not.toHaveBeenCalled();
  });
});
