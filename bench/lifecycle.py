#!/usr/bin/env python3
"""Drives whole procurements against a running service (embedded default with the demo users) and reports the
service's own latency: with every human step answered at once, the time from the request to the payment is the
time of the HTTP calls plus the time spent waiting for the asynchronous steps. The proposal deadline timer is executed through the REST API (as an operator
would in Cockpit) instead of waiting for it.

    python3 bench/lifecycle.py [--base http://localhost:8080] [--runs 5]
"""
import argparse, base64, datetime, json, statistics, time, urllib.error, urllib.request, uuid

parser = argparse.ArgumentParser()
parser.add_argument('--base', default='http://localhost:8080')
parser.add_argument('--runs', type=int, default=5)
args = parser.parse_args()
BASE = args.base.rstrip('/')


class Clock:
    def __init__(self):
        self.http = 0.0
        self.waiting = 0.0


def call(clock, method, path, user=None, password=None, body=None):
    request = urllib.request.Request(BASE + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={'Content-Type': 'application/json'})
    if user:
        token = base64.b64encode(f'{user}:{password or user}'.encode()).decode()
        request.add_header('Authorization', 'Basic ' + token)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        text, status = error.read().decode(), error.code
    clock.http += time.perf_counter() - started
    return status, (json.loads(text) if text and text[0] in '[{' else text)


def wait_for(clock, what, check, timeout=30):
    started, http_before = time.perf_counter(), clock.http
    while time.perf_counter() - started < timeout:
        result = check()
        if result:
            # the polling calls are already counted as HTTP time
            clock.waiting += time.perf_counter() - started - (clock.http - http_before)
            return result
        time.sleep(0.02)
    raise SystemExit(f'timed out waiting for {what}')


def lifecycle():
    clock = Clock()
    v = lambda x: {'value': x}
    owner_team = uuid.uuid4().hex[:8]
    deadline = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).replace(microsecond=0)
    form = {'title': v('Benchmark: add a French translation'), 'summary': v('Translate the interface labels into French.'),
            'workDescription': v('Translate messages.properties into messages_fr.properties.'),
            'acceptanceCriteria': v('Every label shows in French'), 'evaluationCriteria': v('Has translated software before'),
            'skills': v('French'), 'estimatedValue': v('900.00'), 'securityClassification': v('UNCLASSIFIED'),
            'remoteWork': v(True), 'repositoryUrl': v('local://esdc/demo-widget'), 'license': v('MIT'),
            'containsPersonalInformation': v(False), 'proposalDeadline': v(deadline.isoformat()), 'deliveryDays': v(10),
            'department': v('ESDC'), 'team': v('Benchmark ' + owner_team)}
    total = time.perf_counter()
    status, started = call(clock, 'POST', '/engine-rest/process-definition/key/MicroProcurement/submit-form', 'requester',
                           body={'variables': form})
    assert status == 200, started
    pid, ref = started['id'], started['businessKey']

    def task(key, user):
        def find():
            _, tasks = call(clock, 'GET', f'/engine-rest/task?processInstanceId={pid}&taskDefinitionKey={key}', user)
            return tasks[0]['id'] if tasks else None
        task_id = wait_for(clock, key, find)
        call(clock, 'POST', f'/engine-rest/task/{task_id}/claim', user, body={'userId': user})
        return task_id

    def submit(key, user, values):
        task_id = task(key, user)
        status, body = call(clock, 'POST', f'/engine-rest/task/{task_id}/submit-form', user,
                            body={'variables': {k: v(x) for k, x in values.items()}})
        assert status == 204, (key, body)

    submit('AttestCapacity', 'manager', {'capacityAttestation': 'CAPACITY_UNAVAILABLE',
                                         'capacityRationale': 'Both teams are booked until spring.'})
    submit('CommitFunds', 'manager', {'fundsDecision': 'COMMITTED', 'financialCoding': 'FC-1234',
                                      'paymentMethod': 'pm_card_visa', 'section32Certified': True})
    if wait_for(clock, 'posting or referral', lambda: call(clock, 'GET', f'/engine-rest/task?processInstanceId={pid}&taskDefinitionKey=ReviewSplittingReferral', 'officer')[1]
                or call(clock, 'GET', f'/api/opportunities/{ref}')[0] == 200):
        _, referral = call(clock, 'GET', f'/engine-rest/task?processInstanceId={pid}&taskDefinitionKey=ReviewSplittingReferral', 'officer')
        if referral:
            submit('ReviewSplittingReferral', 'officer', {'splittingDecision': 'APPROVE',
                                                          'splittingRationale': 'Benchmark runs reuse the demo repository.'})
    wait_for(clock, 'posting', lambda: call(clock, 'GET', f'/api/opportunities/{ref}')[1].get('status') == 'OPEN')
    email = f'bench-{uuid.uuid4().hex[:10]}@example.com'
    call(clock, 'POST', '/api/suppliers', body={'email': email, 'password': 'a long enough password', 'displayName': 'Bench',
                                                'language': 'en', 'declarations': {'ageOfMajority': True, 'status': 'CITIZEN',
                                                                                    'canAcceptCardOrPayPal': True}})
    status, body = call(clock, 'POST', f'/api/opportunities/{ref}/proposals', email, 'a long enough password',
                        body={'acceptTerms': True, 'statements': [{'criterionId': 'C1', 'text': 'I translated two applications.'}]})
    assert status == 201, body
    _, timers = call(clock, 'GET', f'/engine-rest/job?processInstanceId={pid}&timers=true', 'admin')
    call(clock, 'POST', f"/engine-rest/job/{timers[0]['id']}/execute", 'admin')
    evaluate = task('EvaluateProposals', 'evaluator')
    _, variables = call(clock, 'GET', f'/engine-rest/task/{evaluate}/form-variables?deserializeValues=false', 'evaluator')
    sheet = json.loads(variables['evaluationSheet']['value'])
    for row in sheet:
        row['result'], row['rationale'] = 'PASS', 'The statement shows the criterion is met.'
    call(clock, 'POST', f'/engine-rest/task/{evaluate}/submit-form', 'evaluator',
         body={'variables': {'evaluationSheet': {'type': 'Json', 'value': json.dumps(sheet)},
                             'conflictOfInterestDeclared': v(True)}})
    contract = wait_for(clock, 'award', lambda: call(clock, 'GET', '/api/me/contracts', email, 'a long enough password')[1])
    status, body = call(clock, 'POST', f"/api/contracts/{contract[0]['id']}/deliveries", email, 'a long enough password',
                        body={'pullRequestUrl': 'local://esdc/demo-widget/pull/feature/improve-readme'})
    assert status == 201, body
    submit('AcceptWork', 'requester', {'acceptanceDecision': 'ACCEPT', 'section34Certified': True})
    wait_for(clock, 'payment', lambda: call(clock, 'GET', '/api/me/contracts', email, 'a long enough password')[1][0]
             .get('paymentStatus') == 'SUCCEEDED')
    return time.perf_counter() - total, clock


results = []
for run in range(args.runs):
    wall, clock = lifecycle()
    results.append(wall)
    print(f'run {run + 1}: {wall:.2f} s from request to payment ({clock.http:.2f} s in HTTP calls, '
          f'{clock.waiting:.2f} s waiting for asynchronous steps between them)')
print(f'median {statistics.median(results):.2f} s, max {max(results):.2f} s over {len(results)} lifecycles '
      f'(target: under 2 s each)')
