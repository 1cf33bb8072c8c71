'use strict';
/**
 * `serverless package` / `deploy`: serverless-esbuild installs the bundles' external modules (@node-rs/jieba,
 * a native module) with npm into its work folder, then runs `npm prune` there. Given the Lambda's platform
 * only on the install's command line, the prune swapped the build machine's binary back in, and a second
 * `npm install` for the Lambda's platform had to follow (which left both binaries in the folder, the wrong one
 * shipped in the checklist zip). npm's own configuration for the Lambda's platform, in the environment of every
 * npm this process starts, makes install and prune agree: one install, the arm64 binary only.
 * Only packaging: offline (serverless-offline) runs no npm and the handlers' environment stays as it was.
 */
class NpmLambdaPlatform {
  constructor(serverless) {
    const { provider } = serverless.service;
    const platform = () => {
      process.env.npm_config_os = 'linux';
      process.env.npm_config_cpu = provider.architecture === 'arm64' ? 'arm64' : 'x64';
      process.env.npm_config_libc = 'glibc';
    };
    // Runs before serverless-esbuild's hooks on the same events (this plugin is listed before it).
    this.hooks = { 'before:package:createDeploymentArtifacts': platform, 'before:deploy:function:packageFunction': platform };
  }
}

module.exports = NpmLambdaPlatform;
