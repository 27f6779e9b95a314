// Counts what the Cloud Functions cost, from outside their code: `npm run bench` starts the
// emulators with NODE_OPTIONS="--import <this file>", and the Functions emulator passes its
// environment to every worker process it spawns. In a worker (FUNCTION_TARGET is set) this
// wraps the admin SDK's wire calls and the worker's HTTP server:
//   - reads:  documents requested by BatchGetDocuments (doc get, transaction get; a missing
//             document is billed too), documents returned by RunQuery (at least 1 per
//             query, as Firestore bills), 1 per aggregation query;
//   - writes: writes in each Commit / BatchWrite (a transaction's commit included);
//   - invocations: requests the worker serves (one per function invocation).
// Each worker keeps its totals in `${COMPTOIR_BENCH_COUNTERS}/<target>-<pid>.json`,
// rewritten after every change, and the bench sums the files. Nothing here runs outside
// the bench (no NODE_OPTIONS, no effect) and product code is untouched.
import fs from 'node:fs';
import http from 'node:http';
import Module from 'node:module';
import path from 'node:path';

const dir = process.env.COMPTOIR_BENCH_COUNTERS;
const target = process.env.FUNCTION_TARGET;

if (dir && target) {
  const totals = { target, pid: process.pid, reads: 0, writes: 0, invocations: 0 };
  const file = path.join(dir, `${target}-${process.pid}.json`);
  // Written aside, then renamed: the bench may read the file at any moment, and a rename
  // never shows it half-written.
  const save = () => {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(totals));
    fs.renameSync(`${file}.tmp`, file);
  };
  const add = (key, n) => {
    totals[key] += n;
    save();
  };
  save();

  // One invocation per request the runtime's server handles (its health probe excluded).
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === 'request' && req && !String(req.url).startsWith('/__/health')) {
      add('invocations', 1);
    }
    return emit.call(this, event, req, ...rest);
  };

  // Patch @google-cloud/firestore once, when firebase-admin first loads it.
  let patched = false;
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const exports = load.call(this, request, parent, isMain);
    if (!patched && request === '@google-cloud/firestore') {
      patched = true;
      // Its own internals (query and aggregate helpers) are loaded relative to its entry.
      const entry = Module.createRequire(import.meta.url).resolve(request, {
        paths: [parent?.path ?? process.cwd()],
      });
      patchFirestore(exports, Module.createRequire(entry));
    }
    return exports;
  };

  function patchFirestore(firestore, requireSibling) {
    const { Firestore } = firestore;
    const request = Firestore.prototype.request;
    Firestore.prototype.request = function (methodName, body, ...rest) {
      if ((methodName === 'commit' || methodName === 'batchWrite') && body?.writes) {
        add('writes', body.writes.length);
      }
      return request.call(this, methodName, body, ...rest);
    };
    const requestStream = Firestore.prototype.requestStream;
    Firestore.prototype.requestStream = function (methodName, bidi, body, ...rest) {
      if (methodName === 'batchGetDocuments' && body?.documents) {
        add('reads', body.documents.length);
      }
      return requestStream.call(this, methodName, bidi, body, ...rest);
    };
    const { QueryUtil } = requireSibling('./reference/query-util.js');
    const getResponse = QueryUtil.prototype._getResponse;
    QueryUtil.prototype._getResponse = function (...args) {
      return getResponse.apply(this, args).then((output) => {
        add('reads', Math.max(1, output?.result?.size ?? 0));
        return output;
      });
    };
    const { AggregateQuery } = requireSibling('./reference/aggregate-query.js');
    const aggregate = AggregateQuery.prototype._getResponse;
    AggregateQuery.prototype._getResponse = function (...args) {
      return aggregate.apply(this, args).then((output) => {
        add('reads', 1);
        return output;
      });
    };
  }
}
