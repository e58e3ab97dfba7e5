/**
 * The source of the file route mode puts in NODE_OPTIONS (`--require`). Node before 24.5 (and
 * 22.21) ignores HTTPS_PROXY in fetch(), which is what Octokit and most Node SDKs use, so the
 * preload installs undici's EnvHttpProxyAgent, which reads HTTPS_PROXY/NO_PROXY, as fetch's global
 * dispatcher. Where Node honours NODE_USE_ENV_PROXY itself (route mode sets it) it does nothing.
 * Node's http/https modules are left alone there: on older Node an agent using them needs its own
 * proxy agent (or GITHUB_API_URL).
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
  try {
    var undici = require(${JSON.stringify(undiciPath)});
    // Its "experimental" warning would land in the agent's stderr on every start.
    var emitWarning = process.emitWarning;
    process.emitWarning = function (warning, options) {
      var code = options && typeof options === 'object' ? options.code : arguments[2];
      if (code !== 'UNDICI-EHPA') return emitWarning.apply(process, arguments);
    };
    try {
      undici.setGlobalDispatcher(new undici.EnvHttpProxyAgent());
    } finally {
      process.emitWarning = emitWarning;
    }
  } catch (error) {
    process.stderr.write('archal route mode: fetch() is not routed to the clone (' + error.message + ')\\n');
  }
})();
`;
}
