// End-to-end tests of the Registre desktop app, driven through tauri-driver
// and WebKitWebDriver. Run through scripts/e2e.sh (it provides Xvfb).

import { test, before } from 'node:test';
import { Key } from 'selenium-webdriver';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ICI,
  attendreElement,
  avecApplication,
  capturer,
  config,
  dossierTemporaire,
  lancerDetenteur,
  nettoyerArtefacts,
  registre,
  semerDemo,
  supprimer,
  verifierPrerequis,
  By,
} from './harnais.mjs';

const NUMERO = '2024/052';
const LIGNE = `[data-testid="ligne-deliberation"][data-numero="${NUMERO}"]`;
// Two start attempts (2 × 45 s) plus the scenario's own watchdog (90 s).
const DELAI_TEST = 240_000;

const CAPTURES = [
  'tableau-de-bord',
  'sauvegarde-exports',
  'liste-deliberations',
  'detail-deliberation',
  'registre-vide',
  'liste-apres-demo',
  'base-occupee',
  'liste-apres-reessai',
  'controle-juridique',
  'liste-seances',
  'seance-ouverte',
  'seance-editeur',
  'seance-echeancier',
  'apercu-pdf',
  'redaction-editeur',
  'revue-difference',
  'detail-signee',
  'recherche',
  'recherche-ouverte',
  'registre-annuel',
  'convention-editeur',
  'convention-liste',
  'injection-refusee',
  'parametres',
  'registre-progression',
  'registre-annule',
];

before(async () => {
  verifierPrerequis();
  await nettoyerArtefacts(CAPTURES);
  console.log(`application : ${config.app}\nCLI : ${config.cli}\nartefacts : ${config.artefacts}`);
});

async function texte(driver, testid) {
  const element = await driver.findElement(By.css(`[data-testid="${testid}"]`));
  return (await element.getText()).trim();
}

/** The app opens on the Tableau de bord: go to the list of deliberations. */
async function allerALaListe(driver) {
  await attendreElement(driver, '[data-testid="tableau-de-bord"]');
  await (await attendreElement(driver, '[data-testid="nav-deliberations"]')).click();
  await attendreElement(driver, '[data-testid="liste-deliberations"]');
  return attendreElement(driver, LIGNE);
}

test('tableau de bord : l\'application s\'ouvre dessus, 2024/052 est à relire par le maire', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('tableau');
  try {
    await semerDemo(base);
    await avecApplication('tableau', base, async (driver) => {
      await attendreElement(driver, '[data-testid="tableau-de-bord"]');
      const nav = await driver.findElement(By.css('[data-testid="nav-tableau"]'));
      assert.equal(await nav.getAttribute('aria-current'), 'page');
      const section = await attendreElement(driver, '[data-testid="section-a_relire"]');
      assert.match(await section.getText(), /^À relire par le maire/);
      const element = await section.findElement(By.css(`[data-testid="element-tableau"][data-numero="${NUMERO}"]`));
      assert.match(await element.getText(), /CONVENTION DE PARTENARIAT ACADEMIE DE MONTPELLIER/);
      const compte = await section.findElement(By.css('[data-testid="compte-a_relire"]'));
      assert.equal(await compte.getAttribute('data-nombre'), '1');
      await capturer(driver, 'tableau-de-bord');

      // A click opens the deliberation's detail (profile Secrétariat).
      await element.findElement(By.css('button')).click();
      await attendreElement(driver, '[data-testid="detail-numero"]');
      await driver.wait(
        async () => (await texte(driver, 'detail-numero')) === `Délibération n° ${NUMERO}`,
        config.delaiElement,
        `le détail de ${NUMERO} ne s'ouvre pas depuis le tableau de bord`,
      );

      // « Sauvegarde et exports »: the screen only (native dialogs are not driven here).
      await (await driver.findElement(By.css('[data-testid="nav-sauvegarde"]'))).click();
      await attendreElement(driver, '[data-testid="ecran-sauvegarde"]');
      assert.match(await texte(driver, 'sauvegardes-automatiques'), /copies automatiques/);
      const annees = await driver.findElements(By.css('[data-testid="annee-scdl"] option'));
      assert.deepEqual(await Promise.all(annees.map((o) => o.getText())), ['Toutes les années', '2024']);
      await capturer(driver, 'sauvegarde-exports');

      // The commands behind these buttons, called as the buttons call them
      // (the native dialogs are skipped): the arguments reach the backend.
      const appeler = (commande, args) =>
        driver.executeAsyncScript(`
          const fini = arguments[arguments.length - 1];
          window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
            .then((r) => fini({ ok: r ?? null }), (e) => fini({ erreur: e }));
        `, commande, args);
      const sauvegarde = path.join(parent, 'registre-sauvegarde.json');
      assert.deepEqual(await appeler('sauvegarder_sous', { chemin: sauvegarde }), { ok: null });
      assert.equal(JSON.parse(await readFile(sauvegarde, 'utf8')).type, 'registre-sauvegarde');
      const restauration = await appeler('restaurer_sauvegarde', { chemin: sauvegarde });
      assert.equal(restauration.ok?.nombre_deliberations, 1, JSON.stringify(restauration));
      for (const [commande, args] of [
        ['exporter_scdl', { annee: 2024, chemin: path.join(parent, 'scdl.csv') }],
        ['exporter_publication', { du: '2024-01-01', au: '2024-12-31', dossier: path.join(parent, 'publication') }],
        ['preparer_paquet_actes', { numero: NUMERO, dossier: path.join(parent, 'actes'), classification: null }],
      ]) {
        // Accepted, or refused by the core with a code: never an argument error.
        const r = await appeler(commande, args);
        assert.ok('ok' in r || typeof r.erreur?.code === 'string', `${commande} : ${JSON.stringify(r)}`);
      }
    });
  } finally {
    await supprimer(parent);
  }
});

test('registre de démonstration : liste puis détail de la délibération 2024/052', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('demo');
  try {
    await semerDemo(base);
    await avecApplication('demo', base, async (driver) => {
      const ligne = await allerALaListe(driver);
      await capturer(driver, 'liste-deliberations');

      // The whole row is clickable; WebKitWebDriver refuses to click a <tr>
      // itself ("not interactable"), so click one of its cells.
      await ligne.findElement(By.css('td')).click();
      await attendreElement(driver, '[data-testid="detail-deliberation"]');

      assert.match(await texte(driver, 'detail-objet'), /CONVENTION DE PARTENARIAT ACADEMIE DE MONTPELLIER/);
      assert.equal(await texte(driver, 'compte-en-exercice'), '27');
      assert.equal(await texte(driver, 'compte-presents'), '22');
      assert.equal(await texte(driver, 'compte-absents'), '5');
      assert.equal(await texte(driver, 'compte-representes'), '1');
      // The reference document's slip is caught: "année scolaire 2023-2024"
      // in the APPROUVE decision and in article 4 of a 2024-2025 convention.
      const periodes = await driver.findElements(
        By.css('[data-testid="diagnostic"][data-code="periode_incoherente"]'),
      );
      assert.equal(periodes.length, 2);
      assert.match(await periodes[0].getText(), /2023-2024/);
      await capturer(driver, 'detail-deliberation');
    });
  } finally {
    await supprimer(parent);
  }
});

test('registre vide : le bouton de démonstration charge la commune de référence', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('vide');
  try {
    await avecApplication('vide', base, async (driver) => {
      const bouton = await attendreElement(driver, '[data-testid="charger-demo"]');
      await capturer(driver, 'registre-vide');
      await bouton.click();

      await allerALaListe(driver);
      await capturer(driver, 'liste-apres-demo');
    });
  } finally {
    await supprimer(parent);
  }
});

test('base verrouillée par un autre processus : erreur « base_occupee » affichée, puis « Réessayer » une fois libérée', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('occupee');
  let detenteur = null;
  try {
    await semerDemo(base);
    detenteur = await lancerDetenteur(base);
    await avecApplication('occupee', base, async (driver) => {
      await attendreElement(driver, '[data-testid="alerte-erreur"][data-code="base_occupee"]');
      await capturer(driver, 'base-occupee');

      await detenteur.arreter();
      detenteur = null;
      const reessayer = await attendreElement(driver, '[data-testid="alerte-erreur"] button');
      await reessayer.click();
      await allerALaListe(driver);
      await capturer(driver, 'liste-apres-reessai');
    });
  } finally {
    if (detenteur) await detenteur.arreter();
    await supprimer(parent);
  }
});

test('contrôle juridique : une convocation trop tardive est signalée avec son article', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('controle');
  try {
    await semerDemo(base);
    // The reference séance, convened on 12 May instead of 7 May: 2 jours
    // francs where a commune of 3,500 inhabitants or more needs 5.
    const fichier = path.join(parent, 'registre.json');
    await registre(base, ['export', 'json', '-o', fichier]);
    const donnees = JSON.parse(await readFile(fichier, 'utf8'));
    donnees.registre.seances[0].date_convocation = '2024-05-12';
    await writeFile(fichier, JSON.stringify(donnees));
    await registre(base, ['import', '--remplacer', fichier]);

    await avecApplication('controle', base, async (driver) => {
      const ligne = await allerALaListe(driver);
      await ligne.findElement(By.css('td')).click();
      const diagnostic = await attendreElement(
        driver,
        '[data-testid="diagnostic"][data-code="delai_convocation_insuffisant"]',
      );
      const message = await diagnostic.getText();
      assert.match(message, /Erreur/);
      assert.match(message, /2 jour\(s\) franc\(s\)/);
      assert.match(message, /CGCT L2121-12/);
      await capturer(driver, 'controle-juridique');
    });
  } finally {
    await supprimer(parent);
  }
});

test('éditeur de séance : contrôle juridique en direct, puis enregistrement du lieu', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('seance');
  const LIGNE_SEANCE = '[data-testid="ligne-seance"][data-id="2024-05-15"]';
  const POUVOIR_A_UN_ABSENT = '[data-testid="diagnostic"][data-code="pouvoir_a_un_absent"]';
  const NOUVEAU_LIEU = 'salle du conseil municipal';
  const choisir = async (driver, testid, valeur) => {
    // Centre the select first: the sticky save bar would cover it at the bottom.
    const liste = await driver.findElement(By.css(`[data-testid="${testid}"]`));
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', liste);
    await liste.findElement(By.css(`option[value="${valeur}"]`)).click();
  };
  const ouvrirSeance = async (driver) => {
    const ligne = await attendreElement(driver, LIGNE_SEANCE);
    await ligne.findElement(By.css('button')).click();
    return attendreElement(driver, '[data-testid="editeur-seance"]');
  };
  try {
    await semerDemo(base);
    await avecApplication('seance', base, async (driver) => {
      await (await attendreElement(driver, '[data-testid="nav-seances"]')).click();
      await attendreElement(driver, LIGNE_SEANCE);
      await capturer(driver, 'liste-seances');
      await ouvrirSeance(driver);
      assert.equal(await texte(driver, 'seance-compte-en-exercice'), '27');
      assert.equal(await texte(driver, 'seance-compte-presents'), '22');
      assert.equal(await texte(driver, 'seance-compte-representes'), '1');
      assert.equal(await texte(driver, 'seance-compte-votants'), '23');
      await attendreElement(driver, '[data-testid="controle-juridique"]');
      await capturer(driver, 'seance-ouverte');

      // The séance's documents, the procès-verbal among them, and its legal
      // checklist (overdue steps first; the demo séance is long past).
      await attendreElement(driver, '[data-testid="seance-ouvrir-proces_verbal"]');
      const echeancier = await attendreElement(driver, '[data-testid="echeancier-seance"]');
      await attendreElement(driver, '[data-testid="obligation"]');
      const etats = await Promise.all(
        (await echeancier.findElements(By.css('[data-testid="obligation"]'))).map((l) => l.getAttribute('data-etat')),
      );
      assert.ok(etats.length > 0 && etats[0] === 'en_retard', `échéancier inattendu : ${etats.join(', ')}`);
      assert.deepEqual(etats, [...etats].sort((a, b) => (a === 'en_retard' ? 0 : 1) - (b === 'en_retard' ? 0 : 1)));
      assert.match(await echeancier.getText(), /L2121-25/);
      await driver.executeScript('arguments[0].scrollIntoView({ block: "start" });', echeancier);
      await capturer(driver, 'seance-echeancier');
      // « Enregistrer sous… » for the PV without its native dialog: the name
      // the core proposes, then the command the button calls.
      const pv = await driver.executeAsyncScript(`
        const fini = arguments[arguments.length - 1];
        const ipc = window.__TAURI_INTERNALS__;
        ipc.invoke('nom_fichier_pdf', { demande: { document: 'proces_verbal', cle: '2024-05-15' } })
          .then((nom) => ipc.invoke('enregistrer_pdf_seance', { id: '2024-05-15', document: 'proces_verbal', chemin: arguments[0] + '/' + nom }).then(() => nom))
          .then((nom) => fini({ nom }), (e) => fini({ erreur: e }));
      `, parent);
      assert.equal(typeof pv.nom, 'string', JSON.stringify(pv));
      assert.match(pv.nom, /\.pdf$/);
      const octetsPv = await readFile(path.join(parent, pv.nom));
      assert.equal(octetsPv.subarray(0, 5).toString('latin1'), '%PDF-');
      await driver.executeScript('window.scrollTo(0, 0);');

      // Guy PALOFFIS holds Yves ESCAPE's pouvoir: marking him absent is
      // flagged as the clerk types, without saving anything.
      await choisir(driver, 'presence-paloffis-guy', 'absent_excuse');
      const diagnostic = await attendreElement(driver, POUVOIR_A_UN_ABSENT);
      assert.match(await diagnostic.getText(), /Yves ESCAPE/);
      assert.match(await diagnostic.getText(), /CGCT L2121-20/);
      assert.equal(await texte(driver, 'seance-compte-presents'), '21');
      await capturer(driver, 'seance-editeur');

      await choisir(driver, 'presence-paloffis-guy', 'present');
      await driver.wait(
        async () => (await driver.findElements(By.css(POUVOIR_A_UN_ABSENT))).length === 0,
        config.delaiElement,
        'le diagnostic pouvoir_a_un_absent ne disparaît pas',
      );

      const lieu = await driver.findElement(By.css('[data-testid="seance-lieu"]'));
      await lieu.clear();
      await lieu.sendKeys(NOUVEAU_LIEU);
      await (await driver.findElement(By.css('[data-testid="enregistrer-seance"]'))).click();
      const confirmation = await attendreElement(driver, '[data-testid="seance-enregistree"]');
      assert.match(await confirmation.getText(), /Séance du 15 mai 2024 enregistrée/);

      // Read back from the register: back to the list, reopen the séance.
      await (await driver.findElement(By.css('[data-testid="retour-seances"]'))).click();
      const ligne = await attendreElement(driver, LIGNE_SEANCE);
      assert.match(await ligne.getText(), new RegExp(NOUVEAU_LIEU));
      await ouvrirSeance(driver);
      const relu = await attendreElement(driver, '[data-testid="seance-lieu"]');
      assert.equal(await relu.getAttribute('value'), NOUVEAU_LIEU);
      const paloffis = await driver.findElement(By.css('[data-testid="presence-paloffis-guy"]'));
      assert.equal(await paloffis.getAttribute('value'), 'present');
    });
  } finally {
    await supprimer(parent);
  }
});

test('aperçu PDF : le dossier de la délibération 2024/052 est rendu page par page', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('apercu');
  const PAGE = '[data-testid="page-pdf"]';
  try {
    await semerDemo(base);
    await avecApplication('apercu', base, async (driver) => {
      const ligne = await allerALaListe(driver);
      await ligne.findElement(By.css('td')).click();
      await (await attendreElement(driver, '[data-testid="bouton-apercu"]')).click();
      await attendreElement(driver, '[data-testid="apercu-pdf"]');
      await attendreElement(driver, `${PAGE}[data-page="1"]`);
      assert.match(await texte(driver, 'nombre-pages'), /^6 pages$/);
      assert.equal((await driver.findElements(By.css(PAGE))).length, 6);

      // Wait until pdf.js has drawn the first page: some of its pixels are
      // dark (text), not only the white of an empty canvas.
      const encre = () =>
        driver.executeScript(`
          const toile = document.querySelector('${PAGE}[data-page="1"]');
          if (!toile || toile.width === 0) return 0;
          const { data } = toile.getContext('2d').getImageData(0, 0, toile.width, toile.height);
          let sombres = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 128) sombres++;
          return sombres;
        `);
      await driver.wait(async () => (await encre()) > 1_000, config.delaiElement, 'la page 1 reste vierge');
      const panneau = await driver.findElement(By.css('[data-testid="apercu-pdf"]'));
      await driver.executeScript('arguments[0].scrollIntoView({ block: "start" });', panneau);
      await capturer(driver, 'apercu-pdf');

      // « Enregistrer sous… » without its native dialog: the command the
      // button calls with the chosen path, through the real IPC bridge.
      const chemin = path.join(parent, 'Délibération 052 (copie).pdf');
      const resultat = await driver.executeAsyncScript(`
        const fini = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__
          .invoke('enregistrer_pdf', { numero: '${NUMERO}', document: 'dossier', chemin: arguments[0] })
          .then(() => fini('ok'), (e) => fini(JSON.stringify(e)));
      `, chemin);
      assert.equal(resultat, 'ok');
      const octets = await readFile(chemin);
      assert.equal(octets.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(octets.length > 20_000, `PDF trop petit : ${octets.length} octets`);

      // The extract alone: fewer pages, re-rendered from new bytes.
      await (await driver.findElement(By.css('[data-testid="choix-extrait"]'))).click();
      await driver.wait(
        async () => {
          const pages = await driver.findElements(By.css(PAGE));
          return pages.length > 0 && pages.length < 6;
        },
        config.delaiElement,
        "l'aperçu de l'extrait seul ne s'affiche pas",
      );
    });
  } finally {
    await supprimer(parent);
  }
});

test('rédaction et circuit de signature : nouvelle délibération, relecture du maire avec différences, signature, historique', { timeout: 420_000 }, async () => {
  const { parent, base } = await dossierTemporaire('circuit');
  const NOUVEAU = '2024/053';
  const LIGNE_NOUVELLE = `[data-testid="ligne-deliberation"][data-numero="${NOUVEAU}"]`;
  const EXPOSE_AVANT = "Le prix du repas est maintenu pour l'année scolaire 2024/2025.";
  const EXPOSE_APRES = "Le prix du repas est revu à la hausse pour l'année scolaire 2024/2025.";

  const cliquer = async (driver, selecteur) => {
    const element = await attendreElement(driver, selecteur);
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', element);
    await element.click();
    return element;
  };
  const choisir = async (driver, testid, valeur) => {
    const liste = await attendreElement(driver, `[data-testid="${testid}"]`);
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', liste);
    await liste.findElement(By.css(`option[value="${valeur}"]`)).click();
  };
  const profil = (driver, role) => choisir(driver, 'profil', role);
  /** Replaces a field's whole text as typed by the user (input events, not a script assignment). */
  const remplacer = async (driver, testid, texteNouveau) => {
    const champ = await attendreElement(driver, `[data-testid="${testid}"]`);
    await driver.executeScript(
      'arguments[0].scrollIntoView({ block: "center" }); arguments[0].focus(); arguments[0].select();',
      champ,
    );
    await champ.sendKeys(texteNouveau);
  };
  const attendreEnregistre = async (driver) => {
    await driver.wait(
      async () =>
        (await driver.findElement(By.css('[data-testid="etat-enregistrement"]')).getAttribute('data-etat')) ===
        'enregistre',
      config.delaiElement,
      "l'enregistrement automatique ne se termine pas",
    );
    assert.match(await texte(driver, 'etat-enregistrement'), /^Enregistré à \d{1,2} h \d{2}$/);
  };
  const statutAffiche = async (driver, statut) =>
    attendreElement(driver, `[data-testid="detail-deliberation"] .entete-detail [data-statut="${statut}"]`);
  const ouvrirARelire = async (driver) => {
    await cliquer(driver, '[data-testid="nav-a-relire"]');
    const ligne = await attendreElement(driver, `[data-testid="ligne-a-relire"][data-numero="${NOUVEAU}"]`);
    assert.equal(await ligne.getAttribute('data-modifiee'), 'oui');
    await ligne.findElement(By.css('button')).click();
    return attendreElement(driver, `[data-testid="revue"][data-numero="${NOUVEAU}"]`);
  };

  try {
    await semerDemo(base);
    await avecApplication('circuit', base, async (driver) => {
      await allerALaListe(driver);
      await profil(driver, 'secretariat');

      // « Nouvelle délibération » dans la séance du 15 mai 2024, page blanche.
      await cliquer(driver, '[data-testid="nouvelle-deliberation"]');
      await choisir(driver, 'nouvelle-seance', '2024-05-15');
      await cliquer(driver, '[data-testid="commencer-redaction"]');
      await attendreElement(driver, '[data-testid="editeur-deliberation"]');
      await attendreElement(driver, '[data-testid="redaction-numero"]');
      await driver.wait(
        async () => (await texte(driver, 'redaction-numero')).startsWith(NOUVEAU),
        config.delaiElement,
        `le numéro proposé n'est pas ${NOUVEAU}`,
      );
      await remplacer(driver, 'redaction-objet', 'RESTAURATION SCOLAIRE - TARIFS 2024/2025');
      await remplacer(driver, 'redaction-expose', EXPOSE_AVANT);
      await choisir(driver, 'decision-verbe', 'APPROUVE');
      await remplacer(driver, 'decision-texte', 'les tarifs de la restauration scolaire pour 2024/2025.');
      await choisir(driver, 'redaction-matiere', '8.1');
      await attendreEnregistre(driver);
      const editeur = await driver.findElement(By.css('[data-testid="editeur-deliberation"]'));
      assert.equal(await editeur.getAttribute('data-numero'), NOUVEAU);
      assert.match(await texte(driver, 'titre-redaction'), /2024\/053/);
      await driver.executeScript('window.scrollTo(0, 0);');
      await capturer(driver, 'redaction-editeur');

      // Back to the detail, read from the register: submit to the mayor.
      await cliquer(driver, '[data-testid="retour-editeur"]');
      await attendreElement(driver, '[data-testid="detail-numero"]');
      await driver.wait(
        async () => (await texte(driver, 'detail-numero')) === `Délibération n° ${NOUVEAU}`,
        config.delaiElement,
        `le détail de ${NOUVEAU} ne s'ouvre pas`,
      );
      assert.match(await texte(driver, 'detail-matiere'), /^8\.1 Enseignement$/);
      assert.match(await texte(driver, 'detail-expose'), /maintenu/);
      await cliquer(driver, '[data-testid="action-soumettre"]');
      await statutAffiche(driver, 'soumis_au_maire');

      // The mayor: « À relire » lists it (never read), first reading, « Marquer comme lu ».
      await profil(driver, 'maire');
      await ouvrirARelire(driver);
      assert.match(await texte(driver, 'etat-lecture'), /Première lecture/);
      await cliquer(driver, '[data-testid="marquer-lu"]');
      const lu = await attendreElement(driver, '[data-testid="revue-confirmation"]');
      assert.match(await lu.getText(), /marquée comme lue/);

      // The clerk edits the exposé while it is submitted (allowed).
      await profil(driver, 'secretariat');
      await cliquer(driver, '[data-testid="nav-deliberations"]');
      await cliquer(driver, `${LIGNE_NOUVELLE} button`);
      await statutAffiche(driver, 'soumis_au_maire');
      await cliquer(driver, '[data-testid="modifier-deliberation"]');
      await attendreElement(driver, `[data-testid="editeur-deliberation"][data-numero="${NOUVEAU}"]`);
      await remplacer(driver, 'redaction-expose', EXPOSE_APRES);
      await cliquer(driver, '[data-testid="redaction-objet"]'); // blur: saved at once
      await attendreEnregistre(driver);
      await cliquer(driver, '[data-testid="retour-editeur"]');
      await statutAffiche(driver, 'soumis_au_maire');

      // The mayor again: flagged as changed since his reading, the diff shows the words.
      await profil(driver, 'maire');
      const revue = await ouvrirARelire(driver);
      assert.match(await texte(driver, 'etat-lecture'), /Modifications depuis la version \d+/);
      const ajouts = await revue.findElements(By.css('[data-testid="champ-modifie"][data-champ="Exposé"] ins'));
      const retraits = await revue.findElements(By.css('[data-testid="champ-modifie"][data-champ="Exposé"] del'));
      assert.ok(ajouts.length > 0 && retraits.length > 0, 'la différence de l\'exposé est absente');
      const texteAjouts = (await Promise.all(ajouts.map((e) => e.getText()))).join(' ');
      const texteRetraits = (await Promise.all(retraits.map((e) => e.getText()))).join(' ');
      assert.match(texteAjouts, /revu/);
      assert.match(texteAjouts, /hausse/);
      assert.match(texteRetraits, /maintenu/);
      assert.doesNotMatch(texteRetraits, /repas/);
      await driver.executeScript('arguments[0].scrollIntoView({ block: "start" });', revue);
      await capturer(driver, 'revue-difference');

      await cliquer(driver, '[data-testid="revue-bon-pour-signature"]');
      const bon = await attendreElement(driver, '[data-testid="revue-confirmation"]');
      assert.match(await bon.getText(), /Bon pour signature/);

      // Sign from the detail: the SHA-256 of the final PDF is shown.
      await cliquer(driver, '[data-testid="revue-ouvrir-detail"]');
      await statutAffiche(driver, 'bon_pour_signature');
      await cliquer(driver, '[data-testid="action-signer"]');
      await cliquer(driver, '[data-testid="confirmer-signature"]');
      await statutAffiche(driver, 'signe');
      const empreinte = await attendreElement(driver, '[data-testid="empreinte-signature"]');
      assert.match(await empreinte.getText(), /^[0-9a-f]{64}$/);
      await attendreElement(driver, '[data-testid="enregistrer-pdf-signe"]');
      const lignesHistorique = await driver.findElements(By.css('[data-testid="ligne-historique"]'));
      assert.ok(lignesHistorique.length >= 6, `historique trop court : ${lignesHistorique.length} ligne(s)`);
      const suivi = await driver.findElement(By.css('[data-testid="suivi"]'));
      await driver.executeScript('arguments[0].scrollIntoView({ block: "start" });', suivi);
      await capturer(driver, 'detail-signee');

      // The clerk can no longer edit: no « Modifier », a French note says why,
      // and a save through the app's own bridge is refused by the core.
      await profil(driver, 'secretariat');
      await statutAffiche(driver, 'signe');
      assert.equal((await driver.findElements(By.css('[data-testid="modifier-deliberation"]'))).length, 0);
      const note = await attendreElement(driver, '[data-testid="non-modifiable"]');
      assert.match(await note.getText(), /Acte signé : il ne peut plus être modifié/);
      const refus = await driver.executeAsyncScript(`
        const fini = arguments[arguments.length - 1];
        const ipc = window.__TAURI_INTERNALS__;
        ipc.invoke('lire_redaction', { numero: '${NOUVEAU}' })
          .then((r) => ipc.invoke('enregistrer_redaction', { redaction: { ...r, objet: r.objet + ' (corrigé)' }, role: 'secretariat' }))
          .then(() => fini('accepté'), (e) => fini(JSON.stringify(e)));
      `);
      const erreur = JSON.parse(refus);
      assert.equal(erreur.code, 'acte_signe');
      assert.match(erreur.message, /ne peut plus être modifié/);
    }, 300_000);

    // The app has closed (it held the lock): the CLI reads the same history.
    const { stdout } = await registre(base, ['history', NOUVEAU, '--json']);
    const libelles = JSON.parse(stdout).map((e) => e.libelle);
    const attendus = [
      /^Création/,
      /^Statut « Soumis au maire »/,
      /^Lu par le maire/,
      /^Modification/,
      /^Statut « Bon pour signature »/,
      /^Statut « Signé »/,
    ];
    let i = 0;
    for (const libelle of libelles) {
      if (i < attendus.length && attendus[i].test(libelle)) i += 1;
    }
    assert.equal(i, attendus.length, `historique inattendu : ${libelles.join(' | ')}`);
  } finally {
    await supprimer(parent);
  }
});

test('recherche : « pezilla ecole » puis « ENT numer », 2024/052 surlignée, ouverte depuis son résultat', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('recherche');
  const TROUVAILLE_052 = `[data-testid="trouvaille"][data-genre="deliberation"][data-cle="${NUMERO}"]`;
  /** Types as the clerk does, key by key, into the search field. */
  const saisir = async (driver, texteSaisi) => {
    const champ = await attendreElement(driver, '[data-testid="champ-recherche"]');
    await champ.sendKeys(texteSaisi);
    await driver.wait(
      async () => (await champ.getAttribute('value')) === texteSaisi,
      config.delaiElement,
      `le champ de recherche ne contient pas « ${texteSaisi} »`,
    );
  };
  try {
    await semerDemo(base);
    await avecApplication('recherche', base, async (driver) => {
      await attendreElement(driver, '[data-testid="tableau-de-bord"]');
      await (await attendreElement(driver, '[data-testid="nav-recherche"]')).click();
      await attendreElement(driver, '[data-testid="recherche-invitation"]');
      // The field has the focus: the clerk types at once.
      const actif = await driver.executeScript('return document.activeElement?.dataset?.testid ?? null;');
      assert.equal(actif, 'champ-recherche');

      // Accents and case do not matter: « pezilla ecole » finds the ENT
      // convention (« PÉZILLA », « École »), approved by 2024/052.
      await saisir(driver, 'pezilla ecole');
      const convention = await attendreElement(driver, '[data-testid="trouvaille"][data-genre="convention"]');
      assert.match(await convention.getText(), /2024\/052/);
      assert.ok((await convention.findElements(By.css('mark'))).length > 0, 'aucun passage surligné');

      // « Effacer », then the last word as a prefix: « numer » finds « numérique ».
      await (await driver.findElement(By.css('[data-testid="effacer-recherche"]'))).click();
      await attendreElement(driver, '[data-testid="recherche-invitation"]');
      await saisir(driver, 'ENT numer');
      const trouvaille = await attendreElement(driver, TROUVAILLE_052);
      const marques = await Promise.all(
        (await trouvaille.findElements(By.css('[data-testid="titre-trouvaille"] mark'))).map((e) => e.getText()),
      );
      assert.deepEqual(marques.map((t) => t.toUpperCase()), ['ENT', 'NUMERIQUE']);
      assert.match(await texte(driver, 'total-recherche'), /^\d+ résultats?/);
      await capturer(driver, 'recherche');

      await (await trouvaille.findElement(By.css('button'))).click();
      await attendreElement(driver, '[data-testid="detail-numero"]');
      await driver.wait(
        async () => (await texte(driver, 'detail-numero')) === `Délibération n° ${NUMERO}`,
        config.delaiElement,
        `le détail de ${NUMERO} ne s'ouvre pas depuis la recherche`,
      );
      await capturer(driver, 'recherche-ouverte');

      // Back to the results, as they were.
      await (await driver.findElement(By.css('[data-testid="retour-liste"]'))).click();
      await attendreElement(driver, TROUVAILLE_052);

      // The annual register screen: the years of the register.
      await (await driver.findElement(By.css('[data-testid="nav-registre"]'))).click();
      await attendreElement(driver, '[data-testid="ecran-registre"]');
      const annees = await driver.findElements(By.css('[data-testid="annee-registre"] option'));
      assert.deepEqual(await Promise.all(annees.map((o) => o.getText())), ['2024']);
      assert.match(await texte(driver, 'registre-explication'), /R2121-9/);
      await capturer(driver, 'registre-annuel');
    });
  } finally {
    await supprimer(parent);
  }
});

/** Scrolls an element into view, then clicks it (WebKitWebDriver needs it visible). */
async function cliquerSur(driver, selecteur) {
  const element = await attendreElement(driver, selecteur);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', element);
  await element.click();
  return element;
}

/** Types into a field as the clerk does, key by key (input events, not a script assignment). */
async function saisirDans(driver, selecteur, valeur) {
  const champ = await attendreElement(driver, selecteur);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" }); arguments[0].focus();', champ);
  await champ.sendKeys(valeur);
  return champ;
}

test('conventions : contrôles en direct de la convention ENT, puis nouvelle convention 45 € TTC × 2 écoles = 90 € TTC', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('conventions');
  const ENT = '[data-testid="ligne-convention"][data-id="ent-ecole-2024-2025"]';
  try {
    await semerDemo(base);
    await avecApplication('conventions', base, async (driver) => {
      await attendreElement(driver, '[data-testid="tableau-de-bord"]');
      await cliquerSur(driver, '[data-testid="nav-conventions"]');
      const ligne = await attendreElement(driver, ENT);
      assert.match(await ligne.getText(), /2024-2025/);
      assert.match(await ligne.getText(), /90\s€\sTTC/);
      await (await ligne.findElement(By.css('[data-testid="ouvrir-convention"]'))).click();
      await attendreElement(driver, '[data-testid="editeur-convention"][data-id="ent-ecole-2024-2025"]');

      // The reference document still says « 2023-2024 » in two places while
      // it covers 2024-2025: the live checks show both.
      let incoherences = [];
      await driver.wait(
        async () => {
          const diagnostics = await driver.findElements(
            By.css('[data-testid="controle-juridique"] [data-testid="diagnostic"][data-code="periode_incoherente"]'),
          );
          incoherences = (await Promise.all(diagnostics.map((d) => d.getText()))).filter((t) => t.includes('2023-2024'));
          return incoherences.length === 2;
        },
        config.delaiElement,
        () => `les deux incohérences « 2023-2024 » ne s'affichent pas : ${JSON.stringify(incoherences)}`,
      );
      await driver.executeScript('window.scrollTo(0, 0);');
      await capturer(driver, 'convention-editeur');

      // A new convention: one party, 45 € TTC per school, two schools.
      await cliquerSur(driver, '[data-testid="retour-conventions"]');
      await cliquerSur(driver, '[data-testid="nouvelle-convention"]');
      await attendreElement(driver, '[data-testid="editeur-convention"][data-id=""]');
      await saisirDans(driver, '[data-testid="convention-titre"]', 'Convention de test cantine 2025-2026');
      await saisirDans(driver, '[data-testid="partie-nom"]', 'COMMUNE DE PEZILLA-LA-RIVIERE');
      await saisirDans(driver, '[data-testid="partie-representant"]', 'Jean-Paul BILLES');
      await saisirDans(driver, '[data-testid="partie-qualite"]', 'MAIRE');
      await saisirDans(driver, '[data-testid="partie-designation"]', 'collectivité');
      await cliquerSur(driver, '[data-testid="convention-avec-conditions"]');
      await saisirDans(driver, '[data-testid="conditions-montant"]', '45');
      await saisirDans(driver, '[data-testid="conditions-unite"]', 'école');
      for (const [nom, uai] of [
        ['ECOLE ELEMENTAIRE PUBLIQUE SARDA GARRIGA', '0660710N'],
        ['ECOLE MATERNELLE PUBLIQUE MARIE MELLIES', '0660446B'],
      ]) {
        await cliquerSur(driver, '[data-testid="ajouter-beneficiaire"]');
        const noms = await driver.findElements(By.css('[data-testid="beneficiaire-nom"]'));
        const uais = await driver.findElements(By.css('[data-testid="beneficiaire-uai"]'));
        await noms[noms.length - 1].sendKeys(nom);
        await uais[uais.length - 1].sendKeys(uai);
      }
      await saisirDans(driver, '[data-testid="convention-lieu"]', 'Pézilla-la-Rivière');
      await cliquerSur(driver, '[data-testid="enregistrer-convention"]');
      await driver.wait(
        async () =>
          (await driver.findElements(By.css('[data-testid="convention-enregistree"]'))).length > 0 ||
          (await driver.findElements(By.css('[data-testid="alerte-erreur"]'))).length > 0,
        config.delaiElement,
        "l'enregistrement de la convention ne se termine pas",
      );
      const refus = await driver.findElements(By.css('[data-testid="alerte-erreur"]'));
      assert.equal(refus.length, 0, refus.length ? await refus[0].getText() : '');
      const editeur = await driver.findElement(By.css('[data-testid="editeur-convention"]'));
      const id = await editeur.getAttribute('data-id');
      assert.match(id, /^convention-de-test-cantine/);

      // The list shows the amount computed by the core.
      await cliquerSur(driver, '[data-testid="retour-conventions"]');
      const nouvelle = await attendreElement(driver, `[data-testid="ligne-convention"][data-id="${id}"]`);
      const montant = await nouvelle.findElement(By.css('[data-testid="convention-montant"]'));
      assert.match(await montant.getText(), /90\s€\sTTC$/);
      assert.match(await montant.getText(), /^2\s/);
      await capturer(driver, 'convention-liste');
    });
  } finally {
    await supprimer(parent);
  }
});

test('injection : une balise HTML dans l\'objet est refusée en nommant le champ, rien ne s\'exécute, ni dans la recherche', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('injection');
  const PIRATE = '<img src=x onerror="window.__pirate=1">';
  const pirate = (driver) =>
    driver.executeScript('return [window.__pirate ?? null, document.querySelectorAll(\'img[src="x"]\').length];');
  try {
    await semerDemo(base);
    await avecApplication('injection', base, async (driver) => {
      await allerALaListe(driver);
      await cliquerSur(driver, '[data-testid="nouvelle-deliberation"]');
      const seance = await attendreElement(driver, '[data-testid="nouvelle-seance"]');
      await seance.findElement(By.css('option[value="2024-05-15"]')).click();
      await cliquerSur(driver, '[data-testid="commencer-redaction"]');
      await attendreElement(driver, '[data-testid="editeur-deliberation"]');
      const objet = await saisirDans(driver, '[data-testid="redaction-objet"]', PIRATE);
      assert.equal(await objet.getAttribute('value'), PIRATE);
      await cliquerSur(driver, '[data-testid="enregistrer-redaction"]');

      // Refused by the core: French message naming the field.
      const alerte = await attendreElement(driver, '[data-testid="alerte-erreur"][data-code="donnee_invalide"]');
      const message = await (await alerte.findElement(By.css('[data-testid="message-erreur"]'))).getText();
      assert.match(message, /objet/);
      assert.match(message, /balises HTML ne sont pas admises/);
      assert.equal(
        await (await driver.findElement(By.css('[data-testid="editeur-deliberation"]'))).getAttribute('data-numero'),
        '',
      );
      // The markup was shown as text, never run.
      assert.deepEqual(await pirate(driver), [null, 0]);
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', alerte);
      await capturer(driver, 'injection-refusee');

      // The same text in the search field: searched as words, shown as typed.
      await cliquerSur(driver, '[data-testid="nav-recherche"]');
      const champ = await saisirDans(driver, '[data-testid="champ-recherche"]', PIRATE);
      await driver.wait(
        async () => (await champ.getAttribute('value')) === PIRATE,
        config.delaiElement,
        'le champ de recherche ne contient pas le texte saisi',
      );
      await driver.wait(
        async () => /résultat/i.test(await texte(driver, 'total-recherche')),
        config.delaiElement,
        'la recherche ne répond pas',
      );
      assert.deepEqual(await pirate(driver), [null, 0]);
    });
  } finally {
    await supprimer(parent);
  }
});

test('paramètres et raccourcis : refus nommant le champ, Ctrl+N, Ctrl+P', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('parametres');
  const raccourci = (driver, touche) =>
    driver.actions().keyDown(Key.CONTROL).sendKeys(touche).keyUp(Key.CONTROL).perform();
  try {
    await semerDemo(base);
    await avecApplication('parametres', base, async (driver) => {
      await attendreElement(driver, '[data-testid="tableau-de-bord"]');
      await cliquerSur(driver, '[data-testid="nav-parametres"]');
      const nom = await attendreElement(driver, '[data-testid="commune-nom"]');
      assert.equal(await nom.getAttribute('value'), 'Pézilla-la-Rivière');
      const secretaire = await driver.findElement(By.css('[data-testid="commune-secretaire-signe"]'));
      assert.equal(await secretaire.isSelected(), true);
      assert.match(await texte(driver, 'aide-raccourcis'), /Ctrl\+N/);

      // A population of 0 is refused by the core, the field named.
      const population = await attendreElement(driver, '[data-testid="commune-population"]');
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" }); arguments[0].select();', population);
      await population.sendKeys('0');
      await cliquerSur(driver, '[data-testid="enregistrer-commune"]');
      const alerte = await attendreElement(driver, '[data-testid="alerte-erreur"][data-code="donnee_invalide"]');
      assert.match(await alerte.getText(), /commune\.population/);
      await driver.executeScript('window.scrollTo(0, 0);');

      // Fixed, with the publication by display and no secretary on the extract: saved.
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" }); arguments[0].select();', population);
      await population.sendKeys('3700');
      await (await driver.findElement(By.css('[data-testid="commune-mode-publication"] option[value="affichage"]'))).click();
      await cliquerSur(driver, '[data-testid="commune-secretaire-signe"]');
      await cliquerSur(driver, '[data-testid="enregistrer-commune"]');
      await attendreElement(driver, '[data-testid="commune-enregistree"]');

      // The logo, as « Choisir un logo… » sends it once the dialog is closed
      // (the dialog itself is native): kept, then shown in Paramètres.
      assert.match(await texte(driver, 'sans-logo'), /Aucun logo/);
      const logo = path.join(parent, 'logo de la mairie.png');
      await writeFile(
        logo,
        Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
      );
      const reponse = await driver.executeAsyncScript(
        `const fini = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('enregistrer_logo', { chemin: arguments[0] })
           .then((r) => fini({ ok: r }), (e) => fini({ erreur: e }));`,
        logo,
      );
      assert.match(reponse.ok ?? JSON.stringify(reponse), /^data:image\/png;base64,iVBORw0KGgo/);
      await cliquerSur(driver, '[data-testid="nav-tableau"]');
      await cliquerSur(driver, '[data-testid="nav-parametres"]');
      const apercu = await attendreElement(driver, '[data-testid="apercu-logo"]');
      await driver.wait(
        async () => (await driver.executeScript('return arguments[0].naturalWidth;', apercu)) === 1,
        config.delaiElement,
        "l'aperçu du logo ne s'affiche pas",
      );
      await driver.executeScript('window.scrollTo(0, 0);');
      await capturer(driver, 'parametres');

      // Ctrl+N from any screen: « Nouvelle délibération ».
      await raccourci(driver, 'n');
      await attendreElement(driver, '[data-testid="nouvelle-deliberation-panneau"]');

      // Ctrl+P on a deliberation's detail: its PDF preview.
      const ligne = await attendreElement(driver, LIGNE);
      await (await ligne.findElement(By.css('button'))).click();
      await attendreElement(driver, '[data-testid="detail-numero"]');
      await raccourci(driver, 'p');
      await attendreElement(driver, '[data-testid="apercu-pdf"]');
      const bouton = await driver.findElement(By.css('[data-testid="bouton-apercu"]'));
      assert.equal(await bouton.getAttribute('aria-expanded'), 'true');
    });
  } finally {
    await supprimer(parent);
  }
});

/**
 * The screenshot tour: every main screen of the demo register, in the
 * sidebar's order, each captured into the artifacts folder as
 * `visite-NN-ecran.png` (listed in `visite.md`) and audited by axe.
 */
const VISITE = [
  { nav: 'nav-tableau', ecran: '[data-testid="tableau-de-bord"]', nom: 'tableau-de-bord', titre: 'Tableau de bord' },
  { nav: 'nav-seances', ecran: '[data-testid="ligne-seance"]', nom: 'seances', titre: 'Séances' },
  { nav: 'nav-deliberations', ecran: LIGNE, nom: 'deliberations', titre: 'Délibérations' },
  { nav: 'nav-conventions', ecran: '[data-testid="ecran-conventions"]', nom: 'conventions', titre: 'Conventions' },
  { nav: 'nav-registre', ecran: '[data-testid="ecran-registre"]', nom: 'registre', titre: 'Registre annuel' },
  { nav: 'nav-elus', ecran: '[data-testid="ligne-elu"]', nom: 'elus', titre: 'Élus' },
  { nav: 'nav-parametres', ecran: '[data-testid="ecran-parametres"]', nom: 'parametres', titre: 'Paramètres' },
  { nav: 'nav-a-relire', ecran: '[data-testid="liste-a-relire"]', nom: 'a-relire', titre: 'À relire (profil Maire)' },
  { nav: 'nav-recherche', ecran: '[data-testid="ecran-recherche"]', nom: 'recherche', titre: 'Recherche' },
  { nav: 'nav-sauvegarde', ecran: '[data-testid="ecran-sauvegarde"]', nom: 'sauvegarde', titre: 'Sauvegarde et exports' },
];

test('visite en captures et audit axe (WCAG 2 A et AA, contrastes compris) de chaque écran principal dans la vraie fenêtre', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('visite');
  const source = await readFile(path.join(ICI, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const index = ['# Visite de Registre', '', 'Registre de démonstration (Pézilla-la-Rivière), capturé par la suite de bout en bout.', ''];
  try {
    await semerDemo(base);
    await avecApplication('visite', base, async (driver) => {
      await attendreElement(driver, '[data-testid="tableau-de-bord"]');
      const violations = [];
      const auditer = async (ecran) => {
        // The app's CSP forbids inline scripts: axe is evaluated by the
        // driver itself, like any WebDriver script.
        if (!(await driver.executeScript('return Boolean(window.axe);'))) {
          await driver.executeScript(`${source}\n;window.axe = axe;`);
        }
        const resultat = await driver.executeAsyncScript(
          `const fini = arguments[arguments.length - 1];
           window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
             .then((r) => fini(JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, cibles: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))))
             .catch((e) => fini(JSON.stringify([{ id: 'erreur-axe', impact: 'critical', cibles: [String(e)] }])));`,
        );
        for (const v of JSON.parse(resultat)) violations.push({ ecran, ...v });
      };
      let rang = 0;
      const etape = async (nom, titre) => {
        rang += 1;
        const fichier = `visite-${String(rang).padStart(2, '0')}-${nom}`;
        await capturer(driver, fichier);
        index.push(`## ${rang}. ${titre}`, '', `![${titre}](${fichier}.png)`, '');
        await auditer(nom);
      };
      for (const { nav, ecran, nom, titre } of VISITE) {
        if (nav === 'nav-a-relire') {
          // What the maire reads: his profile.
          const liste = await attendreElement(driver, '[data-testid="profil"]');
          await liste.findElement(By.css('option[value="maire"]')).click();
        }
        await (await attendreElement(driver, `[data-testid="${nav}"]`)).click();
        // The screen with its data loaded, not its loading state.
        await attendreElement(driver, ecran);
        const courant = await driver.findElement(By.css(`[data-testid="${nav}"]`));
        assert.equal(await courant.getAttribute('aria-current'), 'page', `${nav} n'est pas l'écran courant`);
        await etape(nom, titre);
      }
      // The deliberation's detail, the richest screen, and the Élus form.
      await (await attendreElement(driver, '[data-testid="nav-deliberations"]')).click();
      await (await attendreElement(driver, `${LIGNE} button`)).click();
      await attendreElement(driver, '[data-testid="detail-numero"]');
      await etape('detail-2024-052', 'Délibération 2024/052');
      await (await attendreElement(driver, '[data-testid="nav-elus"]')).click();
      await (await attendreElement(driver, '[data-testid="modifier-elu"]')).click();
      await attendreElement(driver, '[data-testid="formulaire-elu"]');
      await etape('elu-formulaire', 'Modifier un élu');
      assert.deepEqual(violations, [], `violations d'accessibilité :\n${JSON.stringify(violations, null, 2)}`);
    });
    await writeFile(path.join(config.artefacts, 'visite.md'), index.join('\n'));
  } finally {
    await supprimer(parent);
  }
});

test('élus : une conseillère installée en cours de mandat, un nom vide refusé en nommant le champ, relus par la CLI', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('elus');
  try {
    await semerDemo(base);
    await avecApplication('elus', base, async (driver) => {
      await attendreElement(driver, '[data-testid="tableau-de-bord"]');
      await cliquerSur(driver, '[data-testid="nav-elus"]');
      await attendreElement(driver, '[data-testid="ligne-elu"]');
      const avant = (await driver.findElements(By.css('[data-testid="ligne-elu"]'))).length;
      assert.ok(avant >= 27, `${avant} élus seulement`);
      await cliquerSur(driver, '[data-testid="ajouter-elu"]');
      await attendreElement(driver, '[data-testid="formulaire-elu"]');
      await (await driver.findElement(By.css('[data-testid="elu-prenom"]'))).sendKeys('Élodie');
      await cliquerSur(driver, '[data-testid="enregistrer-elu"]');
      // No family name: refused by the core, the field marked, the form kept.
      const alerte = await attendreElement(driver, '[data-testid="formulaire-elu"] [data-testid="alerte-erreur"]');
      assert.match(await alerte.getText(), /elu\.nom/);
      const nom = await driver.findElement(By.css('[data-testid="elu-nom"]'));
      assert.equal(await nom.getAttribute('aria-invalid'), 'true');
      assert.equal(await (await driver.findElement(By.css('[data-testid="elu-prenom"]'))).getAttribute('value'), 'Élodie');

      await nom.sendKeys('DURAND-NOËL');
      await cliquerSur(driver, '[data-testid="enregistrer-elu"]');
      await attendreElement(driver, '[data-testid="elu-enregistre"]');
      assert.equal(await texte(driver, 'elu-enregistre'), 'Élodie DURAND-NOËL est enregistré.');
      await driver.wait(
        async () => (await driver.findElements(By.css('[data-testid="ligne-elu"]'))).length === avant + 1,
        config.delaiElement,
        "la liste n'est pas relue",
      );
    });
    const { stdout } = await registre(base, ['elu', 'list', '--json']);
    const ajoute = JSON.parse(stdout).find((e) => e.id === 'durand-noel-elodie');
    assert.deepEqual(ajoute, {
      id: 'durand-noel-elodie',
      nom: 'Élodie DURAND-NOËL',
      fonction: 'Conseillère municipale',
      mandat_debut: null,
      mandat_fin: null,
    });
  } finally {
    await supprimer(parent);
  }
});

test('registre annuel chargé : avancement tranche par tranche, puis « Annuler » : rendu arrêté, rien d\'écrit', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('progression');
  try {
    // The reference deliberation 400 times in one year: about 500 leaves,
    // several seconds of layout, so that « Annuler » lands mid-way.
    const demo = path.join(parent, 'demo');
    await semerDemo(demo);
    const exportation = path.join(parent, 'demo.json');
    await registre(demo, ['export', 'json', '-o', exportation]);
    const donnees = JSON.parse(await readFile(exportation, 'utf8'));
    const [modele] = donnees.registre.deliberations;
    donnees.registre.deliberations = Array.from({ length: 400 }, (_, i) => {
      const { convention: _c, numero_actes: _n, ...copie } = structuredClone(modele);
      return { ...copie, numero: `2024/${String(i + 1).padStart(3, '0')}`, statut: 'brouillon' };
    });
    const charge = path.join(parent, 'charge.json');
    await writeFile(charge, JSON.stringify(donnees));
    await registre(base, ['import', charge]);

    await avecApplication('progression', base, async (driver) => {
      await attendreElement(driver, '[data-testid="tableau-de-bord"]');
      await (await attendreElement(driver, '[data-testid="nav-registre"]')).click();
      await (await attendreElement(driver, '[data-testid="ouvrir-registre"]')).click();
      const barre = await attendreElement(driver, '[data-testid="barre-progression"]');
      await driver.wait(
        async () => Number(await barre.getAttribute('value')) >= 1,
        config.delaiElement,
        'aucune tranche rapportée',
      );
      const max = Number(await barre.getAttribute('max'));
      assert.ok(max >= 4, `${max} étapes seulement`);
      assert.match(await texte(driver, 'etape-progression'), new RegExp(`^Étape \\d+ sur ${max} \\(\\d+ %\\)$`));
      await capturer(driver, 'registre-progression');
      await (await driver.findElement(By.css('[data-testid="annuler-operation"]'))).click();
      await attendreElement(driver, '[data-testid="message-registre"]');
      assert.equal(await texte(driver, 'message-registre'), "Opération annulée : rien n'a été écrit.");
      assert.equal((await driver.findElements(By.css('[data-testid="alerte-erreur"]'))).length, 0);
      assert.equal((await driver.findElements(By.css('[data-testid="progression"]'))).length, 0);
      await capturer(driver, 'registre-annule');
    });
  } finally {
    await supprimer(parent);
  }
});

test('sécurité : sans passer par une fenêtre « Enregistrer sous… », le shell refuse d\'écrire où le demande un script', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('chemins');
  const cible = path.join(parent, 'pirate.json');
  try {
    await semerDemo(base);
    await avecApplication(
      'chemins',
      base,
      async (driver) => {
        await attendreElement(driver, '[data-testid="tableau-de-bord"]');
        const reponse = await driver.executeAsyncScript(
          `const fini = arguments[arguments.length - 1];
           window.__TAURI_INTERNALS__.invoke('sauvegarder_sous', { chemin: arguments[0] })
             .then(() => fini('accepté'), (e) => fini(JSON.stringify(e)));`,
          cible,
        );
        const erreur = JSON.parse(reponse);
        assert.equal(erreur.code, 'chemin_non_autorise');
        assert.match(erreur.message, /Enregistrer sous/);
        const lecture = await driver.executeAsyncScript(
          `const fini = arguments[arguments.length - 1];
           window.__TAURI_INTERNALS__.invoke('restaurer_sauvegarde', { chemin: '/etc/passwd' })
             .then(() => fini('accepté'), (e) => fini(JSON.stringify(e)));`,
        );
        assert.equal(JSON.parse(lecture).code, 'chemin_non_autorise');
      },
      undefined,
      { REGISTRE_CHEMINS_LIBRES: '0' },
    );
    await assert.rejects(readFile(cible), /ENOENT/, 'nothing written outside a dialog');
  } finally {
    await supprimer(parent);
  }
});
