// HTTP API events of each function, taken from the shared route registry (shared/src/routes.ts),
// so serverless.yml, the routers inside the functions and /openapi.json list the same routes.
'use strict';

const tsx = require('tsx/cjs/api');

let registry;
function routesByFunction() {
  registry ??= tsx.require('../shared/src/routes.ts', __filename).routesByFunction;
  return registry;
}

function eventsFor(fn) {
  const routes = routesByFunction()[fn];
  if (!routes) throw new Error(`no routes registered for function ${fn}`);
  return Object.values(routes).map((r) => ({ httpApi: { method: r.method, path: r.path } }));
}

module.exports = {
  auth: () => eventsFor('auth'),
  checklist: () => eventsFor('checklist'),
  feedback: () => eventsFor('feedback'),
  quiz: () => eventsFor('quiz'),
  meta: () => eventsFor('meta'),
  study: () => eventsFor('study'),
  notify: () => eventsFor('notify'),
  games: () => eventsFor('games'),
  org: () => eventsFor('org'),
  orglife: () => eventsFor('orglife'),
  inspect: () => eventsFor('inspect'),
  talks: () => eventsFor('talks'),
  pioneer: () => eventsFor('pioneer'),
  service: () => eventsFor('service'),
  functionNames: () => Object.keys(routesByFunction()),
};
