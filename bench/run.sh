#!/usr/bin/env bash
# Benchmarks of the service's targets on this machine: start-up time and memory with -Xmx512m, and the latency of
# whole procurements driven through the APIs (bench/lifecycle.py). Uses a throw-away data folder and port 18090.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
DATA=$(mktemp -d)
PORT=18090
# A datasource URL is set, so the demo profile (demo users) must be named: it is no longer implied.
java -Xmx512m -jar target/micro-acquisition-*.jar --server.port=$PORT --spring.profiles.active=demo \
  --spring.datasource.url="jdbc:h2:file:$DATA/db;DB_CLOSE_ON_EXIT=FALSE" \
  --app.repository.local.root="$DATA/repositories" --app.public-site.export-dir="$DATA/public-site" \
  > "$DATA/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for i in $(seq 1 120); do
  grep -q "Started MicroAcquisitionApplication" "$DATA/service.log" && break
  kill -0 $PID 2>/dev/null || { cat "$DATA/service.log"; exit 1; }
  sleep 0.5
done
grep -o "Started MicroAcquisitionApplication in [0-9.]* seconds" "$DATA/service.log" | sed 's/^/start-up: /'
python3 bench/lifecycle.py --base "http://localhost:$PORT" --runs "${RUNS:-5}"
echo "resident memory after the runs: $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MiB (heap limited to 512 MiB)"
