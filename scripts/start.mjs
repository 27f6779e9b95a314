// `npm start`: build, start the emulator suite, seed the demo store, serve the demo store
// page, and print where everything is. Ctrl-C stops all of it.
import { spawn } from 'node:child_process';
import { buildAll } from './build.mjs';
import { DEMO_PROJECT_ID, hostingOrigin } from './lib/client-config.mjs';
import { startDemoStore } from './lib/demo-store-server.mjs';
import { adminEmulatorEnv, emulatorCommand, emulatorHosts, waitFor } from './lib/emulators.mjs';
import { EmulatorSetupError } from './lib/firestore-emulator.mjs';
import { firebaseBin, ROOT, step } from './lib/run.mjs';
import { inboundEmailUrl } from './lib/inbound.mjs';
import { startMailSink } from './mail-sink/server.mjs';

let command;
try {
  command = emulatorCommand('start');
} catch (error) {
  if (error instanceof EmulatorSetupError) {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
  throw error;
}

if ((await buildAll()) !== 0) process.exit(1);

step('Starting the Firebase emulators (Auth, Firestore, Functions, Hosting)');
// A process group of its own, so one signal stops firebase-tools and the Java emulator.
const emulators = spawn(firebaseBin, command.args, {
  cwd: ROOT,
  env: { ...process.env, ...command.env },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
let demoStore = null;
let sweeper = null;
let stopping = false;
// Mail the functions send lands here (the real @sendgrid/mail client, pointed at the sink).
const mailSink = await startMailSink({
  store: `${ROOT}/.cache/outbox.jsonl`,
  inboundUrl: inboundEmailUrl(),
});

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  clearInterval(sweeper);
  await demoStore?.close();
  await mailSink.close();
  if (emulators.exitCode === null) {
    try {
      process.kill(-emulators.pid, 'SIGINT');
    } catch {
      // already gone
    }
    const forced = setTimeout(() => {
      try {
        process.kill(-emulators.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 15000);
    await new Promise((r) => emulators.once('exit', r));
    clearTimeout(forced);
  }
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
emulators.on('exit', (code) => {
  if (!stopping) {
    console.error(`✗ The emulators exited (code ${code}).`);
    stop(code || 1);
  }
});

const hosts = emulatorHosts();
const origin = hostingOrigin();
await waitFor(`http://${hosts.auth}/`);
await waitFor(`http://${hosts.firestore}/`);
step('Seeding the demo store');
Object.assign(process.env, adminEmulatorEnv());
const { seedDemo } = await import('./lib/seed.mjs');
const demo = await seedDemo();
await waitFor(`${origin}/api/availability?store=${demo.storeId}`, { ok: (s) => s === 200 });
const { identitySecretOf, seedDemoProducts, seedOrders } = await import('./lib/seed.mjs');
// The catalogue and the orders go in like any store's: signed POSTs to /api/products and
// /api/orders (the functions are up now).
await seedDemoProducts(demo.storeId, { hostingOrigin: origin });
await seedOrders(demo.storeId, undefined, { hostingOrigin: origin });
demoStore = await startDemoStore({
  widgetOrigin: origin,
  storeId: demo.storeId,
  identitySecret: await identitySecretOf(demo.storeId),
});
// Schedules never fire in the emulator: run the sweeps (idle shoppers' slots) every 30 s.
const sweepUrl = `http://${hosts.functions}/${DEMO_PROJECT_ID}/us-central1/devSweep`;
sweeper = setInterval(() => fetch(sweepUrl, { method: 'POST' }).catch(() => undefined), 30_000);

console.log(`
\x1b[1m✓ Comptoir is running on the emulators\x1b[0m

  Demo store (with the widget)   ${demoStore.url}/
  Merchant console               ${origin}/
    sign in with                 ${demo.merchant.email} / ${demo.merchant.password}
    then switch yourself Online (top bar) so the store shows the chat
    or as operator (Team page)   ${demo.operator.email} / ${demo.operator.password}
  Same store, signed-in customer  ${demoStore.url}/?customer=1
  Try "Where is my order?" with  ${demo.order.number} / ${demo.order.email}
  Outbox (emails sent locally)   ${mailSink.url}/
  Widget loader                  ${origin}/widget/loader.js
  Availability endpoint          ${origin}/api/availability?store=${demo.storeId}

  Press Ctrl-C to stop everything.
`);
