// Finds a Firestore emulator that can run on this machine without internet.
//
// Order: (1) firebase-tools' own cached download, which it will use by itself;
// (2) the Cloud SDK's `cloud-firestore-emulator` component (Debian package
// google-cloud-cli-firestore-emulator), wrapped in a launcher jar because that jar has no
// Main-Class and firebase-tools starts the emulator with `java -jar`;
// (3) nothing: stop with one message that says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from './zip.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const SDK_JAR = 'platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';

export class EmulatorSetupError extends Error {}

/** The firebase-tools cache holds `cloud-firestore-emulator-v*.jar` after a successful download. */
function cachedDownload() {
  const dir = join(homedir(), '.cache', 'firebase', 'emulators');
  if (!existsSync(dir)) return null;
  const jar = readdirSync(dir).find((f) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(f));
  return jar ? join(dir, jar) : null;
}

function cloudSdkRoots() {
  const roots = [];
  try {
    const out = execFileSync('gcloud', ['info', '--format=value(installation.sdk_root)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20000,
    }).trim();
    if (out) roots.push(out);
  } catch {
    // gcloud missing or failing: fall back to the usual install locations.
  }
  roots.push('/usr/lib/google-cloud-sdk', '/usr/share/google-cloud-sdk', '/opt/google-cloud-sdk');
  return roots;
}

/** Manifest lines are at most 72 bytes; longer values continue on lines starting with a space. */
function manifestLine(name, value) {
  const full = `${name}: ${value}`;
  const lines = [full.slice(0, 72)];
  for (let i = 72; i < full.length; i += 71) lines.push(' ' + full.slice(i, i + 71));
  return lines.join('\r\n') + '\r\n';
}

/** Writes (once) a jar whose manifest starts the Cloud SDK's emulator classes. */
function launcherJarFor(sdkJar) {
  const dir = join(ROOT, '.cache');
  mkdirSync(dir, { recursive: true });
  const launcher = join(dir, 'firestore-emulator-launcher.jar');
  const manifest =
    'Manifest-Version: 1.0\r\n' +
    manifestLine('Main-Class', MAIN_CLASS) +
    manifestLine('Class-Path', new URL(`file://${sdkJar}`).href) +
    '\r\n';
  writeFileSync(launcher, zipSync({ 'META-INF/MANIFEST.MF': manifest }));
  return launcher;
}

/**
 * Environment variables that make `firebase emulators:*` find a Firestore emulator,
 * or throws EmulatorSetupError with the install instruction.
 */
export function firestoreEmulatorEnv() {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return {};
  if (cachedDownload()) return {};
  return { FIRESTORE_EMULATOR_BINARY_PATH: sdkLauncherJar() };
}

/**
 * The jar `java -jar` starts as a Firestore emulator, found the same way (for the tests
 * that run a second emulator of their own, e.g. one seeded from an export).
 */
export function firestoreEmulatorJar() {
  return process.env.FIRESTORE_EMULATOR_BINARY_PATH ?? cachedDownload() ?? sdkLauncherJar();
}

function sdkLauncherJar() {
  for (const root of cloudSdkRoots()) {
    const sdkJar = join(root, SDK_JAR);
    if (existsSync(sdkJar)) return launcherJarFor(sdkJar);
  }
  throw new EmulatorSetupError(
    'No Firestore emulator found, and this machine cannot download one.\n' +
      'Install the Cloud SDK component:  sudo apt-get install google-cloud-cli-firestore-emulator\n' +
      '(or, with internet access, run `npx firebase setup:emulators:firestore` once).',
  );
}

/** Java must be present for the Firestore emulator: say so plainly instead of a stack trace. */
export function assertJava() {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new EmulatorSetupError(
      'Java was not found. The Firestore emulator needs Java 17 or newer: sudo apt-get install openjdk-17-jre-headless',
    );
  }
}
