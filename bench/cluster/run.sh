#!/usr/bin/env bash
# Fault-and-load harness for a clustered Bulwark, all on loopback:
#   N gateway replicas and M replicas of each scanner (sast, sca, container), each its own JVM
#   (the services' own jars and config.yml), one gate, PostgreSQL (a fresh schema, dropped at the
#   end) and an S3 API server (s3proxy, its own JVM, filesystem-backed);
#   C concurrent scans of real trees through the real client API (ScanClient), optionally with
#   random replicas SIGKILLed every interval (and restarted after a pause, as Kubernetes would).
# Prints p50/p95/p99 scan latency, throughput, and a last line
#   scans S, decisions D, duplicates 0, lost 0, errors E (each with its reason)
# With --overhead R: R sequential scans through the gateway against each scanner called alone
# on the same trees (no load, no kills): the fan-out overhead as a ratio.
#
# Usage: bench/cluster/run.sh [--gateways 3] [--scanners 2] [--concurrency 50] [--scans 200]
#          [--kill every:10s] [--overhead 5] [--trees DIR,DIR,...] [--lease 15s] [--heap 768m]
#          [--deadline 900]   (a scan's deadline, s; also how long a scan may queue for a scanner)
#          [--no-build]       (use the jars already built)
#          [--ab-gateway DIR] (with --overhead: as many gateways again from DIR/gateway.jar and DIR/config.yml,
#                              another build such as main's, whose full scans are interleaved with
#                              this build's: a before/after on the same cluster under the same load)
#          [--ab-gate DIR]    (with --overhead: those other gateways ask a gate of their own, started from
#                              DIR/gate-service.jar and DIR/config.yml on the same database; without
#                              --ab-gateway they are this build's gateways: the gates' before/after)
# PostgreSQL: $BULWARK_BENCH_PG_URL (default $BULWARK_TEST_PG_URL, else
#   jdbc:postgresql://127.0.0.1:5432/bulwark), user/password $BULWARK_BENCH_PG_USER/_PASSWORD
#   (default bulwark/bulwark); the role must be allowed to create a schema.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

gateways=3 scanners=2 concurrency=50 scans=200 kill="" overhead=0 lease=15 heap=768m deadline=900 build=1 ab_dir="" ab_gate_dir="" overhead_trees=""
trees="$root/../shared/fixtures/repos/vulnerable-app,$root/../shared/fixtures/repos/clean-app,$root/gateway/src"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --gateways) gateways="$2"; shift 2 ;;
    --scanners) scanners="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --scans) scans="$2"; shift 2 ;;
    --kill) kill="${2#every:}"; kill="${kill%s}"; shift 2 ;;
    --overhead) overhead="$2"; shift 2 ;;
    --trees) trees="$2"; shift 2 ;;
    --overhead-trees) overhead_trees="$2"; shift 2 ;;
    --lease) lease="${2%s}"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --deadline) deadline="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --ab-gateway) ab_dir="$(cd "$2" && pwd)"; shift 2 ;;
    --ab-gate) ab_gate_dir="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
pg_url="${BULWARK_BENCH_PG_URL:-${BULWARK_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/bulwark}}"
pg_user="${BULWARK_BENCH_PG_USER:-${BULWARK_TEST_PG_USER:-bulwark}}"
pg_password="${BULWARK_BENCH_PG_PASSWORD:-${BULWARK_TEST_PG_PASSWORD:-bulwark}}"
osv="$root/../shared/osv"

work="$(mktemp -d /tmp/bulwark-cluster-bench.XXXXXX)"
mkdir -p "$work/pids" "$work/logs"
cpfile=/tmp/bulwark-cluster-bench-s3proxy.cp
if [[ $build == 1 ]]; then
  echo "building the service jars and the CLI (reactor, no install)..." >&2
  ./mvnw -q -B -ntp -pl gateway,gate-service,scanner-sast,scanner-sca,scanner-container,client -am package \
    -DskipTests >"$work/logs/build.log" 2>&1 || { cat "$work/logs/build.log" >&2; exit 1; }
fi
if [[ $build == 1 || ! -s $cpfile ]]; then
  # s3proxy's classpath (cas-s3's test scope); cas-s3 is the last module of its reactor, so its file wins.
  ./mvnw -q -B -ntp -pl cas-s3 -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cpfile" >"$work/logs/build.log" 2>&1 || { cat "$work/logs/build.log" >&2; exit 1; }
fi
cp "$cpfile" "$work/s3proxy.cp"
# The run works on copies: the tree (jars, config.yml, the driver) may change while it runs.
dist="$work/dist"
for m in gateway gate-service scanner-sast scanner-sca scanner-container; do
  mkdir -p "$dist/$m"
  cp "$m/target/$m.jar" "$m/config.yml" "$dist/$m/"
done
mkdir -p "$dist/client"
cp client/target/bulwark-cli.jar bench/cluster/ClusterLoad.java "$dist/client/"

schema="bench_$(date +%s)_$$"
pg_host_db="${pg_url#jdbc:postgresql://}"
psql_url="postgresql://$pg_user:$pg_password@${pg_host_db%%\?*}"
psql "$psql_url" -qc "CREATE SCHEMA $schema" >/dev/null
db_url="$pg_url$([[ "$pg_url" == *\?* ]] && echo '&' || echo '?')currentSchema=$schema"

cleanup() {
  [[ -n "${killer:-}" ]] && kill "$killer" 2>/dev/null || true
  for f in "$work"/pids/*; do
    [[ -f "$f" ]] && kill -9 "$(cat "$f")" 2>/dev/null || true
  done
  psql "$psql_url" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  if [[ -n "${BULWARK_BENCH_KEEP:-}" ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
jvm() { echo java "-Xmx$1" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xss512k; }
small=($(jvm 384m)); big=($(jvm "$heap"))

# start NAME ENV... -- CMD...: runs it in the background, pid in pids/NAME, log in logs/NAME.log;
# the command line is kept in cmds/NAME so that the killer can start it again.
mkdir -p "$work/cmds"
start() {
  local name="$1"; shift
  printf '%q ' "$@" > "$work/cmds/$name"
  (exec env "$@" >>"$work/logs/$name.log" 2>&1) &
  echo $! > "$work/pids/$name"
}
restart() {
  local name="$1"
  (eval "exec env $(cat "$work/cmds/$name")" >>"$work/logs/$name.log" 2>&1) &
  echo $! > "$work/pids/$name"
}
wait_healthy() { # NAME ADMIN_PORT
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$2/healthcheck" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$(cat "$work/pids/$1")" 2>/dev/null; then echo "$1 died; its log:" >&2; tail -30 "$work/logs/$1.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$1 not healthy after 300 s" >&2; tail -30 "$work/logs/$1.log" >&2; exit 1
}

# The S3 API server.
s3port=$(free_port)
mkdir -p "$work/s3"
cat > "$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$s3port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3
CONF
start s3 PATH="$PATH" "${small[@]}" -cp "$(cat "$work/s3proxy.cp")" org.gaul.s3proxy.Main --properties "$work/s3proxy.conf"
for _ in $(seq 1 120); do curl -s "http://127.0.0.1:$s3port/" >/dev/null 2>&1 && break; sleep 0.5; done
s3env=(BULWARK_CAS_TYPE=s3 BULWARK_S3_ENDPOINT="http://127.0.0.1:$s3port" BULWARK_S3_BUCKET=bulwark-bench
  BULWARK_S3_CREATE_BUCKET=true AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1)

# The gate.
gate_port=$(free_port); gate_admin=$(free_port)
start gate PATH="$PATH" BULWARK_AUTH=false BULWARK_HOME="$work/gate" BULWARK_GATE_GRPC_PORT=$gate_port BULWARK_GATE_HOST=127.0.0.1 \
  BULWARK_GATE_HTTP_PORT=$(free_port) BULWARK_GATE_ADMIN_PORT=$gate_admin BULWARK_DB_URL="$db_url" \
  BULWARK_DB_USER="$pg_user" BULWARK_DB_PASSWORD="$pg_password" BULWARK_LOG_LEVEL=WARN \
  "${small[@]}" -jar "$dist/gate-service/gate-service.jar" server "$dist/gate-service/config.yml"
wait_healthy gate "$gate_admin"
ab_gate_port=$gate_port
if [[ -n $ab_gate_dir ]]; then # another build's gate, for the other gateways only
  mkdir -p "$dist/gate-ab"
  cp "$ab_gate_dir/gate-service.jar" "$ab_gate_dir/config.yml" "$dist/gate-ab/"
  ab_gate_port=$(free_port); ab_gate_admin=$(free_port)
  start gate-ab PATH="$PATH" BULWARK_AUTH=false BULWARK_HOME="$work/gate-ab" BULWARK_GATE_GRPC_PORT=$ab_gate_port \
    BULWARK_GATE_HOST=127.0.0.1 BULWARK_GATE_HTTP_PORT=$(free_port) BULWARK_GATE_ADMIN_PORT=$ab_gate_admin \
    BULWARK_DB_URL="$db_url" BULWARK_DB_USER="$pg_user" BULWARK_DB_PASSWORD="$pg_password" BULWARK_LOG_LEVEL=WARN \
    "${small[@]}" -jar "$dist/gate-ab/gate-service.jar" server "$dist/gate-ab/config.yml"
  wait_healthy gate-ab "$ab_gate_admin"
fi

# Scanners: M replicas of each type, each with its own cache and data folders (kept across restarts).
declare -A targets
replicas=()
for type in sast sca container; do
  upper=${type^^}
  for i in $(seq 1 "$scanners"); do
    name="$type-$i"; port=$(free_port); admin=$(free_port)
    start "$name" PATH="$PATH" BULWARK_AUTH=false "${s3env[@]}" BULWARK_HOME="$work/$name" BULWARK_${upper}_HOST=127.0.0.1 \
      BULWARK_${upper}_GRPC_PORT=$port BULWARK_${upper}_HTTP_PORT=$(free_port) BULWARK_${upper}_ADMIN_PORT=$admin \
      BULWARK_SAST_CACHE="$work/$name/cache" BULWARK_SCA_CACHE="$work/$name/cache" \
      BULWARK_CONTAINER_CACHE="$work/$name/cache" BULWARK_SCA_DATA_DIR="$work/$name/data" \
      BULWARK_ADVISORIES="$osv" BULWARK_LOG_LEVEL=WARN \
      "${big[@]}" -jar "$dist/scanner-$type/scanner-$type.jar" server "$dist/scanner-$type/config.yml"
    echo "$admin" > "$work/cmds/$name.admin"
    targets[$type]="${targets[$type]:+${targets[$type]},}127.0.0.1:$port"
    replicas+=("$name")
  done
done
for name in "${replicas[@]}"; do wait_healthy "$name" "$(cat "$work/cmds/$name.admin")"; done

# Gateways (with --overhead, each logs where every scan's time went: ScanPhases at DEBUG). Every service runs without authentication (BULWARK_AUTH=false, allowed on loopback):
# this bench measures scale-out and fail-over, not the TLS and token checks of #11.
gw_targets=""
phase_level=$([[ $overhead -gt 0 ]] && echo DEBUG || echo INFO)
ab=$([[ -n $ab_dir || -n $ab_gate_dir ]] && echo 1 || true)
if [[ -n $ab ]]; then
  mkdir -p "$dist/gateway-ab"
  cp "${ab_dir:-$dist/gateway}/gateway.jar" "${ab_dir:-$dist/gateway}/config.yml" "$dist/gateway-ab/"
fi
for i in $(seq 1 "$gateways") $([[ -n $ab ]] && seq -f "ab%g" 1 "$gateways"); do
  name="gateway-$i"; port=$(free_port); admin=$(free_port)
  jar="$dist/gateway"; gate_target="127.0.0.1:$gate_port"
  [[ $i == ab* ]] && jar="$dist/gateway-ab" && gate_target="127.0.0.1:$ab_gate_port"
  start "$name" PATH="$PATH" BULWARK_AUTH=false "${s3env[@]}" BULWARK_HOME="$work/$name" BULWARK_GATEWAY_HOST=127.0.0.1 \
    BULWARK_GATEWAY_GRPC_PORT=$port BULWARK_GATEWAY_HTTP_PORT=$(free_port) BULWARK_GATEWAY_ADMIN_PORT=$admin \
    BULWARK_GATEWAY_DB_URL="$db_url" BULWARK_GATEWAY_DB_USER="$pg_user" BULWARK_GATEWAY_DB_PASSWORD="$pg_password" \
    BULWARK_GATEWAY_DB_POOL=8 BULWARK_GATEWAY_REPLICA="$name" BULWARK_GATEWAY_LEASE="$lease seconds" \
    BULWARK_GATEWAY_WATCH_POLL="100 milliseconds" BULWARK_SCANNER_SAST="${targets[sast]}" \
    BULWARK_SCANNER_SCA="${targets[sca]}" BULWARK_SCANNER_CONTAINER="${targets[container]}" \
    BULWARK_GATE="$gate_target" BULWARK_LOG_LEVEL=WARN BULWARK_PHASE_LOG_LEVEL=$phase_level \
    BULWARK_SCANNER_QUEUE_WAIT="$deadline seconds" BULWARK_CONTAINER_MAX_SCANS=16 \
    "${small[@]}" -jar "$jar/gateway.jar" server "$jar/config.yml"
  echo "$admin" > "$work/cmds/$name.admin"
  if [[ $i == ab* ]]; then ab_target="${ab_target:+$ab_target,}127.0.0.1:$port"; continue; fi # not in the load, not killed
  gw_targets="${gw_targets:+$gw_targets,}127.0.0.1:$port"
  replicas+=("$name")
done
for i in $(seq 1 "$gateways") $([[ -n $ab ]] && seq -f "ab%g" 1 "$gateways"); do wait_healthy "gateway-$i" "$(cat "$work/cmds/gateway-$i.admin")"; done
echo "cluster up: $gateways gateways, $scanners x 3 scanners, gate, PostgreSQL schema $schema, s3proxy :$s3port" >&2

# The killer: every interval, SIGKILL one random gateway or scanner replica; restart it 3 s later.
if [[ -n "$kill" ]]; then
  (
    while true; do
      sleep "$kill"
      victim="${replicas[RANDOM % ${#replicas[@]}]}"
      kill -9 "$(cat "$work/pids/$victim")" 2>/dev/null || true
      echo "$(date +%T) SIGKILL $victim" >> "$work/kills.log"
      sleep 3
      restart "$victim"
    done
  ) &
  killer=$!
fi

driver=(java -Xmx768m -cp "$dist/client/bulwark-cli.jar" "$dist/client/ClusterLoad.java")
echo "gateways $gateways, scanners $scanners per type, concurrency $concurrency, scans $scans, kill $([[ -n $kill ]] && echo "every ${kill}s" || echo none), $(nproc) cores"
"${driver[@]}" --gateways "$gw_targets" --gate "127.0.0.1:$gate_port" --trees "$trees" \
  --concurrency "$concurrency" --scans "$scans" --deadline "$deadline" --run "$schema" 2> "$work/logs/driver.log" | tee "$work/result.txt"
if [[ -n "$kill" ]]; then
  kill "$killer" 2>/dev/null || true; killer=""
  echo "kills: $(wc -l < "$work/kills.log") ($(cut -d' ' -f3 "$work/kills.log" | sort | uniq -c | tr '\n' ' '))"
fi
if [[ "$overhead" -gt 0 ]]; then
  if [[ -z $overhead_trees ]]; then
    # Beside the small trees, one of realistic size: the first 1,000 Java files of java.base.
    overhead_trees="$trees"
    src_zip="${BULWARK_BENCH_SRC_ZIP:-}"
    if [[ -z $src_zip ]]; then
      for z in "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/src.zip" /usr/lib/jvm/*/lib/src.zip; do
        [[ -f $z ]] && { src_zip="$z"; break; }
      done
    fi
    if [[ -n $src_zip && -f $src_zip ]]; then
      slice="$work/trees/java.base-1000"
      mkdir -p "$slice"
      unzip -q "$src_zip" $(unzip -Z1 "$src_zip" 'java.base/*' | grep '\.java$' | head -1000) -d "$slice"
      overhead_trees="$overhead_trees,$slice"
    else
      echo "no src.zip found (set BULWARK_BENCH_SRC_ZIP): the overhead run has no tree of realistic size" >&2
    fi
  fi
  sleep 5 # restarted replicas settle
  "${driver[@]}" --overhead "$overhead" --gateways "$gw_targets" --trees "$overhead_trees" \
    --scanners "sast=${targets[sast]%%,*};sca=${targets[sca]%%,*};container=${targets[container]%%,*}" \
    --phase-logs "$work/logs" ${ab_target:+--ab "$ab_target"} \
    2>> "$work/logs/driver.log"
fi
tail -1 "$work/result.txt"
