#!/usr/bin/env python3
"""Drives whole lifecycles against a running application with concurrent clients and reports throughput and latency.

  --target service  whole procurements of the Micro-Acquisition service (embedded default, demo users): the staff
                    steps through the engine REST API with exactly the fields of each task's form (as Tasklist
                    submits them), the supplier steps through the supplier API with an API token (POST /api/tokens
                    once, then Bearer). Every human step is answered at once; the proposal deadline timer is executed
                    through the REST API (as an operator would in Cockpit). Procurement i uses the repository
                    local://bench/r<i> (bench/run.sh creates them) and is requested for a team of its own (a Camunda
                    group of type team with the requester in it, created before the run), so the contract-splitting
                    guardrail sees unrelated requests and never refers them. Suppliers are registered as real ones
                    are: once, then they propose again and again with their API token — each supplier wins at most
                    SUPPLIER_AWARDS contracts, below the per-supplier review level of the splitting table, and a
                    client that finds no free supplier registers a new one (the registration, its password hash and
                    the payout onboarding are then part of that procurement's time).
  --target bare     the bare-engine reference (bench/bare-engine): process BareLifecycle, a start and 13 user tasks,
                    each found, claimed and completed through /engine-rest like a Tasklist user.

    python3 bench/lifecycle.py --base http://localhost:18090 --target service --clients 4 --count 40 --warmup 4

The last line is a JSON summary (used by bench/run.sh).
"""
import argparse, base64, datetime, http.cookiejar, json, re, statistics, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

parser = argparse.ArgumentParser()
parser.add_argument('--base', default='http://localhost:8080',
                    help='address of the application; several, comma-separated, for a cluster: lifecycle i talks to '
                         'node i mod n and moves to the next node when its node stops answering')
parser.add_argument('--target', choices=['service', 'bare'], default='service')
parser.add_argument('--clients', type=int, default=4)
parser.add_argument('--count', type=int, default=20, help='lifecycles measured')
parser.add_argument('--warmup', type=int, default=0, help='lifecycles run first and not measured')
parser.add_argument('--first-index', type=int, default=1, help='repository number of the first procurement')
parser.add_argument('--repository-owner', default='bench')
parser.add_argument('--timeout', type=float, default=60, help='seconds to wait for one asynchronous step')
args = parser.parse_args()
BASES = [b.strip().rstrip('/') for b in args.base.split(',') if b.strip()]
PASSWORD = 'a long enough password'
# Contracts one benchmark supplier wins: 40 x $900 stays under the splitting table's per-supplier review level
# ($40,000 in the look-back period, Rule_Policy of ContractSplitting.dmn), so no award is referred for review.
SUPPLIER_AWARDS = 40
RUN = uuid.uuid4().hex[:6]  # names this run's teams
node = threading.local()  # the node this thread's current lifecycle talks to


class Failure(Exception):
    pass


def call(method, path, user=None, password=None, body=None, bearer=None):
    for attempt in range(2 * len(BASES) + 1):
        base = BASES[getattr(node, 'index', 0) % len(BASES)]
        request = urllib.request.Request(base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={'Content-Type': 'application/json'})
        if bearer:
            request.add_header('Authorization', 'Bearer ' + bearer)
        elif user:
            token = base64.b64encode(f'{user}:{password or user}'.encode()).decode()
            request.add_header('Authorization', 'Basic ' + token)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                text = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as error:
            text, status = error.read().decode(), error.code
        except (urllib.error.URLError, ConnectionError) as error:
            if len(BASES) == 1:
                raise
            # the node went away: go on with the next one (a request it had already committed is then sent twice)
            node.index = getattr(node, 'index', 0) + 1
            time.sleep(0.2)
            continue
        return status, (json.loads(text) if text and text[0] in '[{' else text)
    raise Failure(f'no node answered {method} {path}')


def expect(status, body, *ok):
    if status not in ok:
        raise Failure(f'HTTP {status}: {str(body)[:300]}')
    return body


def wait_for(what, check):
    started = time.perf_counter()
    while time.perf_counter() - started < args.timeout:
        result = check()
        if result:
            return result
        time.sleep(0.02)
    raise Failure(f'timed out waiting for {what}')


def v(x):
    return {'value': x}


def find_task(pid, key, user, password=None):
    def find():
        query = f'/engine-rest/task?processInstanceId={pid}' + (f'&taskDefinitionKey={key}' if key else '')
        status, tasks = call('GET', query, user, password)
        return tasks[0]['id'] if status == 200 and tasks else None
    task_id = wait_for(key or 'a task', find)
    expect(*call('POST', f'/engine-rest/task/{task_id}/claim', user, password, body={'userId': user}), 204)
    return task_id


def team_of(index):
    return f'bench-{RUN}-{index}'


def create_teams(first, count):
    """One team per procurement, the requester a member of each (set-up, not measured)."""
    for index in range(first, first + count):
        node.index = index
        expect(*call('POST', '/engine-rest/group/create', 'admin',
                     body={'id': team_of(index), 'name': f'Benchmark team {index}', 'type': 'team'}), 204)
        expect(*call('PUT', f'/engine-rest/group/{team_of(index)}/members/requester', 'admin'), 204)


suppliers, suppliers_lock = [], threading.Lock()


def take_supplier():
    """A registered supplier nobody is using and who can still win a contract, or a new one."""
    with suppliers_lock:
        for supplier in suppliers:
            if not supplier['busy'] and supplier['awards'] < SUPPLIER_AWARDS:
                supplier['busy'] = True
                return supplier
    email = f'bench-{uuid.uuid4().hex[:12]}@example.com'
    expect(*call('POST', '/api/suppliers', body={'email': email, 'password': PASSWORD, 'displayName': 'Bench',
                                                 'language': 'en', 'declarations': {'ageOfMajority': True, 'status': 'CITIZEN',
                                                                                     'canAcceptCardOrPayPal': True}}), 201)
    token = expect(*call('POST', '/api/tokens', email, PASSWORD), 201)['token']
    set_up_payout(token)
    supplier = {'email': email, 'token': token, 'awards': 0, 'busy': True}
    with suppliers_lock:
        suppliers.append(supplier)
    return supplier


def release_supplier(supplier):
    with suppliers_lock:
        supplier['awards'] += 1  # counted even when the lifecycle failed before the award: never over the limit
        supplier['busy'] = False


def service_lifecycle(index):
    repository = f'local://{args.repository_owner}/r{index}'
    deadline = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).replace(microsecond=0)
    form = {'title': v('Benchmark: add a French translation'), 'summary': v('Translate the interface labels into French.'),
            'workDescription': v('Translate messages.properties into messages_fr.properties.'),
            'acceptanceCriteria': v('Every label shows in French'), 'evaluationCriteria': v('Has translated software before'),
            'skills': v('French'), 'estimatedValue': v('900.00'), 'securityClassification': v('UNCLASSIFIED'),
            'remoteWork': v(True), 'repositoryUrl': v(repository), 'license': v('MIT'),
            'containsPersonalInformation': v(False), 'proposalDeadline': v(deadline.isoformat()), 'deliveryDays': v(10),
            'department': v('ESDC'), 'team': v(team_of(index))}
    started = expect(*call('POST', '/engine-rest/process-definition/key/MicroProcurement/submit-form', 'requester',
                           body={'variables': form}), 200)
    pid, ref = started['id'], started['businessKey']

    def submit(key, user, values):
        task_id = find_task(pid, key, user)
        expect(*call('POST', f'/engine-rest/task/{task_id}/submit-form', user,
                     body={'variables': {k: v(x) for k, x in values.items()}}), 204)

    submit('AttestCapacity', 'manager', {'capacityAttestation': 'CAPACITY_UNAVAILABLE',
                                         'capacityRationale': 'Both teams are booked until spring.'})
    submit('CommitFunds', 'manager', {'fundsDecision': 'COMMITTED', 'financialCoding': 'FC-1234',
                                      'paymentMethod': 'pm_card_visa', 'section32Certified': True})

    def posted_or_referred():
        status, body = call('GET', f'/api/opportunities/{ref}')
        if status == 200 and body.get('status') == 'OPEN':
            return 'posted'
        status, referral = call('GET', f'/engine-rest/task?processInstanceId={pid}&taskDefinitionKey=ReviewSplittingReferral', 'officer')
        return 'referred' if status == 200 and referral else None
    if wait_for('posting', posted_or_referred) == 'referred':
        submit('ReviewSplittingReferral', 'officer', {'splittingDecision': 'APPROVE',
                                                      'splittingRationale': 'Benchmark requests are unrelated.'})
        wait_for('posting', lambda: call('GET', f'/api/opportunities/{ref}')[1].get('status') == 'OPEN')
    supplier = take_supplier()
    try:
        supplier_steps(pid, ref, repository, supplier['token'])
    finally:
        release_supplier(supplier)
    return ref


def supplier_steps(pid, ref, repository, token):
    def submit(key, user, values):
        task_id = find_task(pid, key, user)
        expect(*call('POST', f'/engine-rest/task/{task_id}/submit-form', user,
                     body={'variables': {k: v(x) for k, x in values.items()}}), 204)

    expect(*call('POST', f'/api/opportunities/{ref}/proposals', bearer=token,
                 body={'acceptTerms': True, 'statements': [{'criterionId': 'C1', 'text': 'I translated two applications.'}]}), 201)
    timers = expect(*call('GET', f'/engine-rest/job?processInstanceId={pid}&timers=true', 'admin'), 200)
    expect(*call('POST', f"/engine-rest/job/{timers[0]['id']}/execute", 'admin'), 204)
    evaluate = find_task(pid, 'EvaluateProposals', 'evaluator')
    variables = expect(*call('GET', f'/engine-rest/task/{evaluate}/form-variables?deserializeValues=false', 'evaluator'), 200)
    sheet = json.loads(variables['evaluationSheet']['value'])
    for row in sheet:
        row['result'], row['rationale'] = 'PASS', 'The statement shows the criterion is met.'
    expect(*call('POST', f'/engine-rest/task/{evaluate}/submit-form', 'evaluator',
                 body={'variables': {'evaluationSheet': {'type': 'Json', 'value': json.dumps(sheet)},
                                     'conflictOfInterestDeclared': v(True)}}), 204)
    def contract_of_this_procurement():
        status, contracts = call('GET', '/api/me/contracts', bearer=token)
        return next((c for c in contracts if c.get('opportunityRef') == ref), None) if status == 200 else None
    contract = wait_for('award', contract_of_this_procurement)
    expect(*call('POST', f"/api/contracts/{contract['id']}/deliveries", bearer=token,
                 body={'pullRequestUrl': f'{repository}/pull/feature/improve-readme'}), 201)
    submit('AcceptWork', 'requester', {'acceptanceDecision': 'ACCEPT', 'section34Certified': True})
    wait_for('payment', lambda: (contract_of_this_procurement() or {}).get('paymentStatus') == 'SUCCEEDED')



def set_up_payout(token):
    """The supplier sets up how they get paid (the sandbox's connected account): the API gives the onboarding link,
    the supplier completes the sandbox's onboarding page (a form with its CSRF token), as in LifecycleOverHttpTest."""
    link = expect(*call('POST', '/api/me/payout/onboarding?lang=en', bearer=token, body={}), 200)['onboardingUrl']
    base = BASES[getattr(node, 'index', 0) % len(BASES)]
    path = urllib.parse.urlsplit(link).path
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                          NoRedirect())
    with browser.open(base + path, timeout=120) as page:
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page.read().decode()).group(1)
    try:
        browser.open(urllib.request.Request(base + path, method='POST',
                                            data=urllib.parse.urlencode({'action': 'complete', '_csrf': csrf}).encode(),
                                            headers={'Content-Type': 'application/x-www-form-urlencoded'}), timeout=120)
    except urllib.error.HTTPError as redirect:
        if redirect.code != 302:
            raise Failure(f'sandbox onboarding: HTTP {redirect.code}')
    if not expect(*call('GET', '/api/me/payout?refresh=true', bearer=token), 200).get('ready'):
        raise Failure('the supplier is not ready to be paid after onboarding')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def bare_lifecycle(index):
    started = expect(*call('POST', '/engine-rest/process-definition/key/BareLifecycle/start', 'bench', 'bench',
                           body={'businessKey': f'bare-{index}'}), 200)
    pid = started['id']
    for _ in range(13):
        task_id = find_task(pid, None, 'bench', 'bench')
        expect(*call('POST', f'/engine-rest/task/{task_id}/complete', 'bench', 'bench', body={}), 204)
    status, instance = call('GET', f'/engine-rest/history/process-instance/{pid}', 'bench', 'bench')
    if status != 200 or instance.get('state') != 'COMPLETED':
        raise Failure(f'{pid} did not complete: {instance}')
    return pid


def run(first, count, clients):
    lifecycle = service_lifecycle if args.target == 'service' else bare_lifecycle
    next_index, lock = [first], threading.Lock()
    latencies, failures = [], []

    def worker():
        while True:
            with lock:
                if next_index[0] >= first + count:
                    return
                index = next_index[0]
                next_index[0] += 1
            node.index = index
            began = time.perf_counter()
            try:
                lifecycle(index)
                latencies.append(time.perf_counter() - began)
            except Exception as error:  # a failed lifecycle is reported, the others go on
                failures.append(f'lifecycle {index}: {error}')

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - began, sorted(latencies), failures


def percentile(values, p):
    if not values:
        return float('nan')
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]


if args.target == 'service':
    create_teams(args.first_index, args.warmup + args.count)
if args.warmup:
    _, _, warm_failures = run(args.first_index, args.warmup, args.clients)
    for f in warm_failures:
        print('warm-up failure:', f, file=sys.stderr)
wall, latencies, failures = run(args.first_index + args.warmup, args.count, args.clients)
for f in failures:
    print('FAILED', f, file=sys.stderr)
summary = {'target': args.target, 'clients': args.clients, 'count': args.count, 'completed': len(latencies),
           'failed': len(failures), 'seconds': round(wall, 2),
           'throughput': round(len(latencies) / wall, 3) if wall else 0,
           'p50': round(percentile(latencies, 50), 3), 'p95': round(percentile(latencies, 95), 3),
           'max': round(latencies[-1], 3) if latencies else None}
print(f"{args.target}: {summary['completed']}/{args.count} lifecycles with {args.clients} clients in {wall:.1f} s = "
      f"{summary['throughput']:.2f}/s, p50 {summary['p50']:.2f} s, p95 {summary['p95']:.2f} s, {len(failures)} failed")
print(json.dumps(summary))
sys.exit(1 if failures else 0)
