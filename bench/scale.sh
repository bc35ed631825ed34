#!/usr/bin/env bash
# Scale checks: the cost of the contract-splitting check, the audit search and the pilot metrics with 1,000 and
# with 100,000 past procurements (bench/seed.sql) on PostgreSQL, and the query plans of the splitting check
# (EXPLAIN ANALYZE). Target: cost at 100,000 <= 2 x cost at 1,000; audit search p95 < 300 ms at 100,000.
#
#   PGPASSWORD=... bash bench/scale.sh                  # SIZES="1000 100000" by default
set -euo pipefail
cd "$(dirname "$0")/.."
PGUSER=${PGUSER:-postgres}
: "${PGPASSWORD:?set PGPASSWORD (the password of PGUSER on localhost:5432)}"
export PGUSER PGPASSWORD
SIZES=${SIZES:-1000 100000}
DATABASE=${DATABASE:-bench_scale}
PORT=${PORT:-18110}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18210}
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
JAR=$(ls target/micro-acquisition-*.jar | grep -v original | head -1)
DATA=$(mktemp -d)
psql() { command psql -h localhost -X -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -qc "drop database if exists $DATABASE" -c "create database $DATABASE"
java -Xmx512m -jar "$JAR" --server.port=$PORT --management.server.port=$MANAGEMENT_PORT \
  --spring.profiles.active=postgres,demo --app.demo.allow-postgresql=true --spring.datasource.url="jdbc:postgresql://localhost:5432/$DATABASE" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" \
  --app.payment.provider=sandbox --app.notify.channel=outbox --app.repository.host=local \
  --app.repository.local.root="$DATA/repositories" --app.public-site.export-dir="$DATA/public-site" \
  > "$DATA/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; [ "${KEEP:-}" = 1 ] || { psql -d postgres -qc "drop database if exists $DATABASE" || true; rm -rf "$DATA"; }' EXIT
for _ in $(seq 1 3000); do
  curl -sf "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" > /dev/null && break
  kill -0 $SERVICE 2>/dev/null || { tail -40 "$DATA/service.log"; exit 1; }
  sleep 0.2
done

splitting_sql() { # the splitting check's five queries (OpportunityRepository, ContractRepository), for a seeded team
  cat <<'SQL'
select count(*), coalesce(sum(price), 0) from opportunity where department = 'ESDC' and team_key = 'seed team 7'
  and created_at >= now() - interval '365 days' and id <> '00000000-0000-0000-0000-000000000000'
  and status not in ('REFERRED', 'CANCELLED');
select count(*) from opportunity where department = 'ESDC' and team_key = 'seed team 7'
  and created_at >= now() - interval '365 days' and id <> '00000000-0000-0000-0000-000000000000'
  and status not in ('REFERRED', 'CANCELLED') and price >= 8000;
select count(*), coalesce(sum(price), 0) from opportunity where repository_key = 'local://seed/r7'
  and created_at >= now() - interval '365 days' and id <> '00000000-0000-0000-0000-000000000000'
  and status not in ('REFERRED', 'CANCELLED');
select count(*), coalesce(sum(c.price), 0) from contract c join opportunity o on o.id = c.opportunity_id
  where c.supplier_id = md5('seed-supplier-8')::uuid and c.awarded_at >= now() - interval '365 days'
  and c.opportunity_id <> '00000000-0000-0000-0000-000000000000' and o.department = 'ESDC' and o.team_key = 'seed team 8';
select count(*), coalesce(sum(price), 0) from contract where supplier_id = md5('seed-supplier-8')::uuid
  and awarded_at >= now() - interval '365 days' and opportunity_id <> '00000000-0000-0000-0000-000000000000';
SQL
}

RESULTS=()
for n in $SIZES; do
  psql -d "$DATABASE" -q -v remove=1 -f bench/seed.sql
  seeded_at=$(date +%s)
  psql -d "$DATABASE" -q -v n="$n" -f bench/seed.sql > /dev/null
  echo "== $n past procurements (seeded in $(( $(date +%s) - seeded_at )) s)"
  # The seed writes straight into the tables, around the service: the pilot metrics' running totals are computed
  # again from them (administrators only), as after any bulk import.
  rebuilt_at=$(date +%s%N)
  curl -sf -u admin:admin -H 'Content-Type: application/json' -d '{}' "http://localhost:$PORT/staff/metrics/rebuild" > "$DATA/rebuild-$n.json" \
    || { echo "metrics rebuild failed"; tail -40 "$DATA/service.log"; exit 1; }
  echo "   metrics totals rebuilt in $(( ($(date +%s%N) - rebuilt_at) / 1000000 )) ms: $(cat "$DATA/rebuild-$n.json")"
  # splitting: plans, and the execution time of the five queries (best of 5 runs)
  splitting_sql | sed 's/^select/explain (analyze, costs off) select/' | psql -d "$DATABASE" -q \
    | grep -E "Scan|Execution Time" | sed 's/^/   /' > "$DATA/plan-$n.txt"
  grep -E "Scan" "$DATA/plan-$n.txt" | sort | uniq -c | sed 's/^/  /'
  split_ms=$(for _ in 1 2 3 4 5; do splitting_sql | sed 's/^select/explain (analyze, costs off, timing off) select/' \
      | psql -d "$DATABASE" -q | grep -o "Execution Time: [0-9.]*" | awk '{s += $3} END {print s}'; done | sort -g | head -1)
  RESULTS+=("$(python3 bench/scale_http.py --base "http://localhost:$PORT" --size "$n" --splitting-ms "$split_ms")")
  echo "${RESULTS[-1]}"
done
python3 - "${RESULTS[@]}" <<'PY'
import json, sys
rows = [json.loads(r) for r in sys.argv[1:]]
if len(rows) < 2:
    sys.exit(0)
small, large = rows[0], rows[-1]
print(f"\n{'':34}{small['size']:>10}{large['size']:>10}   ratio (target <= 2)")
failed = False
for key, label in [('splitting_ms', 'splitting check (5 queries, ms)'), ('audit_p95_ms', 'audit search p95 (ms)'),
                   ('audit_recent_p95_ms', 'audit search, last 30 days p95'), ('metrics_ms', 'pilot metrics, all (ms)'),
                   ('metrics_quarter_ms', 'pilot metrics, one quarter (ms)')]:
    ratio = large[key] / small[key] if small[key] else float('nan')
    failed |= ratio > 2
    print(f"{label:34}{small[key]:>10.1f}{large[key]:>10.1f}   {ratio:.2f}{'  OVER' if ratio > 2 else ''}")
print(f"audit search p95 at {large['size']}: {large['audit_p95_ms']:.0f} ms (target < 300)")
sys.exit(1 if failed or large['audit_p95_ms'] >= 300 else 0)
PY
