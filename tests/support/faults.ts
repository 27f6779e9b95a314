/**
 * Faults made on purpose, with the real parts: a Firestore event delivered again to the
 * functions emulator, a process killed by SIGKILL, and a second Firestore emulator seeded
 * from an export of the first. Documents are read over the emulator's REST API so that
 * two emulators can be compared value by value (the admin SDK always follows
 * FIRESTORE_EMULATOR_HOST, and would read the first one twice).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { firestoreEmulatorJar } from '../../scripts/lib/firestore-emulator.mjs';
import { firebaseJson } from '../../scripts/lib/client-config.mjs';
import { PROJECT_ID } from './emulators';

const ROOT = resolve(import.meta.dirname, '../..');
const emulators = firebaseJson().emulators;
export const FIRESTORE = `http://${emulators.firestore.host}:${emulators.firestore.port}`;
const FUNCTIONS = `http://${emulators.functions.host}:${emulators.functions.port}`;
export const HUB = `http://${emulators.hub.host}:${emulators.hub.port}`;
const DATABASE = `projects/${PROJECT_ID}/databases/(default)`;
/** The emulator's admin token: reads bypass the rules. */
const OWNER = { Authorization: 'Bearer owner' };

/** A document as Firestore stores it: typed values, as the REST API returns them. */
export interface RestDocument {
  name: string;
  fields?: Record<string, unknown>;
  createTime: string;
  updateTime: string;
}

async function rest<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}/v1/${path}`, {
    ...init,
    headers: { ...OWNER, 'Content-Type': 'application/json', ...init.headers },
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const restDocument = (path: string, base = FIRESTORE) =>
  rest<RestDocument>(base, `${DATABASE}/documents/${path}`);

/**
 * Delivers a "document created" event for `documentPath` to a Firestore trigger again, as
 * Eventarc does when it retries (at-least-once): the CloudEvent carries the document as it
 * is now and the given event id. Resolves once the function has run.
 */
export async function redeliverCreated(trigger: string, documentPath: string, eventId: string) {
  const document = await restDocument(documentPath);
  const event = {
    specversion: '1.0',
    id: eventId,
    type: 'google.cloud.firestore.document.v1.created',
    source: `//firestore.googleapis.com/${DATABASE}`,
    subject: `documents/${documentPath}`,
    time: document.createTime,
    datacontenttype: 'application/json',
    data: { value: document },
    project: PROJECT_ID,
    database: '(default)',
    namespace: '(default)',
    document: documentPath,
    location: 'us-central1',
  };
  const response = await fetch(
    `${FUNCTIONS}/functions/projects/${PROJECT_ID}/triggers/${await triggerKey(trigger)}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/cloudevents+json' },
      body: JSON.stringify(event),
    },
  );
  if (!response.ok) throw new Error(`${trigger} answered ${response.status}`);
}

/**
 * The key the functions emulator registered a trigger under: `<region>-<name>-<generation>`,
 * the generation counting reloads. Its answer to an unknown key lists the valid ones.
 */
async function triggerKey(trigger: string) {
  const response = await fetch(`${FUNCTIONS}/functions/projects/${PROJECT_ID}/triggers/-`, {
    method: 'POST',
  });
  const valid = /valid functions are: (.*)$/s.exec(await response.text())?.[1]?.split(', ') ?? [];
  const key = valid.find((k) => k.startsWith(`us-central1-${trigger}-`));
  if (!key) throw new Error(`no trigger ${trigger} among: ${valid.join(', ')}`);
  return key;
}

/** Every document of a collection group in a database, by path (one query, no paging). */
export async function collectionGroup(collectionId: string, base = FIRESTORE) {
  const rows = await rest<{ document?: RestDocument }[]>(base, `${DATABASE}/documents:runQuery`, {
    method: 'POST',
    body: JSON.stringify({
      structuredQuery: { from: [{ collectionId, allDescendants: true }] },
    }),
  });
  return new Map(
    rows.flatMap((r) => (r.document ? [[pathOf(r.document), r.document] as const] : [])),
  );
}

/** Every document under `path` (a document), itself included, by path. */
export async function documentTree(path: string, base = FIRESTORE) {
  const found = new Map<string, RestDocument>();
  const walk = async (docPath: string) => {
    const { collectionIds = [] } = await rest<{ collectionIds?: string[] }>(
      base,
      `${DATABASE}/documents/${docPath}:listCollectionIds`,
      { method: 'POST', body: JSON.stringify({ pageSize: 300 }) },
    );
    for (const collection of collectionIds) {
      let pageToken = '';
      do {
        const page = await rest<{ documents?: RestDocument[]; nextPageToken?: string }>(
          base,
          `${DATABASE}/documents/${docPath}/${collection}?pageSize=300&showMissing=true&pageToken=${pageToken}`,
        );
        for (const doc of page.documents ?? []) {
          if (doc.fields || doc.createTime) found.set(pathOf(doc), doc);
          await walk(pathOf(doc));
        }
        pageToken = page.nextPageToken ?? '';
      } while (pageToken);
    }
  };
  found.set(path, await restDocument(path, base));
  await walk(path);
  return found;
}

const pathOf = (doc: RestDocument) => doc.name.slice(`${DATABASE}/documents/`.length);

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Exports every emulator's data through the Emulator Hub, as `firebase emulators:export` does. */
export async function exportEmulatorData(path: string) {
  const response = await fetch(`${HUB}/_admin/export`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, initiatedBy: 'faults-test' }),
  });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
}

export interface SecondFirestore {
  url: string;
  stop(): Promise<void>;
}

/**
 * A second Firestore emulator on a free port, seeded from an export directory the way
 * `firebase emulators:start --import` seeds one (`--seed_from_export`).
 */
export async function startSeededFirestore(exportDir: string, timeoutMs = 60_000) {
  const port = await freePort();
  const child = spawn(
    'java',
    [
      '-Duser.language=en',
      '-jar',
      firestoreEmulatorJar(),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--project_id',
      PROJECT_ID,
      '--single_project_mode',
      'true',
      '--seed_from_export',
      join(exportDir, 'firestore_export', 'firestore_export.overall_export_metadata'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const exited = once(child, 'exit');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the seeded emulator exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url, stop } satisfies SecondFirestore;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the seeded emulator did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * The archive (functions/src/archive/archiveFinished.ts) as its own Node process, bundled
 * the way the functions are, so that a test can kill it with SIGKILL part-way through.
 * It prints its result as JSON when it finishes.
 */
export async function archiveProcess(storeId: string, batchSize: number): Promise<ChildProcess> {
  const outdir = join(ROOT, '.cache', 'faults');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'archive-run.cjs');
  await build({
    stdin: {
      contents: `
        const { archiveFinished } = require('./functions/src/archive/archiveFinished');
        const [storeId, batchSize] = process.argv.slice(2);
        archiveFinished(storeId, { batchSize: Number(batchSize) }).then(
          (result) => { process.stdout.write(JSON.stringify(result)); process.exit(0); },
          (error) => { console.error(error); process.exit(1); },
        );`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['firebase-admin', 'firebase-functions'],
    logLevel: 'warning',
  });
  return spawn(process.execPath, [outfile, storeId, String(batchSize)], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
