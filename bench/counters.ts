/**
 * Counting Firestore cost, from three places, because no one place sees it all:
 *  - functions: the admin SDK's reads and writes and the invocations, counted inside the
 *    Functions emulator's workers by bench/instrument/functions-counter.cjs;
 *  - security rules: documents the rules fetch with get() / exists(), counted by the
 *    Firestore emulator itself (its rule-coverage report counts every evaluation);
 *  - clients: what the bench's web-SDK clients read through listeners and write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  onSnapshot,
  type DocumentReference,
  type DocumentSnapshot,
  type Query,
  type QuerySnapshot,
  type Unsubscribe,
} from 'firebase/firestore';
import { clientConfig } from '../scripts/lib/client-config.mjs';
import { ruleCoverageUrl } from '../scripts/lib/rules-coverage.mjs';

export interface Cost {
  reads: number;
  writes: number;
  invocations: number;
  /** Part of `reads`: documents fetched by the security rules. */
  rulesReads: number;
  /** Part of `reads` and `writes`: what the functions did. */
  functionReads: number;
  functionWrites: number;
}

interface WorkerCounts {
  target: string;
  pid: number;
  reads: number;
  writes: number;
  invocations: number;
}

/** Totals of every functions worker so far (one file per worker process). */
export function functionCounts(dir = process.env.COMPTOIR_BENCH_COUNTERS): WorkerCounts[] {
  if (!dir) throw new Error('COMPTOIR_BENCH_COUNTERS is not set: run the bench with npm run bench');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkerCounts);
}

const sum = (list: WorkerCounts[], key: 'reads' | 'writes' | 'invocations') =>
  list.reduce((total, w) => total + w[key], 0);

// ---- security rules: the emulator's rule-coverage report -------------------------------

interface CoverageNode {
  sourcePosition: { line: number; column: number; currentOffset: number; endOffset: number };
  values?: { value: Record<string, unknown>; count: number }[];
  children?: CoverageNode[];
}

export interface CoverageReport {
  rules: { files: { content: string }[] };
  report: CoverageNode[];
}

/**
 * How many times the rules fetched a document: evaluations of get() and exists() calls in
 * the coverage report. A call's node is the smallest expression starting at `get(` or
 * `exists(` (the larger ones are `get(…).data…`); a value of `undefined` means the call was
 * skipped (short-circuited), so it fetched nothing.
 */
export function ruleDocumentFetches(coverage: CoverageReport): number {
  const source = coverage.rules.files.map((f) => f.content).join('\n');
  const calls = new Map<number, CoverageNode>();
  const visit = (node: CoverageNode) => {
    const { currentOffset, endOffset } = node.sourcePosition;
    if (/^(get|exists)\s*\(/.test(source.slice(currentOffset, currentOffset + 8))) {
      const known = calls.get(currentOffset);
      if (!known || endOffset < known.sourcePosition.endOffset) calls.set(currentOffset, node);
    }
    node.children?.forEach(visit);
  };
  coverage.report.forEach(visit);
  let fetches = 0;
  for (const node of calls.values()) {
    for (const { value, count } of node.values ?? []) if (!('undefined' in value)) fetches += count;
  }
  return fetches;
}

export async function ruleCoverage(): Promise<CoverageReport> {
  const { firebase, emulators } = clientConfig();
  const { host, port } = emulators!.firestore;
  const response = await fetch(ruleCoverageUrl(`${host}:${port}`, firebase.projectId));
  if (!response.ok) throw new Error(`rule coverage answered ${response.status}`);
  return (await response.json()) as CoverageReport;
}

// ---- clients ---------------------------------------------------------------------------

/**
 * Reads and writes of the bench's own web clients. Listener reads follow Firestore's
 * billing: one per document added to or changed in a result, once confirmed by the
 * server (a client's own pending write is not a read), and at least one per query.
 */
export class ClientMeter {
  reads = 0;
  writes = 0;
  /** Listener failures (a refused listener stops silently otherwise). */
  readonly errors: string[] = [];
  private readonly failed = (error: Error) => {
    this.errors.push(error.message);
    console.error(`listener failed: ${error.message}`);
  };

  /** Listens to a query, counting what the listener reads. */
  watchQuery(query: Query, onSnapshotFn: (snapshot: QuerySnapshot) => void): Unsubscribe {
    let first = true;
    return onSnapshot(
      query,
      (snapshot) => {
        const read = snapshot
          .docChanges()
          .filter((c) => c.type !== 'removed' && !c.doc.metadata.hasPendingWrites).length;
        this.reads += first ? Math.max(1, read) : read;
        first = false;
        onSnapshotFn(snapshot);
      },
      this.failed,
    );
  }

  /** Listens to one document, counting one read per server version it receives. */
  watchDoc(ref: DocumentReference, onSnapshotFn: (snapshot: DocumentSnapshot) => void) {
    return onSnapshot(
      ref,
      (snapshot) => {
        if (!snapshot.metadata.hasPendingWrites) this.reads++;
        onSnapshotFn(snapshot);
      },
      this.failed,
    );
  }

  /** Counts a write the bench makes, then makes it. */
  write<T>(promise: () => Promise<T>): Promise<T> {
    this.writes++;
    return promise();
  }
}

/** A point in time across all three sources; `since` gives the cost in between. */
export class CostProbe {
  constructor(private readonly meters: ClientMeter[]) {}

  async take() {
    const workers = functionCounts();
    return {
      functionReads: sum(workers, 'reads'),
      functionWrites: sum(workers, 'writes'),
      invocations: sum(workers, 'invocations'),
      rulesReads: ruleDocumentFetches(await ruleCoverage()),
      clientReads: this.meters.reduce((t, m) => t + m.reads, 0),
      clientWrites: this.meters.reduce((t, m) => t + m.writes, 0),
    };
  }

  async since(before: Awaited<ReturnType<CostProbe['take']>>): Promise<Cost> {
    const now = await this.take();
    const d = (k: keyof typeof now) => now[k] - before[k];
    return {
      reads: d('functionReads') + d('rulesReads') + d('clientReads'),
      writes: d('functionWrites') + d('clientWrites'),
      invocations: d('invocations'),
      rulesReads: d('rulesReads'),
      functionReads: d('functionReads'),
      functionWrites: d('functionWrites'),
    };
  }
}
