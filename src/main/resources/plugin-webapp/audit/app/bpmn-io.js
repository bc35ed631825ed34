/*
 * The bpmn-io libraries that Camunda Cockpit 7.24 itself ships in its own bundle (lib/deps.js: bpmn-js 16.5, and
 * camunda-dmn-js 1.8 with dmn-js 15.1 — the decision table editor included, with its styles in Cockpit's CSS).
 * Cockpit does not export them by name, so they are found in its webpack module registry by what they are: the
 * constructor whose prototype has the bpmn-js NavigatedViewer's navigation modules, and the dmn-js Modeler (the
 * only dmn-js manager with its own view providers and id collection). No build step, no second copy of the
 * libraries. Only modules that mention importXML or _getViewProviders are looked at; webpack runs each module once at most.
 */

let found = null;

function prototypeKeys(prototype) {
  const keys = new Set();
  let p = prototype;
  while (p && p !== Object.prototype) {
    Object.getOwnPropertyNames(p).forEach((k) => keys.add(k));
    p = Object.getPrototypeOf(p);
  }
  return keys;
}

function depth(prototype) {
  let n = 0;
  for (let p = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    n += 1;
  }
  return n;
}

export function bpmnIo() {
  if (found) {
    return found;
  }
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks || typeof chunks.push !== 'function') {
    throw new Error('This page must run inside Camunda Cockpit 7.24: its bpmn-io libraries were not found.');
  }
  let require = null;
  chunks.push([['microacquisition-bpmn-io-' + Date.now()], {}, (r) => { require = r; }]);
  if (!require || !require.m) {
    throw new Error('Cockpit\'s bpmn-io libraries could not be reached.');
  }
  const result = { BpmnViewer: null, DmnModeler: null };
  Object.keys(require.m).forEach((id) => {
    let source;
    try {
      source = Function.prototype.toString.call(require.m[id]);
    } catch (e) {
      return;
    }
    if (source.indexOf('importXML') < 0 && source.indexOf('_getViewProviders') < 0) {
      return;
    }
    let exported;
    try {
      exported = require(id);
    } catch (e) {
      return;
    }
    const candidates = [exported];
    if (exported && typeof exported === 'object') {
      Object.keys(exported).forEach((k) => candidates.push(exported[k]));
    }
    candidates.forEach((candidate) => {
      if (typeof candidate !== 'function' || !candidate.prototype) {
        return;
      }
      const keys = prototypeKeys(candidate.prototype);
      if (!result.BpmnViewer && keys.has('_navigationModules') && keys.has('_moddleExtensions')
        && keys.has('importXML') && !keys.has('_modelingModules')) {
        result.BpmnViewer = candidate;
      }
      // dmn-js's Modeler (view providers and id collection), preferably Camunda's subclass of it (camunda-dmn-js,
      // which adds the Camunda extensions to the model): the longest prototype chain wins.
      if (keys.has('_getViewProviders') && keys.has('_collectIds') && keys.has('getActiveViewer')
        && (!result.DmnModeler || depth(candidate.prototype) > depth(result.DmnModeler.prototype))) {
        result.DmnModeler = candidate;
      }
    });
  });
  if (!result.BpmnViewer || !result.DmnModeler) {
    throw new Error('Cockpit\'s bundle does not hold the expected bpmn-js viewer and dmn-js modeler.');
  }
  found = result;
  return found;
}
