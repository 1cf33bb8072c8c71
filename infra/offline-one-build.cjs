'use strict';
/**
 * Test stacks only (KAIMEN_OFFLINE_ONE_BUILD=1, set by scripts/lib/api-offline.ts for the browser
 * tests): bundles every function in ONE esbuild call with serverless.yml's own esbuild options, and
 * points serverless-offline at the result instead of letting serverless-esbuild build each function
 * on its own. Separate builds parse the shared libraries once per function: 14 builds took ~35–60 s
 * of CPU where one build of all entries takes ~5 s (measured 2026-11-30, this 2-core machine), and
 * every browser-test stack paid it before its first test. The deployed zips are still built by
 * serverless-esbuild, function by function (`serverless package`, checked by deploy-package.test.ts).
 *
 * Offline the bundles find @node-rs/jieba (external) in the repo's node_modules, so serverless-esbuild's
 * npm install of it into the work folder is skipped too. Without the variable this plugin does nothing,
 * and `npm run dev` keeps serverless-esbuild's rebuild on save.
 */
const path = require('node:path');

/** serverless-esbuild's own options, not esbuild's. */
const PLUGIN_ONLY = ['skipRebuild', 'outputWorkFolder', 'outputFileExtension', 'watch', 'exclude', 'installExtraArgs', 'packagePath', 'packagerOptions', 'packager', 'concurrency', 'disposeContext', 'nodeExternals', 'skipBuild', 'skipBuildExcludeFns', 'stripEntryResolveExtensions', 'keepOutputDirectory', 'config'];

class OfflineOneBuild {
  constructor(serverless, _options, { log }) {
    this.serverless = serverless;
    this.log = log;
    this.hooks = process.env.KAIMEN_OFFLINE_ONE_BUILD === '1'
      ? { initialize: () => this.takeOver(), 'before:offline:start:init': () => this.build() }
      : {};
  }

  /** Runs before serverless-esbuild's own initialize (this plugin is listed first). */
  takeOver() {
    const { service } = this.serverless;
    for (const fn of Object.values(service.functions)) fn.skipEsbuild = true;
    const esbuild = service.custom.esbuild;
    esbuild.exclude = [...new Set([...(esbuild.exclude ?? []), ...(esbuild.external ?? [])])];
  }

  async build() {
    const { service } = this.serverless;
    const root = this.serverless.serviceDir;
    const options = { ...service.custom.esbuild };
    const outdir = path.join(root, options.outputWorkFolder, '.build');
    const entryPoints = {};
    for (const fn of Object.values(service.functions)) {
      const file = fn.handler.slice(0, fn.handler.lastIndexOf('.'));
      entryPoints[file] = path.join(root, `${file}.ts`);
    }
    const outExtension = { '.js': options.outputFileExtension ?? '.js' };
    for (const key of PLUGIN_ONLY) delete options[key];
    // serverless-esbuild takes the plugins as a file to require; esbuild wants the list.
    if (typeof options.plugins === 'string') options.plugins = require(path.join(root, options.plugins));
    const started = Date.now();
    await require('esbuild').build({ ...options, entryPoints, outdir, outExtension, absWorkingDir: root, logLevel: 'error' });
    this.log.verbose(`Bundled ${Object.keys(entryPoints).length} functions in one esbuild call in ${Date.now() - started} ms`);
    service.custom['serverless-offline'] = { ...service.custom['serverless-offline'], location: path.relative(root, outdir) };
  }
}

module.exports = OfflineOneBuild;
