// End-to-end tests of the Registre desktop app, driven through tauri-driver
// and WebKitWebDriver. Run through scripts/e2e.sh (it provides Xvfb).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
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
  'apercu-pdf',
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

test('registre de démonstration : liste puis détail de la délibération 2024/052', { timeout: DELAI_TEST }, async () => {
  const { parent, base } = await dossierTemporaire('demo');
  try {
    await semerDemo(base);
    await avecApplication('demo', base, async (driver) => {
      await attendreElement(driver, '[data-testid="liste-deliberations"]');
      const ligne = await attendreElement(driver, LIGNE);
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

      await attendreElement(driver, '[data-testid="liste-deliberations"]');
      await attendreElement(driver, LIGNE);
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
      await attendreElement(driver, LIGNE);
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
      const ligne = await attendreElement(driver, LIGNE);
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
      const ligne = await attendreElement(driver, LIGNE);
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
