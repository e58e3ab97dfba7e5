/** The file name of the single-file undici the build ships beside its bundles for the preload. */
export const ROUTE_UNDICI = 'route-undici.cjs';

/**
 * The source of the file route mode puts in NODE_OPTIONS (`--require`). Node before 24.5 (and
 * 22.21) ignores HTTPS_PROXY in fetch(), which is what Octokit and most Node SDKs use, so the
 * preload makes undici's EnvHttpProxyAgent, which reads HTTPS_PROXY/NO_PROXY, fetch's global
 * dispatcher. It does so when the dispatcher is first asked for (the first fetch), not at start:
 * loading undici costs every Node process of the agent tens of milliseconds, and most never fetch.
 * Where Node honours NODE_USE_ENV_PROXY itself (route mode sets it) it does nothing. Node's
 * http/https modules are left alone there: on older Node an agent using them needs its own proxy
 * agent (or GITHUB_API_URL).
 */
export function preloadSource(undiciPath: string): string {
  return `'use strict';
// Written by Archal for one scenario run (route mode): fetch() goes through HTTPS_PROXY.
(function () {
  var version = process.versions.node.split('.').map(Number);
  var major = version[0], minor = version[1];
  var native = (major === 22 && minor >= 21) || (major === 24 && minor >= 5) || major > 24;
  if (native && process.env.NODE_USE_ENV_PROXY === '1') return;
  if (!process.env.HTTPS_PROXY && !process.env.https_proxy) return;
  // Where every copy of undici (Node's own included) keeps the global dispatcher.
  var key = Symbol.for('undici.globalDispatcher.1');
  if (Object.prototype.hasOwnProperty.call(globalThis, key)) return;
  function settle(value) {
    Object.defineProperty(globalThis, key, { value: value, writable: true, enumerable: false, configurable: false });
    return value;
  }
  function proxyAgent() {
    try {
      var undici = require(${JSON.stringify(undiciPath)});
      // Its "experimental" warning would land in the agent's stderr.
      var emitWarning = process.emitWarning;
      process.emitWarning = function (warning, options) {
        var code = options && typeof options === 'object' ? options.code : arguments[2];
        if (code !== 'UNDICI-EHPA') return emitWarning.apply(process, arguments);
      };
      try {
        return new undici.EnvHttpProxyAgent();
      } finally {
        process.emitWarning = emitWarning;
      }
    } catch (error) {
      process.stderr.write('archal route mode: fetch() is not routed to the clone (' + error.message + ')\\n');
      return undefined;
    }
  }
  var loading = false;
  Object.defineProperty(globalThis, key, {
    configurable: true,
    enumerable: false,
    get: function () {
      // undici asks for the dispatcher while it loads: it finds none and sets its default, which
      // the proxy agent then replaces.
      if (loading) return undefined;
      loading = true;
      return settle(proxyAgent());
    },
    // A dispatcher the agent sets itself wins.
    set: function (value) {
      settle(value);
    },
  });
})();
`;
}
