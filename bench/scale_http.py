#!/usr/bin/env python3
"""Times the audit search and the pilot metrics of a running service (staff HTTP API, user auditor of the demo
profile); prints one JSON line. Used by bench/scale.sh."""
import argparse, base64, datetime, json, time, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument('--base', required=True)
parser.add_argument('--size', type=int, required=True)
parser.add_argument('--splitting-ms', type=float, default=0)
parser.add_argument('--runs', type=int, default=20)
args = parser.parse_args()
AUTH = 'Basic ' + base64.b64encode(b'auditor:auditor').decode()


def timed(path):
    request = urllib.request.Request(args.base + path, headers={'Authorization': AUTH})
    began = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as response:
        response.read()
        assert response.status == 200, (path, response.status)
    return (time.perf_counter() - began) * 1000


def p95(paths, runs):
    for path in paths:
        timed(path)  # warm-up
    times = sorted(timed(paths[i % len(paths)]) for i in range(runs))
    return times[min(len(times) - 1, int(0.95 * len(times)))]


today = datetime.date.today()
month_ago = (today - datetime.timedelta(days=30)).isoformat()
quarter_ago = (today - datetime.timedelta(days=91)).isoformat()
result = {
    'size': args.size,
    'splitting_ms': args.splitting_ms,
    # an auditor looking up one reference, a requester's procurements, a supplier's
    'audit_p95_ms': p95(['/staff/audit/procurements?reference=SD-0000077', '/staff/audit/procurements?requester=requester7',
                         '/staff/audit/procurements?supplier=seed-8%40example.invalid'], args.runs),
    'audit_recent_p95_ms': p95([f'/staff/audit/procurements?from={month_ago}'], args.runs),
    'metrics_ms': p95(['/staff/metrics.json'], 3),
    'metrics_quarter_ms': p95([f'/staff/metrics.json?from={quarter_ago}&to={today.isoformat()}'], 3),
}
print(json.dumps({k: round(v, 1) if isinstance(v, float) else v for k, v in result.items()}))
