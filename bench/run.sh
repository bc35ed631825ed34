#!/usr/bin/env bash
# The throughput benchmark: the service and the bare-engine reference (bench/bare-engine), one after the other in
# the same run, on the same database type, with the same client (bench/lifecycle.py) and -Xmx512m; prints both
# throughputs, the ratio, p50/p95 latency, start-up times and resident memory. docs/operations.md, "Benchmarks".
#
#   bash bench/run.sh                       # H2 files in a throw-away folder, 4 clients, 40 lifecycles each
#   CLIENTS=4 COUNT=100 WARMUP=8 bash bench/run.sh
#   DB=postgres PGPASSWORD=... bash bench/run.sh   # PostgreSQL on localhost:5432 (user postgres unless PGUSER);
#                                                  # creates and drops the databases bench_service and bench_bare
#   LAYOUT=jar bash bench/run.sh            # how both applications are run (the same for both):
#                                           #   cds (default): extracted jar + class data sharing archive, as
#                                           #     docs/operations.md recommends for production ("Running the jar")
#                                           #   extracted: extracted jar, no archive;  jar: java -jar on the fat jar
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-4}
COUNT=${COUNT:-40}
WARMUP=${WARMUP:-4}
DB=${DB:-h2}
PORT=18090
MANAGEMENT_PORT=18190
BARE_PORT=18091
LAYOUT=${LAYOUT:-cds}
# The JVM settings docs/operations.md recommends for a 2-core node with -Xmx512m ("Running the jar"), for both
# applications: the serial collector, and a heap that starts small and keeps little free room, instead of starting
# at 1/64 of the machine's memory.
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -Xms64m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40}
# glibc's malloc keeps up to 8 arenas per core for the JVM's native allocations; 2 are enough and save resident memory.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# Extra JVM options for the service only, e.g. a CPU profile of the run:
#   SERVICE_JAVA_OPTS=-XX:StartFlightRecording:filename=/tmp/service.jfr,settings=profile
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q -ntp -DskipTests package
  ./mvnw -B -q -ntp -f bench/bare-engine/pom.xml -DskipTests package
fi
SERVICE_JAR=$(ls target/micro-acquisition-*.jar | grep -v original | head -1)
BARE_JAR=bench/bare-engine/target/bare-engine-0.1.0-SNAPSHOT.jar
DATA=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ "$DB" = postgres ]; then
    for db in bench_service bench_bare bench_service_training bench_bare_training; do psql -h localhost -U "${PGUSER:-postgres}" -d postgres -qc "drop database if exists $db" || true; done
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

datasource() { # $1 = database name, $2 = keep: the existing database (a restart), else a new one
  if [ "$DB" = postgres ]; then
    [ "${2:-}" = keep ] || psql -h localhost -U "${PGUSER:-postgres}" -d postgres -qc "drop database if exists $1" -c "create database $1"
    echo "--spring.datasource.url=jdbc:postgresql://localhost:5432/$1 --spring.datasource.username=${PGUSER:-postgres} --spring.datasource.password=$PGPASSWORD"
  else
    echo "--spring.datasource.url=jdbc:h2:file:$DATA/$1;DB_CLOSE_ON_EXIT=FALSE --spring.datasource.username=sa --spring.datasource.password="
  fi
}

wait_started() { # $1 = log, $2 = pid, $3 = application class
  for _ in $(seq 1 3000); do
    grep -q "Started $3 in" "$1" && return 0
    kill -0 "$2" 2>/dev/null || { tail -50 "$1"; echo "$3 did not start" >&2; exit 1; }
    sleep 0.2
  done
  echo "$3 did not start within 600 s" >&2; exit 1
}
# prepare <fat jar> <name> <training arguments...>: prints the java arguments that run the application in $LAYOUT.
# cds: a training run (Spring Boot stops it once the context is refreshed: spring.context.exit=onRefresh) on a
# database of its own writes the archive of the classes it loaded; the measured run then maps them from it.
prepare() {
  local jar=$1 name=$2; shift 2
  if [ "$LAYOUT" = jar ]; then echo "-jar $jar"; return; fi
  java -Djarmode=tools -jar "$jar" extract --destination "$DATA/$name" > /dev/null
  local app="$DATA/$name/$(basename "$jar")"
  if [ "$LAYOUT" = cds ]; then
    # shellcheck disable=SC2086
    java $JAVA_OPTS -XX:ArchiveClassesAtExit="$DATA/$name.jsa" -Dspring.context.exit=onRefresh -jar "$app" "$@" \
      > "$DATA/$name-training.log" 2>&1 || { tail -30 "$DATA/$name-training.log" >&2; exit 1; }
    echo "-XX:SharedArchiveFile=$DATA/$name.jsa -jar $app"
  else
    echo "-jar $app"
  fi
}
startup() { grep -o "Started $2 in [0-9.]* seconds" "$1" | grep -o "[0-9.]* seconds" | cut -d' ' -f1; }
rss_mib() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }

# --- the service
PROFILES=demo
[ "$DB" = postgres ] && PROFILES=postgres,demo
# (The postgres profile marks cookies Secure and the client speaks plain HTTP on loopback: cookie.secure=false; every
# lifecycle registers a supplier from the same address: the registration rate limit is lifted.)
service_args() { # $1 = database name, $2 = keep (see datasource)
  # shellcheck disable=SC2046
  echo --server.port=$PORT --management.server.port=$MANAGEMENT_PORT \
    --spring.profiles.active=$PROFILES --app.demo.allow-postgresql=true $(datasource "$1" "${2:-}") \
    --app.payment.provider=sandbox --app.notify.channel=outbox --app.repository.host=local \
    --server.servlet.session.cookie.secure=false --app.rate-limit.registrations=100000 \
    --app.repository.local.root="$DATA/repositories-$1" --app.public-site.export-dir="$DATA/public-site-$1"
}
# shellcheck disable=SC2046
SERVICE_RUN=$(prepare "$SERVICE_JAR" service $(service_args bench_service_training))
# shellcheck disable=SC2046,SC2086
java $JAVA_OPTS $SERVICE_JAVA_OPTS $SERVICE_RUN $(service_args bench_service) > "$DATA/service.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
wait_started "$DATA/service.log" "$SERVICE" MicroAcquisitionApplication
SERVICE_STARTUP=$(startup "$DATA/service.log" MicroAcquisitionApplication)
# One repository per procurement (copies of the demo repository, with its MIT licence and its pull-request branch),
# so that the contract-splitting guardrail sees unrelated requests.
REPOSITORIES="$DATA/repositories-bench_service"
for _ in $(seq 1 600); do [ -f "$REPOSITORIES/esdc/demo-widget.git/refs/heads/feature/improve-readme" ] && break; sleep 0.2; done; sleep 1
mkdir -p "$REPOSITORIES/bench"
for i in $(seq 1 $((WARMUP + COUNT))); do cp -r "$REPOSITORIES/esdc/demo-widget.git" "$REPOSITORIES/bench/r$i.git"; done
python3 bench/lifecycle.py --base "http://localhost:$PORT" --target service --clients "$CLIENTS" --count "$COUNT" \
  --warmup "$WARMUP" | tee "$DATA/service.out" || true
SERVICE_RSS=$(rss_mib "$SERVICE")
kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true
# Started again on the same database, as when a node is restarted or upgraded: the schema, the users and the
# deployments are there already.
# shellcheck disable=SC2046,SC2086
java $JAVA_OPTS $SERVICE_RUN $(service_args bench_service keep) > "$DATA/service-restart.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
wait_started "$DATA/service-restart.log" "$SERVICE" MicroAcquisitionApplication
SERVICE_RESTART=$(startup "$DATA/service-restart.log" MicroAcquisitionApplication)
kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true

# --- the bare engine
# shellcheck disable=SC2046
BARE_RUN=$(prepare "$BARE_JAR" bare --server.port=$BARE_PORT $(datasource bench_bare_training))
# shellcheck disable=SC2046,SC2086
java $JAVA_OPTS $BARE_RUN --server.port=$BARE_PORT $(datasource bench_bare) > "$DATA/bare.log" 2>&1 &
BARE=$!; PIDS+=("$BARE")
wait_started "$DATA/bare.log" "$BARE" BareEngineApplication
BARE_STARTUP=$(startup "$DATA/bare.log" BareEngineApplication)
python3 bench/lifecycle.py --base "http://localhost:$BARE_PORT" --target bare --clients "$CLIENTS" --count "$COUNT" \
  --warmup "$WARMUP" | tee "$DATA/bare.out" || true
BARE_RSS=$(rss_mib "$BARE")
kill "$BARE"; wait "$BARE" 2>/dev/null || true
# shellcheck disable=SC2046,SC2086
java $JAVA_OPTS $BARE_RUN --server.port=$BARE_PORT $(datasource bench_bare keep) > "$DATA/bare-restart.log" 2>&1 &
BARE=$!; PIDS+=("$BARE")
wait_started "$DATA/bare-restart.log" "$BARE" BareEngineApplication
BARE_RESTART=$(startup "$DATA/bare-restart.log" BareEngineApplication)
kill "$BARE"; wait "$BARE" 2>/dev/null || true

python3 - "$DATA/service.out" "$DATA/bare.out" "$SERVICE_STARTUP" "$BARE_STARTUP" "$SERVICE_RSS" "$BARE_RSS" "$DB" "$LAYOUT" \
  "$SERVICE_RESTART" "$BARE_RESTART" <<'PY'
import json, sys
service, bare = (json.loads(open(f).read().strip().splitlines()[-1]) for f in sys.argv[1:3])
s_up, b_up, s_rss, b_rss = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
ratio = service['throughput'] / bare['throughput'] if bare['throughput'] else float('nan')
print(f"\n{'':24}{'service':>12}{'bare engine':>14}   (database: {sys.argv[7]}, {service['clients']} clients, layout {sys.argv[8]})")
print(f"{'lifecycles/s':24}{service['throughput']:>12.2f}{bare['throughput']:>14.2f}   ratio {ratio:.2f} (target >= 0.5)")
print(f"{'p50 / p95 (s)':24}{service['p50']:>6.2f} /{service['p95']:>5.2f}{bare['p50']:>7.2f} /{bare['p95']:>5.2f}   (target: service p95 < 2 s)")
print(f"{'completed / failed':24}{service['completed']:>8} / {service['failed']:<3}{bare['completed']:>9} / {bare['failed']:<3}")
print(f"{'start-up, new db (s)':24}{s_up:>12.1f}{b_up:>14.1f}   ratio {s_up / b_up:.2f} (target <= 1.5)")
s_re, b_re = float(sys.argv[9]), float(sys.argv[10])
print(f"{'start-up, restart (s)':24}{s_re:>12.1f}{b_re:>14.1f}   ratio {s_re / b_re:.2f} (target <= 1.5)")
print(f"{'resident memory (MiB)':24}{s_rss:>12}{b_rss:>14}   (target: service <= 600 with -Xmx512m)")
sys.exit(1 if service['failed'] or bare['failed'] else 0)
PY
