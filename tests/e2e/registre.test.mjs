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
const DELAI_TEST = 180_000;

const CAPTURES = [
  'liste-deliberations',
  'detail-deliberation',
  'registre-vide',
  'liste-apres-demo',
  'base-occupee',
  'liste-apres-reessai',
  'controle-juridique',
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
      await attendreElement(driver, '[data-testid="controle-aucune-anomalie"]');
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
