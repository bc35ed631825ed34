/*
 * Micro-Acquisition: the "Rules" page in Camunda Cockpit (Cockpit 7.x plugin format, plain JavaScript, no build).
 * CFOB opens a decision table in the dmn-js editor Cockpit itself ships, sees the deployment checks and the
 * rule-by-rule diff while editing, tries the edit on example cases and on recorded real cases, and deploys it (or
 * rolls back to an earlier version) with a reason. Auditors see the same page read-only. The server decides who may
 * do what: /camunda/api/cockpit/plugin/rules/{engine}/...
 */
import { bpmnIo } from '../../../audit/static/app/bpmn-io.js';

const ZONE = 'America/Toronto';

function esc(value) {
  if (value === null || value === undefined) {
    return '';
  }
  return String(value).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

function when(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (isNaN(date.getTime())) {
    return esc(value);
  }
  return esc(date.toLocaleString('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false
  }));
}

function base(api) {
  return api.cockpitApi + '/plugin/rules/' + encodeURIComponent(api.engine);
}

let csrfToken = null;

async function call(api, method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    const token = csrfToken || (typeof api.CSRFToken === 'function' ? api.CSRFToken() : api.CSRFToken);
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  const response = await fetch(base(api) + '/' + path, {
    method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body)
  });
  const fresh = response.headers.get('X-XSRF-TOKEN');
  if (fresh) {
    csrfToken = fresh;
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (e) {
    parsed = { detail: text };
  }
  if (!response.ok) {
    const error = new Error((parsed && parsed.detail) || ('HTTP ' + response.status));
    error.status = response.status;
    error.body = parsed;
    throw error;
  }
  return parsed;
}

function table(cssClass, headers, rows, rowClass) {
  if (!rows.length) {
    return '<p class="rules-none">None.</p>';
  }
  return '<table class="table table-condensed rules-table ' + cssClass + '"><thead><tr>'
    + headers.map((h) => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>'
    + rows.map((r, i) => '<tr' + (rowClass ? ' class="' + rowClass(i) + '"' : '') + '>'
      + r.map((c) => '<td>' + c + '</td>').join('') + '</tr>').join('')
    + '</tbody></table>';
}

const STYLE = `
.rules-page { position: absolute; top: 0; bottom: 0; left: 0; right: 0; overflow: auto; padding: 15px 20px; }
.rules-page h2 { margin-top: 0; }
.rules-page h3 { margin-top: 25px; font-size: 16px; }
.rules-page .rules-table td { vertical-align: top; white-space: pre-wrap; word-break: break-word; }
.rules-page .rules-error { color: #b00; }
.rules-page .rules-ok { color: #2e7d32; }
.rules-page .rules-editor { border: 1px solid #ccc; background: #fff; min-height: 200px; overflow: auto; }
.rules-page .rules-readonly .rules-editor { pointer-events: none; }
.rules-page .rules-readonly-note { background: #fff8e1; border: 1px solid #ffe082; padding: 6px 10px; }
.rules-page tr.rules-changed td { background: #fff3e0; }
.rules-page .rules-section { border-top: 1px solid #ddd; margin-top: 20px; }
.rules-page textarea.rules-reason { width: 100%; max-width: 800px; }
.rules-page .rules-actions button { margin-right: 8px; }
.rules-page .rules-example input { width: 140px; }
`;

function renderList(decisions, access) {
  return '<h2>Rules</h2><p>The decision tables the process applies. '
    + (access.edit ? 'Open one to change it: try the change on examples and on real recorded cases, then deploy it with a reason.'
      : 'You can read them; only CFOB changes them.') + ' Times in ' + ZONE + '.</p>'
    + table('rules-list', ['Decision', 'Version in force', 'Deployed by', 'When', 'Why', 'What changed'],
      decisions.map((d) => ['<a href="" class="rules-open" data-key="' + esc(d.key) + '">' + esc(d.name || d.key) + '</a>'
        + (d.governed ? '' : ' <small>(not a CFOB table)</small>'),
      esc(d.version), esc(d.deployedBy), when(d.deployedAt), esc(d.reason), esc(d.summary)]));
}

function renderDecision(decision, access) {
  const editable = access.edit && decision.governed;
  let html = '<div class="rules-decision' + (editable ? '' : ' rules-readonly') + '" data-key="' + esc(decision.key) + '">'
    + '<p><a href="" class="rules-back">All rules</a></p>'
    + '<h2>' + esc(decision.name || decision.key) + ' <small>version ' + esc(decision.version) + ' in force</small></h2>'
    + '<p>Deployed ' + when(decision.deployedAt) + (decision.deployedBy ? ' by ' + esc(decision.deployedBy) : '')
    + (decision.reason ? ': “' + esc(decision.reason) + '”' : '') + '. File ' + esc(decision.resourceName) + '.</p>';
  if (!editable) {
    html += '<p class="rules-readonly-note">Read-only: ' + (access.edit ? 'this table is not one CFOB changes here.'
      : 'only CFOB (cfob-rules) and administrators change the rules.') + '</p>';
  }
  html += '<div class="rules-editor"></div>';
  if (editable) {
    html += '<div class="rules-section"><h3>Checks while you edit</h3><div class="rules-review"><p>No change yet.</p></div></div>'
      + '<div class="rules-section"><h3>Try it on examples</h3>'
      + '<p>Type the values of a case; each row is one example. Both the version in force and your edit are run.</p>'
      + '<div class="rules-examples"></div>'
      + '<p class="rules-actions"><button type="button" class="btn btn-default btn-sm rules-add-example">Add an example</button>'
      + '<button type="button" class="btn btn-primary btn-sm rules-run-examples">Run the examples</button></p>'
      + '<div class="rules-example-results"></div></div>'
      + '<div class="rules-section"><h3>Replay on real requests</h3>'
      + '<p>Runs your edit and the version in force on the inputs recorded for the last real evaluations, and shows which outcomes would change.</p>'
      + '<p class="rules-actions form-inline"><label>Last <input type="number" min="1" max="500" value="50" class="form-control input-sm rules-replay-count"> evaluations</label> '
      + '<button type="button" class="btn btn-primary btn-sm rules-replay">Replay</button>'
      + '<label><input type="checkbox" class="rules-only-changes" checked> only the cases that change</label></p>'
      + '<div class="rules-replay-results"></div></div>'
      + '<div class="rules-section"><h3>Deploy or roll back</h3>'
      + '<p><label for="rules-reason">Why (kept with the new version, shown to auditors)</label><br>'
      + '<textarea id="rules-reason" class="form-control rules-reason" rows="2" maxlength="1000"></textarea></p>'
      + '<p class="rules-actions"><button type="button" class="btn btn-danger btn-sm rules-deploy">Deploy as a new version</button></p>'
      + '<div class="rules-deploy-result"></div></div>';
  }
  html += '<div class="rules-section"><h3>Versions</h3>'
    + table('rules-versions', ['Version', 'Deployed by', 'When', 'Why', 'What changed', ''],
      decision.versions.map((v) => [esc(v.version) + (v.inForce ? ' <b>(in force)</b>' : ''), esc(v.changedBy), when(v.changedAt),
        esc(v.reason), esc(v.summary),
        editable && !v.inForce ? '<button type="button" class="btn btn-default btn-xs rules-rollback" data-version="'
          + esc(v.version) + '">Roll back to this version</button>' : '']))
    + '</div></div>';
  return html;
}

function renderReview(review) {
  let html = review.problems.length
    ? '<div class="rules-problems rules-error"><b>The engine would refuse this file:</b><ul>'
      + review.problems.map((p) => '<li>' + esc(p) + '</li>').join('') + '</ul></div>'
    : '<p class="rules-ok rules-problems-none">Passes the checks applied at deployment (FEEL, columns and hit policy the process relies on).</p>';
  const changes = [];
  review.diff.forEach((d) => d.changes.forEach((c) => changes.push([esc(d.decisionKey), esc(c.kind.replace(/_/g, ' ').toLowerCase()),
    esc(c.element), esc(c.detail)])));
  html += '<p>Compared with the version in force: ' + esc(review.diff.map((d) => d.decisionKey + ': ' + d.summary).join('; ')) + '</p>'
    + (changes.length ? table('rules-diff', ['Decision', 'Change', 'Rule or column', 'Before → after'], changes) : '');
  return html;
}

function outcome(o) {
  return esc(o.text);
}

function renderComparison(cases, onlyChanges) {
  const shown = onlyChanges ? cases.filter((c) => c.changed) : cases;
  return table('rules-comparison', ['Case', 'Inputs', 'Version in force', 'Your edit', 'Changes?', 'Why'],
    shown.map((c) => [esc(c.case) + (c.evaluatedAt ? '<br><small>' + when(c.evaluatedAt) + (c.recordedVersion ? ', v' + esc(c.recordedVersion) : '') + '</small>' : ''),
      esc((c.inputs || []).join('\n')), c.inForce ? outcome(c.inForce) : '', c.edited ? outcome(c.edited) : esc(c.error),
      c.changed ? '<b>yes</b>' : 'no', esc(c.why || c.error || '')]),
    (i) => (shown[i].changed ? 'rules-changed' : ''));
}

function renderPage(node, api) {
  node.innerHTML = '<style>' + STYLE + '</style><div class="rules-page"><div class="rules-message"></div><div class="rules-content"><p>Loading…</p></div></div>';
  const message = node.querySelector('.rules-message');
  const content = node.querySelector('.rules-content');
  let access = null;
  let modeler = null;
  let current = null;
  let examples = [];
  let inputs = [];
  let reviewTimer = null;

  function fail(error) {
    message.innerHTML = '<p class="rules-error">' + esc(error.message) + '</p>';
  }

  function say(text, ok) {
    message.innerHTML = '<p class="' + (ok ? 'rules-ok' : 'rules-error') + '">' + esc(text) + '</p>';
  }

  async function xml() {
    const saved = await modeler.saveXML({ format: true });
    return saved.xml;
  }

  async function list() {
    message.innerHTML = '';
    if (modeler) {
      modeler.destroy();
      modeler = null;
    }
    try {
      content.innerHTML = renderList(await call(api, 'GET', 'decisions'), access);
    } catch (error) {
      content.innerHTML = '';
      fail(error);
    }
  }

  async function review() {
    const area = content.querySelector('.rules-review');
    if (!area) {
      return;
    }
    try {
      area.innerHTML = renderReview(await call(api, 'POST', 'decisions/' + encodeURIComponent(current.key) + '/review', { xml: await xml() }));
    } catch (error) {
      area.innerHTML = '<p class="rules-error">' + esc(error.message) + '</p>';
    }
  }

  function renderExamples() {
    const area = content.querySelector('.rules-examples');
    area.innerHTML = table('rules-example-table', inputs.map((i) => i.label + (i.type ? ' (' + i.type + ')' : '')),
      examples.map((example, row) => inputs.map((i) => '<input class="form-control input-sm rules-example-value" data-row="' + row
        + '" data-input="' + esc(i.id) + '" value="' + esc(example[i.id] || '') + '">')));
  }

  async function loadInputs() {
    inputs = await call(api, 'POST', 'decisions/' + encodeURIComponent(current.key) + '/inputs', { xml: await xml() });
    if (!examples.length) {
      examples.push({});
    }
    renderExamples();
  }

  async function open(key) {
    message.innerHTML = '';
    content.innerHTML = '<p>Opening ' + esc(key) + '…</p>';
    try {
      current = await call(api, 'GET', 'decisions/' + encodeURIComponent(key));
      examples = [];
      content.innerHTML = renderDecision(current, access);
      const { DmnModeler } = bpmnIo();
      modeler = new DmnModeler({ container: content.querySelector('.rules-editor') });
      await modeler.importXML(current.xml);
      const view = modeler.getViews().find((v) => v.type === 'decisionTable' && v.element.id === key);
      if (view) {
        await modeler.open(view);
      }
      content.querySelector('.rules-decision').setAttribute('data-ready', 'true');
      if (access.edit && current.governed) {
        modeler.on('views.changed', () => {});
        const active = modeler.getActiveViewer();
        active.get('eventBus').on('elements.changed', () => {
          clearTimeout(reviewTimer);
          reviewTimer = setTimeout(review, 400);
        });
        await loadInputs();
      }
    } catch (error) {
      fail(error);
    }
  }

  async function runExamples() {
    const area = content.querySelector('.rules-example-results');
    area.innerHTML = '<p>Running…</p>';
    try {
      const results = await call(api, 'POST', 'decisions/' + encodeURIComponent(current.key) + '/try', { xml: await xml(), cases: examples });
      area.innerHTML = renderComparison(results, false);
    } catch (error) {
      area.innerHTML = '<p class="rules-error">' + esc(error.message) + '</p>';
    }
  }

  async function replay() {
    const area = content.querySelector('.rules-replay-results');
    area.innerHTML = '<p>Replaying…</p>';
    try {
      const last = parseInt(content.querySelector('.rules-replay-count').value, 10) || 50;
      const result = await call(api, 'POST', 'decisions/' + encodeURIComponent(current.key) + '/replay', { xml: await xml(), last });
      const only = content.querySelector('.rules-only-changes').checked;
      area.innerHTML = '<p class="rules-replay-summary"><b>' + esc(result.changed) + ' of ' + esc(result.replayed)
        + '</b> recorded evaluations would have another outcome with your edit'
        + (result.notReplayed ? ' (' + esc(result.notReplayed) + ' could not be replayed)' : '') + '.</p>'
        + renderComparison(result.cases, only);
    } catch (error) {
      area.innerHTML = '<p class="rules-error">' + esc(error.message) + '</p>';
    }
  }

  async function deploy(version) {
    const reason = content.querySelector('.rules-reason').value.trim();
    const area = content.querySelector('.rules-deploy-result');
    if (!reason) {
      area.innerHTML = '<p class="rules-error">Say why the rules change: the reason is kept with the new version.</p>';
      return;
    }
    try {
      const key = current.key;
      const result = version
        ? await call(api, 'POST', 'decisions/' + encodeURIComponent(key) + '/rollback', { version, reason })
        : await call(api, 'POST', 'decisions/' + encodeURIComponent(key) + '/deploy', { xml: await xml(), reason });
      await open(key);
      say((version ? 'Rolled back: version ' + version + ' is in force again as version ' : 'Deployed as version ')
        + result.decision.version + '.', true);
    } catch (error) {
      area.innerHTML = '<p class="rules-error">' + esc(error.message) + '</p>';
    }
  }

  content.addEventListener('click', (event) => {
    const target = event.target;
    if (target.closest('a.rules-open')) {
      event.preventDefault();
      open(target.closest('a.rules-open').getAttribute('data-key'));
    } else if (target.closest('a.rules-back')) {
      event.preventDefault();
      list();
    } else if (target.closest('.rules-add-example')) {
      examples.push({});
      renderExamples();
    } else if (target.closest('.rules-run-examples')) {
      runExamples();
    } else if (target.closest('.rules-replay')) {
      replay();
    } else if (target.closest('.rules-deploy')) {
      deploy(null);
    } else if (target.closest('.rules-rollback')) {
      deploy(parseInt(target.closest('.rules-rollback').getAttribute('data-version'), 10));
    }
  });
  content.addEventListener('input', (event) => {
    const field = event.target.closest('.rules-example-value');
    if (field) {
      examples[parseInt(field.getAttribute('data-row'), 10)][field.getAttribute('data-input')] = field.value;
    }
  });

  call(api, 'GET', 'access').then((answer) => {
    access = answer;
    const wanted = (window.location.hash.match(/[?&]open=([^&]+)/) || [])[1];
    return wanted ? open(decodeURIComponent(wanted)) : list();
  }).catch((error) => {
    content.innerHTML = '';
    fail(error.status === 403 ? new Error('Only CFOB, auditors and administrators may see the rules.') : error);
  });
}

export default [
  {
    id: 'microacquisition.rules.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 35,
    properties: { path: '/rules', label: 'Rules' },
    render: (node, { api }) => {
      node.innerHTML = '';
      call(api, 'GET', 'access').then((access) => {
        if (access && access.read) {
          node.innerHTML = '<a href="#/rules" class="rules-navigation">Rules</a>';
        }
      }).catch(() => {
        node.innerHTML = '';
      });
    }
  },
  {
    id: 'microacquisition.rules.page',
    pluginPoint: 'cockpit.route',
    properties: { path: '/rules', label: 'Rules' },
    render: (node, { api }) => renderPage(node, api)
  }
];
