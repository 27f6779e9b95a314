/**
 * The figures `npm run bench` reports, each with its budget from the design notes
 * (../shared/DESIGN.md, "Performance and cost budgets"). 1 KB = 1,024 bytes.
 */
import type { Figure, Results } from './report';

const KB = 1024;
const num = (results: Results, key: string) => Number(results[key]);

export const FIGURES: Figure[] = [
  // Store page with no open chat.
  {
    key: 'loaderGzipBytes',
    label: 'loader, gzip',
    unit: 'B',
    target: { kind: 'max', limit: 4 * KB, text: '≤ 4 KB' },
  },
  {
    key: 'chatAppGzipBytes',
    label: 'chat app JS + CSS, gzip',
    unit: 'B',
    target: { kind: 'max', limit: 190 * KB, text: '≤ 190 KB' },
  },
  {
    key: 'closedPageBytes',
    label: 'closed page: bytes from the widget origin',
    unit: 'B',
    target: { kind: 'max', limit: 5 * KB, text: '≤ 5 KB (loader + 1 small JSON)' },
  },
  {
    key: 'closedPageTotalBytes',
    label: 'closed page: all bytes (store page included)',
    unit: 'B',
    target: { kind: 'info', text: 'reported' },
  },
  {
    key: 'closedPageFirestoreRequests',
    label: 'closed page: requests to Firestore / Firebase',
    target: { kind: 'equals', limit: 0, text: '0 (no SDK, no connection)' },
  },
  {
    key: 'closedPageIframes',
    label: 'closed page: chat app frames loaded',
    target: { kind: 'equals', limit: 0, text: '0 (loads on open)' },
  },
  {
    key: 'closedPageFirestoreReadsPer100Views',
    label: 'closed page: Firestore reads per 100 views',
    target: { kind: 'max', limit: 1, text: '≤ 1' },
  },
  {
    key: 'closedPageViewsWindowMs',
    label: '  …the 100 views took',
    unit: 'ms',
    target: { kind: 'max', limit: 10_000, text: '≤ 10 s' },
  },
  // Message delivery.
  {
    key: 'latencyMessages',
    label: 'latency: messages measured',
    target: { kind: 'min', limit: 200, text: '≥ 200' },
  },
  {
    key: 'latencyConversations',
    label: 'latency: conversations live',
    target: { kind: 'min', limit: 20, text: '≥ 20' },
  },
  {
    key: 'latencyLost',
    label: 'latency: messages that never arrived',
    target: { kind: 'equals', limit: 0, text: '0' },
  },
  {
    key: 'latencyP50Ms',
    label: 'latency p50, both directions',
    unit: 'ms',
    target: { kind: 'info', text: 'reported' },
  },
  {
    key: 'latencyP95Ms',
    label: 'latency p95, both directions',
    unit: 'ms',
    target: { kind: 'info', text: 'reported' },
  },
  {
    key: 'bareP50Ms',
    label: 'bare Firestore write→listener p50',
    unit: 'ms',
    target: { kind: 'info', text: 'reported' },
  },
  {
    key: 'bareP95Ms',
    label: 'bare Firestore write→listener p95',
    unit: 'ms',
    target: { kind: 'info', text: 'reported' },
  },
  {
    key: 'latencyRatioP95',
    label: 'latency p95 / bare p95',
    target: { kind: 'max', limit: 1.25, text: '≤ 1.25' },
  },
  {
    key: 'latencyRatioP95ShopperToOperator',
    label: '  …shopper → operator',
    target: { kind: 'max', limit: 1.25, text: '≤ 1.25' },
  },
  {
    key: 'latencyRatioP95OperatorToShopper',
    label: '  …operator → shopper',
    target: { kind: 'max', limit: 1.25, text: '≤ 1.25' },
  },
  // The concurrency cap.
  {
    key: 'capRacers',
    label: 'cap race: shoppers racing',
    target: { kind: 'min', limit: 30, text: '≥ 30' },
  },
  { key: 'capLimit', label: 'cap race: the cap', target: { kind: 'info', text: 'set' } },
  {
    key: 'capAdmitted',
    label: 'cap race: admitted',
    target: { kind: 'equals', limit: (r) => num(r, 'capLimit'), text: '= the cap' },
  },
  {
    key: 'capOngoingAfterRace',
    label: 'cap race: ongoing conversations after',
    target: { kind: 'equals', limit: (r) => num(r, 'capLimit'), text: '= the cap' },
  },
  // Cost, counted.
  {
    key: 'readsPerMessage',
    label: 'Firestore reads per message',
    target: { kind: 'info', text: 'counted' },
  },
  {
    key: 'writesPerMessage',
    label: 'Firestore writes per message',
    target: { kind: 'info', text: 'counted' },
  },
  {
    key: 'functionInvocationsPerMessage',
    label: 'function invocations per message',
    target: { kind: 'info', text: 'counted' },
  },
  {
    key: 'readsPerConversationStart',
    label: 'Firestore reads per conversation start',
    target: { kind: 'info', text: 'counted' },
  },
  {
    key: 'writesPerConversationStart',
    label: 'Firestore writes per conversation start',
    target: { kind: 'info', text: 'counted' },
  },
  {
    key: 'readsPerPageView',
    label: 'Firestore reads per closed page view',
    target: { kind: 'max', limit: 0.01, text: '≤ 0.01' },
  },
  {
    key: 'writesPerPageView',
    label: 'Firestore writes per closed page view',
    target: { kind: 'equals', limit: 0, text: '0' },
  },
  // Load.
  {
    key: 'loadSent',
    label: 'load: messages sent',
    target: { kind: 'min', limit: 1000, text: '≥ 50 × 20' },
  },
  {
    key: 'loadOperators',
    label: 'load: operators listening',
    target: { kind: 'min', limit: 2, text: '≥ 2' },
  },
  {
    key: 'loadRefused',
    label: 'load: writes refused',
    target: { kind: 'equals', limit: 0, text: '0' },
  },
  {
    key: 'loadDelivered',
    label: 'load: delivered to every operator',
    target: { kind: 'equals', limit: (r) => num(r, 'loadSent'), text: '= sent' },
  },
  {
    key: 'loadDuplicates',
    label: 'load: duplicates',
    target: { kind: 'equals', limit: 0, text: '0' },
  },
  {
    key: 'loadOutOfOrder',
    label: 'load: out of order (per conversation)',
    target: { kind: 'equals', limit: 0, text: '0' },
  },
  {
    key: 'loadLatencyP95Ms',
    label: 'load: delivery p95',
    unit: 'ms',
    target: { kind: 'info', text: 'reported' },
  },
  {
    key: 'benchSeconds',
    label: 'bench duration',
    unit: 's',
    target: { kind: 'max', limit: 360, text: '≤ 6 min' },
  },
];
