/*
 * Micro-Acquisition: the "Audit" page in Camunda Cockpit (Cockpit 7.x plugin format, plain JavaScript, no build).
 * Read-only. Data comes from the plugin's REST resources, /camunda/api/cockpit/plugin/audit/{engine}/..., which
 * answer only members of "auditors" and "camunda-admin".
 */

import { bpmnIo } from './bpmn-io.js';

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
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  }));
}

function base(api) {
  return api.cockpitApi + '/plugin/audit/' + encodeURIComponent(api.engine);
}

async function getJson(api, path) {
  const response = await fetch(base(api) + '/' + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = { detail: text };
  }
  if (!response.ok) {
    const error = new Error((body && body.detail) || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return body;
}

function query(params) {
  const parts = [];
  Object.keys(params).forEach((key) => {
    if (params[key]) {
      parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(params[key]));
    }
  });
  return parts.length ? '?' + parts.join('&') : '';
}

function table(cssClass, headers, rows) {
  if (!rows.length) {
    return '<p class="audit-none">None recorded.</p>';
  }
  return '<table class="table table-condensed audit-table ' + cssClass + '"><thead><tr>'
    + headers.map((h) => '<th>' + esc(h) + '</th>').join('')
    + '</tr></thead><tbody>'
    + rows.map((r) => '<tr>' + r.map((c) => '<td>' + c + '</td>').join('') + '</tr>').join('')
    + '</tbody></table>';
}

function lines(values) {
  return values.map((v) => esc(v)).join('<br>');
}

const STYLE = `
.audit-page { position: absolute; top: 0; bottom: 0; left: 0; right: 0; overflow: auto; padding: 15px 20px; }
.audit-page h2 { margin-top: 0; }
.audit-page h3 { margin-top: 25px; font-size: 16px; }
.audit-page form.audit-search label { margin-right: 10px; font-weight: normal; }
.audit-page form.audit-search input, .audit-page form.audit-search select { margin-left: 4px; }
.audit-page .audit-table td { vertical-align: top; white-space: pre-wrap; word-break: break-word; }
.audit-page .audit-results tbody tr { cursor: pointer; }
.audit-page .audit-results tbody tr:hover { background: #eef; }
.audit-page .audit-error { color: #b00; }
.audit-page .audit-links a { margin-right: 15px; }
.audit-page .audit-diagram { height: 380px; border: 1px solid #ccc; background: #fff; position: relative; }
.audit-page .audit-legend span { display: inline-block; margin-right: 15px; }
.audit-page .audit-legend i { display: inline-block; width: 14px; height: 10px; margin-right: 4px; border: 2px solid; }
.audit-page .audit-details { border: 1px solid #ccc; padding: 8px 12px; margin-top: 8px; background: #fafafa; }
.audit-page .audit-details h4 { margin-top: 0; }
.audit-diagram .djs-element.audit-ran .djs-visual > :first-child { stroke: #2e7d32 !important; stroke-width: 3px !important; fill: #e8f5e9 !important; }
.audit-diagram .djs-element.audit-waiting .djs-visual > :first-child { stroke: #e65100 !important; stroke-width: 4px !important; fill: #fff3e0 !important; }
.audit-diagram .djs-element.audit-fired .djs-visual > :first-child { stroke: #6a1b9a !important; stroke-width: 3px !important; fill: #f3e5f5 !important; }
.audit-diagram .djs-element.audit-end .djs-visual > :first-child { stroke: #b71c1c !important; stroke-width: 5px !important; fill: #ffebee !important; }
.audit-diagram .djs-element.audit-container .djs-visual > :first-child { fill: none !important; fill-opacity: 0 !important; }
.audit-diagram .djs-element.audit-cancelled .djs-visual > :first-child { stroke-dasharray: 6 3 !important; }
.audit-diagram .djs-element.audit-selected .djs-visual > :first-child { stroke: #0d47a1 !important; }
.audit-diagram .djs-element.audit-ran, .audit-diagram .djs-element.audit-waiting { cursor: pointer; }
.audit-count { background: #2e7d32; color: #fff; border-radius: 9px; padding: 0 6px; font-size: 11px; white-space: nowrap; }
.audit-count.audit-count-waiting { background: #e65100; }
`;

function renderSearchForm(values) {
  return '<form class="audit-search form-inline">'
    + '<label>Reference<input class="form-control input-sm" name="reference" value="' + esc(values.reference) + '" placeholder="MA-2026-0001"></label>'
    + '<label>Requester<input class="form-control input-sm" name="requester" value="' + esc(values.requester) + '"></label>'
    + '<label>Supplier<input class="form-control input-sm" name="supplier" value="' + esc(values.supplier) + '"></label>'
    + '<label>Requested from<input class="form-control input-sm" type="date" name="from" value="' + esc(values.from) + '"></label>'
    + '<label>to<input class="form-control input-sm" type="date" name="to" value="' + esc(values.to) + '"></label>'
    + '<label>State<select class="form-control input-sm" name="state">'
    + ['', 'running', 'finished'].map((s) => '<option value="' + s + '"' + (values.state === s ? ' selected' : '') + '>'
      + (s || 'all') + '</option>').join('')
    + '</select></label>'
    + '<button type="submit" class="btn btn-sm btn-primary audit-search-button">Search</button>'
    + '</form>';
}

function renderResults(results) {
  if (!results.length) {
    return '<p class="audit-none">No procurement matches.</p>';
  }
  return table('audit-results',
    ['Reference', 'Title', 'Requester', 'Supplier', 'Requested', 'Process', 'Request status', 'Value (CAD)'],
    results.map((r) => [
      '<a href="" class="audit-open" data-reference="' + esc(r.reference) + '">' + esc(r.reference) + '</a>',
      esc(r.title), esc(r.requester), esc((r.suppliers || []).join(', ')), when(r.requestedAt),
      esc(r.state) + (r.endedAt ? ' ' + when(r.endedAt) : ''), esc(r.opportunityStatus), esc(r.value)
    ]));
}


// ------------------------------------------------------------------ the path on the diagram

const GATEWAY = /Gateway$/;
const QUIET_TYPES = ['multiInstanceBody'];

function activityName(a) {
  return a.name || a.activityId;
}

function isBoundary(type) {
  return type && type.indexOf('boundary') === 0;
}

function isEnd(type) {
  return type && /EndEvent$|^noneEndEvent$|^endEvent$/.test(type);
}

/** What happened at each activity of the diagram: runs, open runs, whether it was a boundary event or an end. */
function pathOf(trail) {
  const path = {};
  trail.activities.forEach((a) => {
    const entry = path[a.activityId] || (path[a.activityId] = { runs: [], open: 0, cancelled: 0, type: a.type });
    entry.runs.push(a);
    if (!a.endedAt) {
      entry.open += 1;
    } else if (a.canceled) {
      entry.cancelled += 1;
    }
  });
  return path;
}

function decisionSummary(d) {
  const values = d.outputs.map((o) => o.value).filter((v) => v !== null && v !== undefined && v !== '');
  const key = d.decisionKey;
  const name = d.decisionName || key;
  if (key === 'Eligibility') {
    return name + ': ' + (d.outputs.length ? 'not eligible — ' + values.join('; ') : 'eligible — no rule matched');
  }
  if (key === 'ContractSplitting') {
    return name + ': ' + (d.outputs.length ? values.join(' — ') : 'no splitting risk — no rule matched');
  }
  if (key === 'QaGate') {
    return name + ': ' + (d.outputs.length ? values.join(' — ') : 'passed — no rule matched');
  }
  return name + ': ' + (d.outputs.length ? d.outputs.map((o) => o.name + ' ' + o.value).join(', ') : 'no rule matched');
}

const OPERATIONS = {
  Claim: 'claimed', Assign: 'assigned', Delegate: 'delegated', SetOwner: 'owner changed', Unclaim: 'released',
  Resolve: 'resolved', SetPriority: 'priority changed', Suspend: 'suspended', Activate: 'resumed',
  SetJobRetries: 'retries set', Delete: 'deleted', ModifyProcessInstance: 'process instance modified',
  Migrate: 'migrated'
};

/** The timeline in words: one line per thing a person would tell, oldest first. */
function readableTimeline(trail) {
  const entries = [];
  const names = {};
  trail.activities.forEach((a) => { names[a.activityId] = activityName(a); });
  let submitted = false;
  trail.activities.forEach((a) => {
    if (GATEWAY.test(a.type || '') || QUIET_TYPES.indexOf(a.type) >= 0) {
      return;
    }
    let text;
    if (a.type === 'startEvent' && a.who && !submitted) {
      submitted = true;
      text = 'Request submitted by ' + a.who;
    } else if (a.type === 'userTask') {
      text = activityName(a) + (a.endedAt ? (a.canceled ? ' — withdrawn from the inbox (not needed any more)'
        : ' — done' + (a.who ? ' by ' + a.who : '')) : ' — waiting' + (a.who ? ' (assigned to ' + a.who + ')' : ''));
    } else if (isBoundary(a.type)) {
      text = activityName(a) + ' — happened';
    } else if (isEnd(a.type)) {
      text = 'Ended: ' + activityName(a);
    } else if (a.type === 'startEvent') {
      text = 'Started: ' + activityName(a);
    } else if (a.type === 'intermediateTimer') {
      text = activityName(a) + (a.endedAt ? ' — time reached' : ' — waiting for the time');
    } else if (a.type === 'subProcess') {
      text = activityName(a) + (a.endedAt ? (a.canceled ? ' — interrupted' : ' — finished') : ' — under way');
    } else {
      text = activityName(a) + (a.endedAt ? (a.canceled ? ' — interrupted' : '') : ' — in progress');
    }
    entries.push({ at: a.startedAt, what: text, who: a.type === 'userTask' || a.type === 'startEvent' ? a.who : '' });
  });
  trail.decisions.forEach((d) => entries.push({ at: d.evaluatedAt, what: decisionSummary(d), who: 'rules (version ' + d.version + ')' }));
  trail.operations.forEach((o) => {
    if (o.operationType === 'Complete' || o.operationType === 'Create') {
      return; // told by the task and the request lines
    }
    const done = OPERATIONS[o.operationType] || (o.operationType + ' ' + o.entityType).toLowerCase();
    entries.push({ at: o.at, what: (o.entityType === 'Task' ? 'Task ' : o.entityType + ' ') + done
      + (o.property && o.newValue ? ': ' + o.property + ' ' + o.newValue : ''), who: o.user });
  });
  trail.incidents.forEach((i) => entries.push({ at: i.createdAt, what: 'Problem at ' + (names[i.activityId] || i.activityId)
    + ': ' + (i.message || i.type) + ' (' + i.state.toLowerCase() + ')', who: '' }));
  trail.payments.forEach((p) => entries.push({ at: p.createdAt, what: 'Card payment attempt ' + p.attempt + ': '
    + String(p.status).toLowerCase() + ', ' + p.amount + ' ' + p.currency, who: p.recordedBy }));
  entries.sort((x, y) => String(x.at || '').localeCompare(String(y.at || '')));
  return entries;
}

function renderDetails(trail, activityId, path) {
  const entry = path[activityId];
  if (!entry) {
    return '<p>Nothing happened here in this procurement.</p>';
  }
  const runs = entry.runs;
  const taskIds = runs.map((r) => r.taskId).filter((t) => t);
  const startEvent = runs.some((r) => r.type === 'startEvent' && r.who);
  const forms = trail.formSubmissions.filter((f) => (f.taskId && taskIds.indexOf(f.taskId) >= 0)
    || (startEvent && !f.taskId && /start/.test(f.form)));
  const decisions = trail.decisions.filter((d) => d.activityId === activityId);
  let html = '<h4 class="audit-details-title">' + esc(activityName(runs[0])) + '</h4>';
  html += table('audit-details-runs', ['Started', 'Ended', 'Who'], runs.map((r) => [when(r.startedAt),
    r.endedAt ? when(r.endedAt) + (r.canceled ? ' (interrupted)' : '') : '<b>waiting here</b>', esc(r.who)]));
  if (forms.length) {
    html += '<h5>Form values submitted</h5>' + table('audit-details-forms', ['When', 'Who', 'Values'],
      forms.map((f) => [when(f.submittedAt), esc(f.submittedBy), lines(f.values.map((v) => v.name + ' = ' + v.value))]));
  }
  decisions.forEach((d) => {
    html += '<h5>' + esc(decisionSummary(d)) + '</h5>' + table('audit-details-decision', ['Inputs', 'Matched rules and outputs'],
      [[lines(d.inputs.map((i) => i.name + ' = ' + i.value)),
        d.outputs.length ? lines(d.outputs.map((o) => 'rule ' + (o.ruleOrder || '') + ' (' + o.ruleId + '): ' + o.name + ' = ' + o.value))
          : 'no rule matched']]);
    html += '<p><small>Decision ' + esc(d.decisionKey) + ', version ' + esc(d.version) + ', evaluated ' + when(d.evaluatedAt) + '.</small></p>';
  });
  return html;
}

async function drawDiagram(api, node, trail) {
  const area = node.querySelector('.audit-diagram');
  const details = node.querySelector('.audit-details');
  const caption = node.querySelector('.audit-diagram-caption');
  let diagram;
  try {
    diagram = await getJson(api, 'procurements/' + encodeURIComponent(trail.summary.reference) + '/diagram');
  } catch (error) {
    area.outerHTML = '<p class="audit-error">The diagram cannot be shown: ' + esc(error.message) + '</p>';
    return;
  }
  caption.textContent = 'Process "' + (diagram.name || diagram.key) + '", version ' + diagram.version
    + ' (the version this procurement ran on).';
  const { BpmnViewer } = bpmnIo();
  const viewer = new BpmnViewer({ container: area });
  await viewer.importXML(diagram.xml);
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport');
  const path = pathOf(trail);
  Object.keys(path).forEach((id) => {
    const entry = path[id];
    if (!registry.get(id)) {
      return;
    }
    const marker = entry.open ? 'audit-waiting' : isBoundary(entry.type) ? 'audit-fired'
      : isEnd(entry.type) ? 'audit-end' : 'audit-ran';
    canvas.addMarker(id, marker);
    if (entry.type === 'subProcess') {
      canvas.addMarker(id, 'audit-container'); // a border only: the steps inside carry the colours
    }
    if (!entry.open && entry.cancelled === entry.runs.length) {
      canvas.addMarker(id, 'audit-cancelled');
    }
    if (!GATEWAY.test(entry.type || '')) {
      const label = entry.open ? 'waiting' + (entry.runs.length > 1 ? ' · ' + entry.runs.length + '×' : '')
        : entry.runs.length + '×';
      overlays.add(id, 'audit-count', {
        position: { top: -9, right: 12 },
        html: '<span class="audit-count' + (entry.open ? ' audit-count-waiting' : '') + '" data-activity="'
          + esc(id) + '">' + esc(label) + '</span>'
      });
    }
  });
  let selected = null;
  viewer.get('eventBus').on('element.click', (event) => {
    const id = event.element && event.element.id;
    if (!id || !path[id]) {
      return;
    }
    if (selected) {
      canvas.removeMarker(selected, 'audit-selected');
    }
    selected = id;
    canvas.addMarker(id, 'audit-selected');
    details.innerHTML = renderDetails(trail, id, path);
  });
  node.querySelector('.audit-diagram-area').setAttribute('data-drawn', 'true');
  // The viewer is reachable for tests and for keyboard users' "show details" links.
  node.querySelector('.audit-diagram-area').auditShow = (id) => viewer.get('eventBus').fire('element.click',
    { element: registry.get(id) });
}

function renderTrail(api, trail) {
  const s = trail.summary;
  const ref = encodeURIComponent(s.reference);
  let html = '<div class="audit-trail" data-reference="' + esc(s.reference) + '">';
  html += '<h2>' + esc(s.reference) + ': ' + esc(s.title) + '</h2>';
  html += '<p>Requested by <b>' + esc(s.requester) + '</b> (' + esc(s.department) + ', ' + esc(s.team) + ') on '
    + when(s.requestedAt) + '; value ' + esc(s.value) + ' CAD; process ' + esc(s.state)
    + '; request ' + esc(s.opportunityStatus) + '. Times in ' + ZONE + '.</p>';
  html += '<p class="audit-links">Export: '
    + '<a href="' + base(api) + '/procurements/' + ref + '/export.csv">CSV</a>'
    + '<a href="' + base(api) + '/procurements/' + ref + '" target="_blank">JSON</a>'
    + '<a href="' + base(api) + '/procurements/' + ref + '/export.html" target="_blank">Printable page</a>'
    + '<a href="" class="audit-back">Back to the search</a></p>';

  html += '<div class="audit-diagram-area"><h3>Path on the diagram</h3>'
    + '<p class="audit-diagram-caption"></p>'
    + '<p class="audit-legend"><span><i style="border-color:#2e7d32;background:#e8f5e9"></i>ran (count shown)</span>'
    + '<span><i style="border-color:#e65100;background:#fff3e0"></i>waiting here now</span>'
    + '<span><i style="border-color:#6a1b9a;background:#f3e5f5"></i>boundary event that fired</span>'
    + '<span><i style="border-color:#b71c1c;background:#ffebee"></i>where it ended</span>'
    + '<span>Click a highlighted step for who, when, the values submitted and the rules applied.</span></p>'
    + '<div class="audit-diagram"></div><div class="audit-details"><p>No step selected.</p></div></div>';

  html += '<h3>Timeline</h3>' + table('audit-timeline', ['When', 'What happened', 'Who'],
    readableTimeline(trail).map((t) => [when(t.at), esc(t.what), esc(t.who)]));

  html += '<h3>Activities</h3>' + table('audit-activities', ['Started', 'Ended', 'Activity', 'Type', 'Who'],
    trail.activities.map((a) => [when(a.startedAt), a.endedAt ? when(a.endedAt) : (a.canceled ? 'cancelled' : 'open'),
      esc(a.name || a.activityId) + '<br><small>' + esc(a.activityId) + '</small>', esc(a.type), esc(a.who)]));

  html += '<h3>Decisions</h3>' + table('audit-decisions', ['When', 'Decision', 'Version', 'At', 'Inputs', 'Outputs'],
    trail.decisions.map((d) => [when(d.evaluatedAt), esc(d.decisionKey), esc(d.version), esc(d.activityId),
      lines(d.inputs.map((i) => i.name + ' = ' + i.value)),
      d.outputs.length ? lines(d.outputs.map((o) => o.name + ' = ' + o.value + ' (rule ' + o.ruleId + ')')) : 'no rule matched']));

  html += '<h3>Form submissions</h3>' + table('audit-forms', ['When', 'Who', 'Form', 'Values'],
    trail.formSubmissions.map((f) => [when(f.submittedAt), esc(f.submittedBy), esc(f.form),
      lines(f.values.map((v) => v.name + ' = ' + v.value))]));

  html += '<h3>User operations</h3>' + table('audit-operations', ['When', 'Who', 'Operation', 'Property', 'Old value', 'New value'],
    trail.operations.map((o) => [when(o.at), esc(o.user), esc(o.operationType + ' ' + o.entityType), esc(o.property),
      esc(o.orgValue), esc(o.newValue)]));

  html += '<h3>Incidents</h3>' + table('audit-incidents', ['Created', 'Type', 'Activity', 'State', 'Message'],
    trail.incidents.map((i) => [when(i.createdAt), esc(i.type), esc(i.activityId), esc(i.state), esc(i.message)]));

  html += '<h3>Evaluation (pass/fail with rationale)</h3>' + table('audit-evaluations',
    ['Proposal', 'Criterion', 'Result', 'Rationale', 'Evaluator', 'When'],
    trail.evaluations.map((e) => [esc(e.proposalLabel), esc(e.criterionId + ': ' + (e.criterionText || '')), esc(e.result),
      esc(e.rationale), esc(e.evaluator), when(e.evaluatedAt)]));

  html += '<h3>Random draw</h3>' + table('audit-draws',
    ['When', 'Seed', 'Passing proposals (label order)', 'Drawn order (winner first)', 'Replay gives the same order'],
    trail.draws.map((d) => [when(d.drawnAt), esc(d.seed), esc(d.inputLabels.join(' ')), esc(d.orderLabels.join(' ')),
      d.replayMatches ? 'yes' : '<b class="audit-error">NO</b>']));

  html += '<h3>Contracts</h3>' + table('audit-contracts', ['Awarded', 'Supplier', 'Proposal', 'Price', 'Due', 'Status', 'Accepted'],
    trail.contracts.map((c) => [when(c.awardedAt), esc(c.supplier), esc(c.proposalLabel), esc(c.price + ' ' + c.currency),
      when(c.dueDate), esc(c.status + (c.terminationReason ? ': ' + c.terminationReason : '')),
      c.acceptedAt ? when(c.acceptedAt) + ' by ' + esc(c.acceptedBy) : '']));

  html += '<h3>Payment</h3>' + table('audit-payments', ['When', 'Attempt', 'Status', 'Amount', 'Card', 'Reference', 'Message', 'Recorded by'],
    trail.payments.map((p) => [when(p.createdAt), esc(p.attempt), esc(p.status), esc(p.amount + ' ' + p.currency),
      esc(p.paymentMethod), esc(p.providerReference), esc([p.declineCode, p.message].filter((x) => x).join(' ')),
      esc(p.recordedBy)]));
  html += '</div>';
  return html;
}

function renderReports(api, values) {
  const range = query({ from: values.from, to: values.to });
  return '<p class="audit-links">For the requests in the dates above: '
    + '<a href="' + base(api) + '/export.csv' + range + '">Audit export (CSV)</a>'
    + '<a href="' + base(api) + '/export.json' + range + '" target="_blank">Audit export (JSON)</a>'
    + '<a href="' + base(api) + '/metrics' + range + '" target="_blank">Pilot metrics (JSON)</a>'
    + '<a href="' + base(api) + '/open-data/contracts.csv' + range + '">Proactive disclosure (CSV)</a></p>';
}

function hashParams() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  const params = {};
  if (at >= 0) {
    hash.substring(at + 1).split('&').forEach((pair) => {
      const [k, v] = pair.split('=');
      if (k) {
        params[decodeURIComponent(k)] = decodeURIComponent((v || '').replace(/\+/g, ' '));
      }
    });
  }
  return params;
}

function renderPage(node, api) {
  const values = Object.assign({ reference: '', requester: '', supplier: '', from: '', to: '', state: '' }, hashParams());
  node.innerHTML = '<style>' + STYLE + '</style><div class="audit-page">'
    + '<h2>Audit</h2><p>Every procurement, running and finished, with everything recorded about it. Read-only.</p>'
    + '<div class="audit-search-area"></div><div class="audit-reports"></div>'
    + '<div class="audit-message"></div><div class="audit-content"></div></div>';
  const searchArea = node.querySelector('.audit-search-area');
  const reports = node.querySelector('.audit-reports');
  const message = node.querySelector('.audit-message');
  const content = node.querySelector('.audit-content');
  searchArea.innerHTML = renderSearchForm(values);
  reports.innerHTML = renderReports(api, values);

  function fail(error) {
    message.innerHTML = '<p class="audit-error">' + esc(error.status === 403
      ? 'Only auditors and administrators may see the audit trail.' : error.message) + '</p>';
  }

  async function search() {
    message.innerHTML = '';
    content.innerHTML = '<p>Searching…</p>';
    try {
      const results = await getJson(api, 'procurements' + query(values));
      content.innerHTML = renderResults(results);
    } catch (error) {
      content.innerHTML = '';
      fail(error);
    }
  }

  async function open(reference) {
    message.innerHTML = '';
    content.innerHTML = '<p>Loading ' + esc(reference) + '…</p>';
    try {
      const trail = await getJson(api, 'procurements/' + encodeURIComponent(reference));
      content.innerHTML = renderTrail(api, trail);
      drawDiagram(api, content, trail).catch((error) => {
        const area = content.querySelector('.audit-diagram');
        if (area) {
          area.outerHTML = '<p class="audit-error">The diagram cannot be shown: ' + esc(error.message) + '</p>';
        }
      });
    } catch (error) {
      content.innerHTML = '';
      fail(error);
    }
  }

  searchArea.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    ['reference', 'requester', 'supplier', 'from', 'to', 'state'].forEach((name) => {
      values[name] = form.elements[name].value.trim();
    });
    reports.innerHTML = renderReports(api, values);
    search();
  });
  content.addEventListener('click', (event) => {
    const link = event.target.closest('a.audit-open');
    const row = event.target.closest('.audit-results tbody tr');
    if (link || row) {
      event.preventDefault();
      open((link || row.querySelector('a.audit-open')).getAttribute('data-reference'));
    } else if (event.target.closest('a.audit-back')) {
      event.preventDefault();
      search();
    }
  });

  if (values.open) {
    open(values.open);
  } else {
    search();
  }
}

export default [
  {
    id: 'microacquisition.audit.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 40,
    properties: { path: '/audit', label: 'Audit' },
    render: (node, { api }) => {
      // Shown only to those the plugin's resources answer (auditors and administrators).
      node.innerHTML = '';
      getJson(api, 'access').then((access) => {
        if (access && access.allowed) {
          node.innerHTML = '<a href="#/audit" class="audit-navigation">Audit</a>';
        }
      }).catch(() => {
        node.innerHTML = '';
      });
    }
  },
  {
    id: 'microacquisition.audit.page',
    pluginPoint: 'cockpit.route',
    properties: { path: '/audit', label: 'Audit' },
    render: (node, { api }) => renderPage(node, api)
  }
];
