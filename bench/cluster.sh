#!/usr/bin/env bash
# The cluster as a tested feature: two nodes of the service on one PostgreSQL database (loopback only). Clients
# drive COUNT whole procurements through both nodes; KILL_AFTER seconds in, node B is killed with SIGKILL, then
# started again. Passes when every procurement of the run finished, each was charged exactly once (sandbox card
# ledger and payment table), and no incident is open. docs/operations.md, "Several nodes".
#
#   PGPASSWORD=... bash bench/cluster.sh            # PostgreSQL 15 on localhost:5432, user postgres unless PGUSER
#   COUNT=30 CLIENTS=4 KILL_AFTER=15 bash bench/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-30}
CLIENTS=${CLIENTS:-4}
KILL_AFTER=${KILL_AFTER:-15}
PGUSER=${PGUSER:-postgres}
: "${PGPASSWORD:?set PGPASSWORD (the password of PGUSER on localhost:5432)}"
export PGUSER PGPASSWORD
DATABASE=bench_cluster
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
JAR=$(ls target/micro-acquisition-*.jar | grep -v original | head -1)
DATA=$(mktemp -d)
psql() { command psql -h localhost -X -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -qc "drop database if exists $DATABASE" -c "create database $DATABASE"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ "${KEEP:-}" = 1 ] || { psql -d postgres -qc "drop database if exists $DATABASE" || true; rm -rf "$DATA"; }
}
trap cleanup EXIT

start_node() { # $1 = name, $2 = port, $3 = management port; sets NODE_PID
  # (the postgres profile marks cookies Secure and the clients speak plain HTTP on loopback: cookie.secure=false;
  # every lifecycle registers a supplier from the same address: the registration rate limit is lifted)
  java $JAVA_OPTS -jar "$JAR" --server.port="$2" --management.server.port="$3" \
    --spring.profiles.active=postgres,demo --app.demo.allow-postgresql=true \
    --spring.datasource.url="jdbc:postgresql://localhost:5432/$DATABASE" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" \
    --app.payment.provider=sandbox --app.notify.channel=outbox --app.repository.host=local \
    --server.servlet.session.cookie.secure=false --app.rate-limit.registrations=100000 \
    --app.repository.local.root="$DATA/repositories" --app.public-site.export-dir="$DATA/public-site-$1" \
    >> "$DATA/node-$1.log" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
}
wait_ready() { # $1 = management port, $2 = pid, $3 = name
  for _ in $(seq 1 3000); do
    curl -sf "http://localhost:$1/actuator/health/readiness" > /dev/null && return 0
    kill -0 "$2" 2>/dev/null || { tail -40 "$DATA/node-$3.log"; echo "node $3 died" >&2; exit 1; }
    sleep 0.2
  done
  echo "node $3 not ready within 600 s" >&2; exit 1
}

# Node A first (it creates the schema), then node B.
start_node a 18100 18200; A=$NODE_PID; wait_ready 18200 "$A" a
start_node b 18101 18201; B=$NODE_PID; wait_ready 18201 "$B" b
echo "two nodes ready"
for _ in $(seq 1 600); do [ -f "$DATA/repositories/esdc/demo-widget.git/refs/heads/feature/improve-readme" ] && break; sleep 0.2; done; sleep 1
mkdir -p "$DATA/repositories/bench"
for i in $(seq 1 "$COUNT"); do cp -r "$DATA/repositories/esdc/demo-widget.git" "$DATA/repositories/bench/r$i.git"; done
STARTED_AT=$(psql -d "$DATABASE" -tAc "select now()")

python3 bench/lifecycle.py --base "http://localhost:18100,http://localhost:18101" --target service \
  --clients "$CLIENTS" --count "$COUNT" --timeout 180 > "$DATA/clients.out" 2>&1 &
CLIENTS_PID=$!
sleep "$KILL_AFTER"
# (Camunda names each job executor's lock owner with a random UUID; the Spring Boot starter has no setting for it.)
echo "SIGKILL node b (pid $B); jobs locked at that moment, by lock owner: $(psql -d "$DATABASE" -tAc "select coalesce(string_agg(lock_owner_ || ': ' || n, ', '), 'none') from (select lock_owner_, count(*) n from act_ru_job where lock_exp_time_ > now() group by lock_owner_) x")"
kill -KILL "$B"; wait "$B" 2>/dev/null || true
sleep 3
start_node b 18101 18201; B=$NODE_PID
echo "node b restarting"
CLIENT_STATUS=0; wait "$CLIENTS_PID" || CLIENT_STATUS=$?
cat "$DATA/clients.out"
wait_ready 18201 "$B" b
# Let the jobs still running finish (close-out after the payment).
for _ in $(seq 1 120); do
  [ "$(psql -d "$DATABASE" -tAc "select count(*) from act_ru_job where type_ = 'message' and retries_ > 0 and process_def_key_ = 'MicroProcurement'")" = 0 ] && break
  sleep 1
done

echo "--- checks (procurements started since $STARTED_AT)"
FAIL=0
check() { # $1 = description, $2 = query returning the number of violations
  local n; n=$(psql -d "$DATABASE" -tAc "$2")
  if [ "$n" = 0 ]; then echo "ok   $1"; else echo "FAIL $1: $n"; FAIL=1; fi
}
STARTED=$(psql -d "$DATABASE" -tAc "select count(*) from act_hi_procinst where proc_def_key_ = 'MicroProcurement' and start_time_ >= '$STARTED_AT'")
echo "procurements started in the run: $STARTED (expected $COUNT)"
[ "$STARTED" = "$COUNT" ] || { echo "FAIL not every procurement started"; FAIL=1; }
check "every procurement finished (completed)" \
  "select count(*) from act_hi_procinst where proc_def_key_ = 'MicroProcurement' and start_time_ >= '$STARTED_AT' and (end_time_ is null or state_ <> 'COMPLETED')"
check "each procurement charged exactly once (sandbox ledger)" \
  "select count(*) from act_hi_procinst p where p.proc_def_key_ = 'MicroProcurement' and p.start_time_ >= '$STARTED_AT' and (select count(*) from sandbox_card_charge c where c.kind = 'CHARGE' and c.status = 'SUCCEEDED' and c.description like '%' || p.business_key_ || '%') <> 1"
check "each contract has one succeeded payment" \
  "select count(*) from (select contract_id from payment where status = 'SUCCEEDED' group by contract_id having count(*) <> 1) x"
check "no incident open" "select count(*) from act_ru_incident"
echo "node b's log after the restart: $(grep -c 'Started MicroAcquisitionApplication' "$DATA/node-b.log") starts"
[ "$CLIENT_STATUS" = 0 ] || { echo "FAIL some client lifecycles failed (see above)"; FAIL=1; }
[ "$FAIL" = 0 ] && echo "cluster test passed" || echo "cluster test FAILED (KEEP=1 keeps the logs in $DATA)"
exit "$FAIL"
