// Test harness for the Registre desktop app: temporary data directories,
// seeding with the CLI, tauri-driver lifecycle, WebDriver session, screenshots.
//
// Everything started here is stopped here: tauri-driver is spawned as the
// leader of its own process group (it starts WebKitWebDriver, which starts
// the app), and the whole group is terminated on cleanup, even on failure.

import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Builder, By, until } from 'selenium-webdriver';

const execFileAsync = promisify(execFile);

export const ICI = path.dirname(fileURLToPath(import.meta.url));
export const RACINE = path.resolve(ICI, '..', '..');

const cibleCargo = process.env.CARGO_TARGET_DIR
  ? path.resolve(process.env.CARGO_TARGET_DIR)
  : path.join(RACINE, 'target');

export const config = {
  app: path.resolve(process.env.REGISTRE_APP ?? path.join(cibleCargo, 'debug', 'registre-app')),
  cli: path.resolve(process.env.REGISTRE_CLI ?? path.join(cibleCargo, 'debug', 'registre')),
  tauriDriver: process.env.TAURI_DRIVER ?? trouverTauriDriver(),
  pilotNatif: process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver',
  // Fixed ports only when asked for; by default each launch takes two free
  // ports, so a stale driver or another suite on the machine cannot answer
  // in our place.
  port: process.env.TAURI_DRIVER_PORT ? Number(process.env.TAURI_DRIVER_PORT) : null,
  portNatif: process.env.TAURI_DRIVER_NATIVE_PORT ? Number(process.env.TAURI_DRIVER_NATIVE_PORT) : null,
  artefacts: path.resolve(process.env.ARTIFACTS_DIR ?? path.join(RACINE, 'artifacts', 'e2e')),
  // Bounded waits: nothing in this suite may hang.
  delaiDemarrage: 45_000,
  // Starting the driver chain is infrastructure, not what we test: one
  // more attempt with fresh processes and ports when it fails.
  tentativesDemarrage: 2,
  delaiElement: 20_000,
  delaiArret: 5_000,
  delaiCapture: 10_000,
  delaiScenario: 90_000,
};

function trouverTauriDriver() {
  const cargoHome = process.env.CARGO_HOME ?? path.join(homedir(), '.cargo');
  const candidat = path.join(cargoHome, 'bin', 'tauri-driver');
  return existsSync(candidat) ? candidat : 'tauri-driver';
}

export function verifierPrerequis() {
  const manquants = [];
  if (!existsSync(config.app)) manquants.push(`application introuvable : ${config.app} (REGISTRE_APP)`);
  if (!existsSync(config.cli)) manquants.push(`CLI introuvable : ${config.cli} (REGISTRE_CLI)`);
  if (!existsSync(config.pilotNatif)) manquants.push(`WebKitWebDriver introuvable : ${config.pilotNatif} (WEBKIT_WEBDRIVER)`);
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) manquants.push('aucun affichage (DISPLAY) : lancez via scripts/e2e.sh, qui démarre Xvfb');
  if (manquants.length > 0) {
    throw new Error(`Prérequis E2E manquants :\n  - ${manquants.join('\n  - ')}`);
  }
}

/** A fresh, empty temporary directory; the register goes in a sub-directory. */
export async function dossierTemporaire(prefixe) {
  const parent = await mkdtemp(path.join(tmpdir(), `registre-e2e-${prefixe}-`));
  return { parent, base: path.join(parent, 'registre-db') };
}

/** Runs the `registre` CLI on `base`; rejects with its stderr on failure. */
export async function registre(base, args) {
  try {
    return await execFileAsync(config.cli, ['--db', base, ...args], { timeout: 60_000 });
  } catch (erreur) {
    throw new Error(`« registre ${args.join(' ')} » a échoué : ${erreur.message}\n${erreur.stderr ?? ''}`);
  }
}

/** Seeds `base` with the reference commune through the CLI. */
export async function semerDemo(base) {
  try {
    await execFileAsync(config.cli, ['--db', base, 'demo'], { timeout: 60_000 });
  } catch (erreur) {
    throw new Error(
      `« registre --db ${base} demo » a échoué : ${erreur.message}\n${erreur.stdout ?? ''}${erreur.stderr ?? ''}`,
    );
  }
}

const pause = (ms) => new Promise((resoudre) => setTimeout(resoudre, ms));

async function attendrePort(port, processus, journal, delai) {
  const limite = Date.now() + delai;
  while (Date.now() < limite) {
    if (processus.exitCode !== null || processus.signalCode !== null) {
      throw new Error(`tauri-driver s'est arrêté au démarrage (code ${processus.exitCode}) :\n${journal()}`);
    }
    try {
      const reponse = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(1_000) });
      // tauri-driver forwards /status to WebKitWebDriver: any HTTP answer means both are up.
      if (reponse.status > 0) return;
    } catch {
      // not listening yet
    }
    await pause(200);
  }
  throw new Error(`tauri-driver n'a pas répondu sur le port ${port} en ${delai} ms :\n${journal()}`);
}

/** Two distinct TCP ports free on the loopback right now. */
async function portsLibres() {
  const serveurs = [createServer(), createServer()];
  const ports = [];
  for (const serveur of serveurs) {
    await new Promise((resoudre, rejeter) => {
      serveur.once('error', rejeter);
      serveur.listen(0, '127.0.0.1', resoudre);
    });
    ports.push(serveur.address().port);
  }
  await Promise.all(serveurs.map((serveur) => new Promise((resoudre) => serveur.close(resoudre))));
  return ports;
}

/** Processes of a group, for a failure report (`ps`, bounded). */
async function processusDuGroupe(pgid) {
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'pid,stat,etime,args', '-g', String(pgid)], { timeout: 5_000 });
    return stdout;
  } catch (erreur) {
    return `(ps : ${erreur.message})`;
  }
}

/**
 * Opens the app through the driver chain; a failed start (driver exited,
 * no answer, session too slow) is retried once with fresh processes.
 */
export async function lancerApplication(base, environnement = {}) {
  const echecs = [];
  for (let tentative = 1; tentative <= config.tentativesDemarrage; tentative += 1) {
    try {
      return await lancerUneFois(base, environnement);
    } catch (erreur) {
      echecs.push(`tentative ${tentative} : ${erreur.message}`);
      console.log(`# démarrage de l'application, tentative ${tentative} en échec`);
    }
  }
  throw new Error(`l'application n'a pas démarré :\n${echecs.join('\n')}`);
}

/**
 * Starts tauri-driver with REGISTRE_DB=<base> in its environment (inherited
 * by WebKitWebDriver, then by the app), opens a WebDriver session on the
 * app, and returns { driver, arreter }. `arreter` is idempotent and never throws.
 */
async function lancerUneFois(base, environnement) {
  const [portLibre, portNatifLibre] = await portsLibres();
  const port = config.port ?? portLibre;
  const portNatif = config.portNatif ?? portNatifLibre;
  const debut = Date.now();
  const sortie = [];
  const processus = spawn(
    config.tauriDriver,
    [
      '--port', String(port),
      '--native-port', String(portNatif),
      '--native-driver', config.pilotNatif,
    ],
    {
      // The tests call the file commands without the native dialogs: the
      // shell accepts their paths (a dedicated test checks the refusal).
      env: { ...process.env, REGISTRE_DB: base, REGISTRE_CHEMINS_LIBRES: '1', ...environnement },
      detached: true, // own process group: tauri-driver + WebKitWebDriver + app
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (processus.pid !== undefined) groupesVivants.add(processus.pid);
  const noter = (morceau) => {
    sortie.push(`[+${Date.now() - debut} ms] ${morceau.toString()}`);
    if (sortie.length > 400) sortie.shift();
  };
  processus.stdout.on('data', noter);
  processus.stderr.on('data', noter);
  const journal = () => sortie.join('').slice(-8_000);
  const termine = new Promise((resoudre) => processus.once('exit', resoudre));
  processus.once('error', (erreur) => noter(`erreur de lancement de tauri-driver : ${erreur.message}\n`));

  let driver = null;
  let arrete = false;
  const arreter = async () => {
    if (arrete) return;
    arrete = true;
    if (driver) {
      // Closes the app cleanly (sled flushes); bounded in time.
      await Promise.race([driver.quit().catch(() => {}), pause(config.delaiArret)]);
    }
    tuerGroupe(processus, 'SIGTERM');
    const fini = await Promise.race([termine.then(() => true), pause(config.delaiArret).then(() => false)]);
    // The app or WebKitWebDriver may outlive tauri-driver: always sweep the group.
    tuerGroupe(processus, 'SIGKILL');
    if (!fini) await Promise.race([termine, pause(config.delaiArret)]);
    groupesVivants.delete(processus.pid);
  };

  try {
    noter(`tauri-driver ${processus.pid} sur les ports ${port}/${portNatif}\n`);
    await attendrePort(port, processus, journal, config.delaiDemarrage);
    noter('tauri-driver répond ; ouverture de la session\n');
    const capacites = {
      browserName: 'wry',
      'tauri:options': { application: config.app },
    };
    const construction = new Builder()
      .disableEnvironmentOverrides()
      .usingServer(`http://127.0.0.1:${port}/`)
      .withCapabilities(capacites)
      .build();
    driver = await avecDelai(
      construction,
      config.delaiDemarrage,
      () => `ouverture de la session WebDriver trop longue (${config.delaiDemarrage} ms)`,
    );
    return { driver, arreter, journal };
  } catch (erreur) {
    const groupe = processus.pid !== undefined ? await processusDuGroupe(processus.pid) : '';
    await arreter();
    erreur.message += `\n--- processus ---\n${groupe}--- journal tauri-driver ---\n${journal()}`;
    throw erreur;
  }
}

// Last-resort sweep if the test process exits with an app still running.
const groupesVivants = new Set();
process.on('exit', () => {
  for (const pid of groupesVivants) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function tuerGroupe(processus, signal) {
  if (processus.pid === undefined) return;
  try {
    process.kill(-processus.pid, signal);
  } catch {
    // group already gone
  }
}

async function avecDelai(promesse, delai, message) {
  let minuteur;
  const echeance = new Promise((_, rejeter) => {
    minuteur = setTimeout(() => rejeter(new Error(message())), delai);
  });
  try {
    return await Promise.race([promesse, echeance]);
  } finally {
    clearTimeout(minuteur);
  }
}

/**
 * Launches the app on `base`, runs `corps(driver)` under a watchdog, and
 * always stops every process. On failure, a screenshot `<nom>-echec.png` is
 * attempted and the tauri-driver log is appended to the error. If the
 * watchdog fires, killing the processes unblocks any pending WebDriver call.
 */
export async function avecApplication(nom, base, corps, delai = config.delaiScenario, environnement = {}) {
  const { driver, arreter, journal } = await lancerApplication(base, environnement);
  let minuteur;
  let expire = false;
  const chienDeGarde = new Promise((_, rejeter) => {
    minuteur = setTimeout(() => {
      expire = true;
      rejeter(new Error(`scénario « ${nom} » interrompu après ${delai} ms`));
    }, delai);
  });
  try {
    await Promise.race([corps(driver), chienDeGarde]);
  } catch (erreur) {
    if (!expire) await capturer(driver, `${nom}-echec`).catch(() => {});
    erreur.message += `\n--- journal tauri-driver ---\n${journal()}`;
    throw erreur;
  } finally {
    clearTimeout(minuteur);
    await arreter();
    // The app may still be closing (it writes its automatic backup on
    // close, then releases the register's lock): what follows — the CLI on
    // the same register — must find it free.
    await attendreLiberation(base, config.delaiArret * 3);
  }
}

/** Waits (bounded) until no process holds the register's lock. */
async function attendreLiberation(base, delai) {
  const limite = Date.now() + delai;
  while (Date.now() < limite) {
    if (!(await verrouDetenu(base))) return true;
    await pause(100);
  }
  return false;
}

/**
 * Holds the register's lock from another process, as a second Registre
 * window or a running CLI would: flock(1) on registre.verrou, the file the
 * core locks with flock(2). No GUI involved, so releasing it is
 * deterministic. Returns { arreter } (releases the lock).
 */
export async function lancerDetenteur(base) {
  await mkdir(base, { recursive: true });
  const processus = spawn('flock', ['--exclusive', path.join(base, 'registre.verrou'), 'sleep', '600'], {
    detached: true,
    stdio: 'ignore',
  });
  if (processus.pid !== undefined) groupesVivants.add(processus.pid);
  const termine = new Promise((resoudre) => processus.once('exit', resoudre));
  const arreter = async () => {
    tuerGroupe(processus, 'SIGTERM');
    await Promise.race([termine, pause(config.delaiArret)]);
    tuerGroupe(processus, 'SIGKILL');
    groupesVivants.delete(processus.pid);
  };
  // Wait until the lock is really held (visible read-only in /proc/locks).
  const limite = Date.now() + config.delaiDemarrage;
  while (!(await verrouDetenu(base))) {
    if (processus.exitCode !== null || Date.now() > limite) {
      await arreter();
      throw new Error(`impossible de verrouiller ${base} avec flock(1)`);
    }
    await pause(100);
  }
  return { arreter };
}

async function verrouDetenu(base) {
  let inode;
  try {
    inode = (await stat(path.join(base, 'registre.verrou'))).ino;
  } catch {
    return false;
  }
  const verrous = await readFile('/proc/locks', 'utf8');
  return verrous.split('\n').some((ligne) => ligne.split(/\s+/).some((champ) => champ.endsWith(`:${inode}`)));
}

/** Removes screenshots left by a previous run (only the names this suite writes). */
export async function nettoyerArtefacts(noms) {
  await mkdir(config.artefacts, { recursive: true });
  const fichiers = await readdir(config.artefacts);
  await Promise.all(
    fichiers
      .filter((f) => f.endsWith('.png') && (noms.includes(f.slice(0, -4)) || f.startsWith('visite-') || f.endsWith('-echec.png')))
      .map((f) => rm(path.join(config.artefacts, f), { force: true })),
  );
}

export async function attendreElement(driver, selecteur, delai = config.delaiElement) {
  const element = await driver.wait(
    until.elementLocated(By.css(selecteur)),
    delai,
    `élément ${selecteur} absent après ${delai} ms`,
  );
  await driver.wait(until.elementIsVisible(element), delai, `élément ${selecteur} invisible après ${delai} ms`);
  return element;
}

export async function capturer(driver, nom) {
  await mkdir(config.artefacts, { recursive: true });
  const fichier = path.join(config.artefacts, `${nom}.png`);
  // WebKitWebDriver returns the last painted frame: let the page paint what
  // the test just waited for (two animation frames), or the picture shows
  // the previous state.
  await avecDelai(
    driver.executeAsyncScript(
      'const fini = arguments[arguments.length - 1];' +
        'requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(fini, 50)));',
    ),
    config.delaiCapture,
    () => `attente de l'affichage avant la capture « ${nom} » trop longue`,
  );
  // Bounded: WebKitWebDriver's screenshot can hang (e.g. with
  // WEBKIT_DISABLE_DMABUF_RENDERER=1 under Xvfb).
  const image = await avecDelai(
    driver.takeScreenshot(),
    config.delaiCapture,
    () => `capture d'écran « ${nom} » trop longue (${config.delaiCapture} ms)`,
  );
  await writeFile(fichier, image, 'base64');
  return fichier;
}

export async function supprimer(dossier) {
  await rm(dossier, { recursive: true, force: true, maxRetries: 3 });
}

export { By, until };
