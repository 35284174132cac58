#!/usr/bin/env bash
# The benchmark suite: one command that builds the service, starts it with the bench profile on a
# fresh embedded PostgreSQL, measures the baselines (pgbench on that same PostgreSQL, the HTTP
# ceiling) and the workloads W1-W8, and prints one table (also target/bench/summary.md).
# See bench/README.md for what each workload is and how the ratios are computed.
#
# usage: bench/run.sh [--duration S] [--warmup S] [--votes N] [--w7-max-seconds S] [--skip-w6]
#                     [--w6-quick] [--w9-quick] [--only B0,B2,W1,W1c,W2,W3,W4,W5,W6,W7,W8,W9,W10,W11,WB]
#                     [--w5-rate R]
#                     [--no-build] [--quiet-request-log] [--keep]
set -euo pipefail

DURATION=15          # measured seconds per workload
WARMUP=5             # warm-up seconds before each workload
VOTES=100000         # W7: votes cast on one proposal
W7_MAX_SECONDS=180   # W7: stop casting votes after this long (reported as capped)
ACCOUNTS=10000
FUND_AMOUNT=10000    # BTA-UTIL per account
PRELOCK_AMOUNT=100   # BTA-UTIL locked on each account before W4, so that its unlocks find something
W2_CONNECTIONS=4
RUN_W6=1
W6_QUICK=0
W9_QUICK=0
ONLY=all
W5_RATE=
BUILD=1
KEEP=0
QUIET_LOG=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --votes) VOTES=$2; shift 2 ;;
    --w7-max-seconds) W7_MAX_SECONDS=$2; shift 2 ;;
    --skip-w6) RUN_W6=0; shift ;;
    --w6-quick) W6_QUICK=1; shift ;;
    --w9-quick) W9_QUICK=1; shift ;;
    --only) ONLY=$2; shift 2 ;;
    --w5-rate) W5_RATE=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --quiet-request-log) QUIET_LOG=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tokenomics-bench.XXXXXX")
DATA="$WORK/data"
ROWS="$WORK/rows.tsv"
: > "$ROWS"
SVC_PID=
CLK_TCK=$(getconf CLK_TCK)
RUN_ID=$(date +%s)-$$
SUITE_START=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
want() { [[ "$ONLY" == all || ",$ONLY," == *",$1,"* ]]; }

# ------------------------------------------------------------------ prerequisites

install_if_missing() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || die "$1 is missing; install the package $2"
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  log "installing $2 (for $1)"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null || die "cannot install $2"
}
install_if_missing wrk wrk
install_if_missing pgbench postgresql-client
install_if_missing psql postgresql-client
install_if_missing curl curl
command -v java >/dev/null || die "java (17+) is required"

if [[ $BUILD -eq 1 ]]; then
  log "building target/tokenomics.jar and the test classes (the bench module)"
  mvn -q -B -ntp -DskipTests package >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; die "build"; }
fi
[[ -f target/tokenomics.jar ]] || die "target/tokenomics.jar is missing (run without --no-build)"
# The bench module (io.bta.tokenomics.bench, its /api/bench endpoints and the bench profile's
# properties) is test code, kept out of the production jar (ADR 0027). The service runs that jar
# with only the bench module added to its class path: not the whole test class path, whose test
# configurations (a frozen clock, for one) component scanning would pick up outside a test.
BENCH_CLASSES="$WORK/bench-classes"
[[ -d target/test-classes/io/bta/tokenomics/bench/internal ]] \
  || die "target/test-classes has no bench module (run without --no-build)"
mkdir -p "$BENCH_CLASSES/io/bta/tokenomics/bench"
cp -r target/test-classes/io/bta/tokenomics/bench/internal "$BENCH_CLASSES/io/bta/tokenomics/bench/"
cp target/test-classes/application-bench.properties "$BENCH_CLASSES/"
mkdir -p "$WORK/loadgen"
javac -d "$WORK/loadgen" bench/LoadGen.java || die "cannot compile bench/LoadGen.java"
LOADGEN=(java -cp "$WORK/loadgen" LoadGen) # an array, not a function: a background job is then the JVM itself

# ------------------------------------------------------------------ the service

free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

postmaster_pid() { head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true; }

stop_service() {
  [[ -n "$SVC_PID" ]] || return 0
  if kill -0 "$SVC_PID" 2>/dev/null; then
    log "stopping the service (pid $SVC_PID)"
    kill -TERM "$SVC_PID" 2>/dev/null || true
    for _ in $(seq 120); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SVC_PID" 2>/dev/null && kill -KILL "$SVC_PID" 2>/dev/null || true
  fi
  wait "$SVC_PID" 2>/dev/null || true
  # The embedded PostgreSQL outlives a killed JVM: stop the one this run started, if it is left.
  local pm
  pm=$(postmaster_pid)
  if [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null && grep -q postgres "/proc/$pm/comm" 2>/dev/null; then
    log "stopping the leftover embedded PostgreSQL (pid $pm)"
    kill -TERM "$pm" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pm" 2>/dev/null || break; sleep 0.5; done
  fi
  SVC_PID=
}

cleanup() {
  local rc=$?
  stop_service
  if [[ $KEEP -eq 1 || $rc -ne 0 ]]; then
    log "work files kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(free_port) || die "no free port"
PGPORT=$(free_port) || die "no free port"
while [[ "$PGPORT" == "$PORT" ]]; do PGPORT=$(free_port); done
SECRET="bench-secret-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
URL="http://127.0.0.1:$PORT"

SERVICE_ARGS=(
  --spring.profiles.active=bench
  "--tokenomics.data-dir=$DATA"
  "--server.port=$PORT"
  "--tokenomics.security.jwt-secret=$SECRET"
  "--tokenomics.embedded-postgres.port=$PGPORT"
  # W7: voting opens as soon as the proposal exists
  --tokenomics.governance.voting-delay=0s
)
[[ $QUIET_LOG -eq 1 ]] && SERVICE_ARGS+=(--logging.level.io.bta.tokenomics.requests=WARN)

log "starting the service on port $PORT, embedded PostgreSQL on $PGPORT, data in $DATA"
# PropertiesLauncher is the jar's own launcher with loader.path: the jar's classes and libraries,
# then the bench module, in one class loader and in this one JVM (whose pid the CPU figures read).
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp target/tokenomics.jar "-Dloader.path=$BENCH_CLASSES" \
  org.springframework.boot.loader.launch.PropertiesLauncher "${SERVICE_ARGS[@]}" >"$WORK/service.log" 2>&1 &
SVC_PID=$!
for i in $(seq 360); do
  kill -0 "$SVC_PID" 2>/dev/null || { tail -40 "$WORK/service.log" >&2; die "the service exited while starting"; }
  curl -sf "$URL/actuator/health/readiness" >/dev/null 2>&1 && break
  [[ $i -eq 360 ]] && die "the service did not become ready in 180 s"
  sleep 0.5
done
log "service ready (pid $SVC_PID)"

ADMIN=$(java -jar target/tokenomics.jar token --sub admin --roles ADMIN \
  "--tokenomics.data-dir=$DATA" "--tokenomics.security.jwt-secret=$SECRET" | grep '^eyJ') || die "no admin token"

api() { # method path [body]: prints "status body"
  local method=$1 path=$2 body=${3:-}
  if [[ -n "$body" ]]; then
    curl -s -m 600 -X "$method" "$URL$path" -H "Authorization: Bearer $ADMIN" \
      -H 'Content-Type: application/json' -d "$body" -w ' %{http_code}'
  else
    curl -s -m 600 -X "$method" "$URL$path" -H "Authorization: Bearer $ADMIN" -w ' %{http_code}'
  fi
}
status_of() { echo "${1##* }"; }
json_num() { grep -o "\"$1\":[0-9.]*" <<<"$2" | head -1 | cut -d: -f2; }
json_str() { grep -o "\"$1\":\"[^\"]*\"" <<<"$2" | head -1 | cut -d'"' -f4; }
kv() { grep '^RESULT' "$2" | tr ' ' '\n' | grep "^$1=" | head -1 | cut -d= -f2-; }

psql_pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }

# ------------------------------------------------------------------ CPU and memory

ticks_of() { # pid [children]: utime+stime (+ cutime+cstime with "children") in clock ticks
  local with=${2:-} line
  read -r line 2>/dev/null <"/proc/$1/stat" || { echo 0; return; }
  line=${line##*) } # the fields after "pid (comm) ": $1 is field 3 (state), so utime (14) is ${12}
  # shellcheck disable=SC2086
  set -- $line
  if [[ "$with" == children ]]; then
    echo $(( ${12} + ${13} + ${14} + ${15} ))
  else
    echo $(( ${12} + ${13} ))
  fi
}
ticks_of_children() { # pid, its exited children (cutime+cstime) and its live children: the PostgreSQL backends
  local pm=$1 total line f
  [[ -n "$pm" ]] || { echo 0; return; }
  total=$(ticks_of "$pm" children)
  for f in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    line=${line##*) }
    # shellcheck disable=SC2086
    set -- $line
    [[ "$2" == "$pm" ]] && total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}

# CPU of this shell's reaped children (the load generators run in the foreground), in ticks. The
# builtin must run in this shell, not in a subshell, hence the file.
children_ticks() { # variable-name
  times >"$WORK/times"
  printf -v "$1" '%s' "$(awk -v hz="$CLK_TCK" 'NR == 2 {
    split($1, u, /[ms]/); split($2, s, /[ms]/)
    printf "%d", ((u[1] * 60 + u[2]) + (s[1] * 60 + s[2])) * hz }' "$WORK/times")"
}

machine_ticks() { # busy ticks of the whole machine (every process of every tenant), from /proc/stat
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}
# The group-commit batch size, when the service has it (ledger.group_commit.batch_size): "sum count"
batch_metric() {
  curl -s -m 10 "$URL/actuator/prometheus" -H "Authorization: Bearer $ADMIN" 2>/dev/null |
    awk '/^ledger_group_commit_batch_size_sum/ { s += $NF } /^ledger_group_commit_batch_size_count/ { c += $NF }
         END { printf "%d %d", s, c }'
}

# PostgreSQL's WAL counters (the whole server): "bytes syncs full-page-images"
wal_stats() {
  psql_pg -d postgres -At -F ' ' -c "select wal_bytes, wal_sync, wal_fpi from pg_stat_wal" 2>/dev/null || echo "0 0 0"
}

SNAP_T0= SNAP_SVC0= SNAP_PG0= SNAP_GEN0= SNAP_GEN_PID= SNAP_GEN_OUT= SNAP_ALL0= SNAP_BATCH0= SNAP_WAL0=
# The CPU seconds the service's JIT compiler threads ("C1/C2 CompilerThread<n>") have used so far,
# from /proc, or nothing if the service is not running. (jstat's compile time is wall time, which
# counts a compilation's waits for a core on a busy machine.)
jit_seconds() {
  [[ -n "${SVC_PID:-}" && -d /proc/$SVC_PID/task ]] || return 0
  local t c line sum=0
  for t in /proc/"$SVC_PID"/task/*; do
    read -r c 2>/dev/null <"$t/comm" || continue
    [[ $c == "C1 Compi"* || $c == "C2 Compi"* ]] || continue
    read -r line 2>/dev/null <"$t/stat" || continue
    line=${line##*) } # as in ticks_of: utime and stime are the 12th and 13th fields left
    # shellcheck disable=SC2086
    set -- $line
    sum=$(( sum + ${12} + ${13} ))
  done
  awk -v t="$sum" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }'
}
snap_start() { # [pid of a load generator running in the background]
  SNAP_GEN_PID=${1:-}
  echo 5 >"/proc/$SVC_PID/clear_refs" 2>/dev/null || true # resets VmHWM, the peak RSS, for this workload
  SNAP_BATCH0=$(batch_metric)
  SNAP_WAL0=$(wal_stats)
  SNAP_JIT0=$(jit_seconds)
  SNAP_T0=$(date +%s%N)
  SNAP_ALL0=$(machine_ticks)
  SNAP_SVC0=$(ticks_of "$SVC_PID")
  SNAP_PG0=$(ticks_of_children "$(postmaster_pid)")
  if [[ -n "$SNAP_GEN_PID" ]]; then SNAP_GEN0=$(ticks_of "$SNAP_GEN_PID"); else children_ticks SNAP_GEN0; fi
}
snap_end() { # sets SVC_CORES PG_CORES GEN_CORES OTHER_CORES RSS_MIB BATCH_MEAN WAL_NOTE
  local t1 svc1 pg1 gen1 all1 wall batch1
  all1=$(machine_ticks)
  t1=$(date +%s%N)
  svc1=$(ticks_of "$SVC_PID")
  pg1=$(ticks_of_children "$(postmaster_pid)")
  if [[ -n "$SNAP_GEN_PID" ]]; then gen1=$(ticks_of "$SNAP_GEN_PID"); else children_ticks gen1; fi
  # LoadGen reports its own CPU time on its PHASE lines: that reading holds even when the generator
  # has already exited (and been reaped) by the time its "PHASE done" is seen here.
  if [[ -n "${SNAP_GEN_OUT:-}" ]]; then
    local own
    own=$(awk -v hz="$CLK_TCK" '$1 == "PHASE" && $3 ~ /^cpu_ns=/ { split($3, v, "="); t[$2] = v[2] }
      END { if (("measure" in t) && ("done" in t)) printf "%d", (t["done"] - t["measure"]) / 1e9 * hz }' "$SNAP_GEN_OUT")
    [[ -n "$own" ]] && { SNAP_GEN0=0; gen1=$own; }
  fi
  wall=$(( t1 - SNAP_T0 ))
  cores() { awk -v d="$1" -v hz="$CLK_TCK" -v w="$wall" 'BEGIN { printf "%.2f", d / hz / (w / 1e9) }'; }
  SVC_CORES=$(cores $((svc1 - SNAP_SVC0)))
  PG_CORES=$(cores $((pg1 - SNAP_PG0)))
  GEN_CORES=$(cores $((gen1 - SNAP_GEN0)))
  OTHER_CORES=$(cores $(( (all1 - SNAP_ALL0) - (svc1 - SNAP_SVC0) - (pg1 - SNAP_PG0) - (gen1 - SNAP_GEN0) )))
  RSS_MIB=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$SVC_PID/status")
  WAL_NOTE=$(awk -v a="$SNAP_WAL0" -v b="$(wal_stats)" -v w="$wall" 'BEGIN { split(a, x, " "); split(b, y, " "); s = w / 1e9;
    printf "WAL %.1f MiB/s, %.0f syncs/s, %.0f full-page images/s", (y[1] - x[1]) / 1048576 / s, (y[2] - x[2]) / s, (y[3] - x[3]) / s }')
  local jit1
  jit1=$(jit_seconds)
  if [[ -n "$SNAP_JIT0" && -n "$jit1" ]]; then
    WAL_NOTE="$WAL_NOTE, JIT threads $(awk -v a="$SNAP_JIT0" -v b="$jit1" -v w="$wall" 'BEGIN { printf "%.2f", (b - a) / (w / 1e9) }') cores"
  fi
  batch1=$(batch_metric)
  BATCH_MEAN=$(awk -v a="$SNAP_BATCH0" -v b="$batch1" 'BEGIN { split(a, x, " "); split(b, y, " ");
    if (y[2] > x[2]) printf "%.1f", (y[1] - x[1]) / (y[2] - x[2]); else print "-" }')
}

# Runs a command whose output marks its measured part with "PHASE measure" / "PHASE done".
run_phased() { # out err cmd...
  local out=$1 err=$2; shift 2
  "$@" >"$out" 2>"$err" &
  local pid=$!
  while ! grep -q '^PHASE measure' "$out" 2>/dev/null; do kill -0 $pid 2>/dev/null || break; sleep 0.05; done
  SNAP_GEN_OUT=$out
  snap_start $pid
  while ! grep -q '^PHASE done' "$out" 2>/dev/null; do kill -0 $pid 2>/dev/null || break; sleep 0.05; done
  snap_end
  SNAP_GEN_OUT=
  local rc=0
  wait $pid || rc=$?
  [[ $rc -eq 0 ]] || { cat "$out" "$err" >&2; die "$(basename "$out" .out): the load generator exited with $rc"; }
}

# A row of the table: id workload ops p50_us p99_us p999_us errors refused notes
row() {
  local notes=${9:-}
  [[ -n "${WAL_NOTE:-}" && "${WAL_NOTE:-}" != - ]] && notes="${WAL_NOTE}${notes:+; $notes}"
  [[ -n "${BATCH_MEAN:-}" && "${BATCH_MEAN:-}" != - ]] && notes="group-commit batch ${BATCH_MEAN} on average${notes:+; $notes}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" \
    "${RSS_MIB:--}" "${SVC_CORES:--}" "${PG_CORES:--}" "${GEN_CORES:--}" "${OTHER_CORES:--}" "$notes" >>"$ROWS"
  log "$1: $3 ops/s, p50 ${4}us p99 ${5}us p99.9 ${6}us, errors $7, refused $8 ${9:-}"
}
row_from() { # id workload result-file [notes]
  row "$1" "$2" "$(kv ops_per_s "$3")" "$(kv p50_us "$3")" "$(kv p99_us "$3")" "$(kv p999_us "$3")" \
    "$(kv errors "$3")" "$(kv refused "$3")" "${4:-}"
}
ensure_alive() { kill -0 "$SVC_PID" 2>/dev/null || { tail -40 "$WORK/service.log" >&2; die "the service died"; }; }

# ------------------------------------------------------------------ set-up

log "initializing the tokens"
r=$(api POST /api/tokens/initialize)
[[ $(status_of "$r") == 201 || $(status_of "$r") == 200 ]] || die "initialize: $r"

FUNDED_VIA=none
if want W1 || want W1c || want W2 || want W3 || want W4 || want W5; then
  log "funding acct-1..acct-$ACCOUNTS with $FUND_AMOUNT BTA-UTIL each"
  "${LOADGEN[@]}" fund --url "$URL" --token "$ADMIN" --accounts "$ACCOUNTS" --amount "$FUND_AMOUNT" >"$WORK/fund.out" \
    || { cat "$WORK/fund.out" >&2; die "funding"; }
  FUNDED_VIA=$(kv via "$WORK/fund.out")
  log "funded via $FUNDED_VIA in $(kv ms "$WORK/fund.out") ms"
fi

if want W8; then
  # W8: one hot pool of BTA-GOV/BTA-UTIL, deep enough that a swap of 1 moves its price little; the
  # admin (every wrk request's caller) swaps its own funds, alternately in each direction.
  log "W8: funding the admin and creating the BTA-GOV/BTA-UTIL pool"
  for t in BTA-GOV BTA-UTIL; do
    r=$(api POST /api/tokens/transfer "{\"fromEntityId\":\"treasury\",\"toEntityId\":\"admin\",\"tokenId\":\"$t\",\"amount\":\"2000000\"}")
    [[ $(status_of "$r") == 201 ]] || die "W8 funding: $r"
  done
  r=$(api POST /api/amm/pools '{"tokenA":"BTA-GOV","tokenB":"BTA-UTIL"}')
  [[ $(status_of "$r") == 201 ]] || die "W8 pool: $r"
  W8_POOL=$(json_str id "$r")
  r=$(api POST "/api/amm/pools/$W8_POOL/liquidity" '{"amountADesired":"1000000","amountBDesired":"1000000"}')
  [[ $(status_of "$r") == 201 ]] || die "W8 liquidity: $r"
fi

if want W10; then
  # W10: two campaigns of 100,000 claims each (w10-<campaign>-1..100000, 1 BTA-UTIL each), one for
  # the warm-up and one measured, each created in one request whose time is reported (goal <= 10 s).
  W10_CREATE_NOTE=""
  for c in warm run; do
    awk -v c="$c" 'BEGIN {
      printf "{\"tokenId\":\"BTA-UTIL\",\"name\":\"W10 %s\",\"endsAt\":\"2100-01-01T00:00:00Z\",\"claims\":[", c
      for (i = 1; i <= 100000; i++) printf "%s{\"entityId\":\"w10-%s-%d\",\"amount\":\"1\"}", (i > 1 ? "," : ""), c, i
      printf "]}" }' >"$WORK/w10-$c.json"
    t0=$(date +%s%N)
    r=$(curl -s -m 600 -X POST "$URL/api/airdrops" -H "Authorization: Bearer $ADMIN" \
      -H 'Content-Type: application/json' --data-binary "@$WORK/w10-$c.json" -w ' %{http_code}')
    t1=$(date +%s%N)
    [[ $(status_of "$r") == 201 ]] || die "W10 campaign $c: ${r:0:300}"
    declare "W10_${c^^}=$(json_str id "$r")"
    W10_CREATE_MS=$(( (t1 - t0) / 1000000 ))
    log "W10: campaign $c of 100,000 claims created in $W10_CREATE_MS ms"
    W10_CREATE_NOTE="${W10_CREATE_NOTE:+$W10_CREATE_NOTE, }$c campaign created in $W10_CREATE_MS ms"
  done
fi

if want W4; then
  log "pre-locking $PRELOCK_AMOUNT BTA-UTIL on each account (for W4's unlocks)"
  r=$(api POST /api/bench/setup "{\"operation\":\"LOCK\",\"tokenId\":\"BTA-UTIL\",\"prefix\":\"acct-\",\"first\":1,\"count\":$ACCOUNTS,\"amount\":\"$PRELOCK_AMOUNT\"}")
  [[ $(status_of "$r") == 200 && $(json_num applied "$r") == "$ACCOUNTS" ]] || die "pre-lock: $r"
fi

# The set-up wrote tens of thousands of rows into tables that were empty: refresh the planner's
# statistics now, so that the first workload does not depend on when autovacuum gets to them.
psql_pg -d postgres -c "vacuum analyze" >/dev/null

# A fresh JVM interprets before it compiles: the first workload would pay for the JIT of the whole
# HTTP stack. Warm it once here (echo and, when the accounts exist, transfers; swaps with W8), on top of each
# workload's own warm-up.
JVM_WARMUP=$(( WARMUP * 2 > 10 ? WARMUP * 2 : 10 ))
log "warming the JVM for ${JVM_WARMUP} s"
MODE=echo TOKEN=$ADMIN ACCOUNTS=$ACCOUNTS RUN="$RUN_ID-jvm" \
  wrk -t2 -c16 -d"${JVM_WARMUP}s" -s bench/wrk-ledger.lua "$URL" >"$WORK/jvm-warm-echo.out" 2>&1 || true
if [[ $FUNDED_VIA != none ]]; then
  MODE=transfer TOKEN=$ADMIN ACCOUNTS=$ACCOUNTS RUN="$RUN_ID-jvm" \
    wrk -t2 -c16 -d"${JVM_WARMUP}s" -s bench/wrk-ledger.lua "$URL" >"$WORK/jvm-warm-transfer.out" 2>&1 || true
fi
if [[ -n ${W8_POOL:-} ]]; then
  # W8's swaps take their own code path (routing, the AMM's math, the swaps' group commit): warmed
  # here too, so that W8 is not measured on a JVM still compiling it while W1 is measured warm
  MODE=swap TOKEN=$ADMIN ACCOUNTS=$ACCOUNTS RUN="$RUN_ID-jvm" \
    wrk -t2 -c16 -d"${JVM_WARMUP}s" -s bench/wrk-ledger.lua "$URL" >"$WORK/jvm-warm-swap.out" 2>&1 || true
fi

# On two cores the JIT's second tier (C2) goes on compiling the request path long after those first
# seconds: a run of 2026-12-05 saw 30 compilations of 0.1-1.1 s each (a fifth of a core) during
# W1@64, the first workload, and 3 during the same transfers 40 s later. So the warm-up goes on, in
# rounds of the first workloads' own load, until the compiler threads use at most JIT_SETTLED cores
# in a round (their CPU time, from /proc), or JIT_MAX_ROUNDS rounds have run; the summary says how it
# ended, and each row's notes say how much of a core the JIT took during the workload.
JIT_SETTLED=0.05
JIT_MAX_ROUNDS=8
JIT_NOTE="JIT: not watched (the service's compiler threads were not found)"
if [[ -n $(jit_seconds) && $FUNDED_VIA != none ]]; then
  for round in $(seq "$JIT_MAX_ROUNDS"); do
    before=$(jit_seconds)
    t0=$(date +%s%N)
    # swaps first: the round ends on transfers, the first workloads' own load
    if [[ -n ${W8_POOL:-} ]]; then
      MODE=swap TOKEN=$ADMIN ACCOUNTS=$ACCOUNTS RUN="$RUN_ID-jit$round" \
        wrk -t2 -c64 -d4s -s bench/wrk-ledger.lua "$URL" >"$WORK/jit-warm.out" 2>&1 || true
    fi
    MODE=transfer TOKEN=$ADMIN ACCOUNTS=$ACCOUNTS RUN="$RUN_ID-jit$round" \
      wrk -t2 -c64 -d4s -s bench/wrk-ledger.lua "$URL" >"$WORK/jit-warm.out" 2>&1 || true
    busy=$(awk -v a="$before" -v b="$(jit_seconds)" -v w="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.2f", (b - a) / (w / 1e9) }')
    JIT_NOTE="JIT: compiler threads at $busy cores in the last of $round warm-up rounds"
    awk -v b="$busy" -v s="$JIT_SETTLED" 'BEGIN { exit !(b <= s) }' && break
  done
  log "$JIT_NOTE"
fi

# The warm-up filled tables (idempotency keys, transactions, webhook messages) that the analyze above
# saw almost empty. Statements prepared meanwhile keep generic plans made for those statistics (a
# sequential scan of the idempotency keys per batch, for one) until autovacuum analyzes the tables
# again, which on a young database happens at a moment that varies from run to run. Analyze now, so
# that every workload starts from statistics that describe the tables, as in a service that has run.
psql_pg -d postgres -c "analyze" >/dev/null

# ------------------------------------------------------------------ B0: pgbench on the same PostgreSQL

pgbench_run() { # id clients script multiplier notes
  local id=$1 clients=$2 script=$3 mult=$4 notes=$5 prefix="$WORK/pgb-$1"
  local jobs=2
  [[ $clients -lt 2 ]] && jobs=1
  pgbench -n -M prepared -c "$clients" -j "$jobs" -T "$WARMUP" -f "bench/$script" \
    -h 127.0.0.1 -p "$PGPORT" -U postgres bench_baseline >"$WORK/$id-warm.out" 2>&1 || { cat "$WORK/$id-warm.out" >&2; die "$id warm-up"; }
  snap_start
  pgbench -n -M prepared -c "$clients" -j "$jobs" -T "$DURATION" -f "bench/$script" -l --log-prefix="$prefix" \
    -h 127.0.0.1 -p "$PGPORT" -U postgres bench_baseline >"$WORK/$id.out" 2>&1 || { cat "$WORK/$id.out" >&2; die "$id"; }
  snap_end
  local tps failed
  tps=$(awk '/^tps = / { print $3; exit }' "$WORK/$id.out")
  failed=$(awk -F'[: ]+' '/number of failed transactions/ { print $5; exit }' "$WORK/$id.out")
  # per-transaction latencies (µs, third column of pgbench's log)
  cat "$prefix".* | awk '{ print $3 }' | sort -n >"$WORK/$id.lat"
  local n p50 p99 p999
  n=$(wc -l <"$WORK/$id.lat")
  p50=$(awk -v n="$n" 'NR == int(n * 0.5 + 0.999999) { print; exit }' "$WORK/$id.lat")
  p99=$(awk -v n="$n" 'NR == int(n * 0.99 + 0.999999) { print; exit }' "$WORK/$id.lat")
  p999=$(awk -v n="$n" 'NR == int(n * 0.999 + 0.999999) { print; exit }' "$WORK/$id.lat")
  rm -f "$prefix".*
  row "$id" "$notes" "$(awk -v t="$tps" -v m="$mult" 'BEGIN { printf "%.1f", t * m }')" "$p50" "$p99" "$p999" "${failed:-0}" 0 \
    "$([[ $mult -ne 1 ]] && echo "tps × $mult; latency per transaction of $mult transfers")"
}

if want B0; then
  log "B0: creating bench_baseline"
  psql_pg -d postgres -c "drop database if exists bench_baseline" -c "create database bench_baseline"
  psql_pg -d bench_baseline <<'SQL'
create table accounts(id int primary key, balance numeric(38,18) not null check (balance >= 0));
insert into accounts select g, 1000000 from generate_series(1,10000) g;
create table transfers(id bigserial primary key, from_id int not null, to_id int not null,
                       amount numeric(38,18) not null, created_at timestamptz not null default now());
vacuum analyze accounts;
SQL
  pgbench_run B0@8 8 b0-transfer.sql 1 "pgbench, one transfer per transaction, 8 clients"
  pgbench_run B0@64 64 b0-transfer.sql 1 "pgbench, one transfer per transaction, 64 clients"
  pgbench_run B0-batch100 2 b0-transfer-batch100.sql 100 "pgbench, 100 transfers per transaction, 2 clients"
fi

# ------------------------------------------------------------------ wrk workloads

wrk_run() { # id mode connections notes
  local id=$1 mode=$2 conns=$3 notes=$4
  ensure_alive
  MODE=$mode TOKEN=$ADMIN ACCOUNTS=$ACCOUNTS RUN="$RUN_ID-$id-warm" \
    wrk -t2 -c"$conns" -d"${WARMUP}s" --timeout 10s -s bench/wrk-ledger.lua "$URL" >"$WORK/$id-warm.out" 2>&1 \
    || { cat "$WORK/$id-warm.out" >&2; die "$id warm-up"; }
  snap_start
  MODE=$mode TOKEN=$ADMIN ACCOUNTS=$ACCOUNTS RUN="$RUN_ID-$id" \
    wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 10s -s bench/wrk-ledger.lua "$URL" >"$WORK/$id.out" 2>"$WORK/$id.err" \
    || { cat "$WORK/$id.out" "$WORK/$id.err" >&2; die "$id"; }
  snap_end
  local first
  first=$(grep -m1 'first error' "$WORK/$id.err" 2>/dev/null | cut -c1-160 || true)
  row_from "$id" "$notes" "$WORK/$id.out" "$first"
}

want B2 && wrk_run B2@64 echo 64 "HTTP ceiling: JWT + JSON + validation, no ledger (wrk, 64 conns)"
want B2 && wrk_run B2@16 echo 16 "HTTP ceiling (wrk, 16 conns)"
# What a transfer leaves behind, measured over W1@64: bytes of the ledger's history (its
# partitions' tables and indexes), of the other per-request rows, and of WAL, per transaction.
storage_snapshot() {
  psql_pg -d postgres -At -F ' ' -c "
    select (select last_sequence from ledger_head),
           pg_current_wal_lsn() - '0/0'::pg_lsn,
           (select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('ledger_transactions') where isleaf),
           (select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('ledger_balance_checkpoints') where isleaf)
             + (select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('ledger_supply_checkpoints') where isleaf),
           (select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c
             where c.relkind = 'r' and c.relname in ('idempotency_keys', 'audit_entries', 'webhook_messages', 'event_publication'))"
}
if want W1; then
  STORAGE_BEFORE=$(storage_snapshot)
  wrk_run W1@64 transfer 64 "single transfers over HTTP, Idempotency-Key (wrk, 64 conns)"
  STORAGE_AFTER=$(storage_snapshot)
  STORAGE_NOTE=$(awk -v a="$STORAGE_BEFORE" -v b="$STORAGE_AFTER" 'BEGIN {
    split(a, x, " "); split(b, y, " "); n = y[1] - x[1];
    if (n <= 0) { print "no transactions"; exit }
    printf "%d transactions: history %.0f B each (transactions %.0f, checkpoints %.0f), other rows (idempotency keys, audit entries, webhook messages, event publications) %.0f B, WAL %.0f B; per million transactions: %.2f GB of history, %.2f GB of WAL",
      n, (y[3] - x[3] + y[4] - x[4]) / n, (y[3] - x[3]) / n, (y[4] - x[4]) / n, (y[5] - x[5]) / n, (y[2] - x[2]) / n,
      (y[3] - x[3] + y[4] - x[4]) / n * 1e6 / 1e9, (y[2] - x[2]) / n * 1e6 / 1e9 }')
  log "storage over W1@64: $STORAGE_NOTE"
fi
want W1 && wrk_run W1@8 transfer 8 "single transfers over HTTP (wrk, 8 conns)"
# W1n: W1@64 without Idempotency-Key, the like-for-like baseline of W8n (and the keys' own cost)
want W8 && wrk_run W1n@64 transfer-nokey 64 "W1@64 without Idempotency-Key (wrk, 64 conns)"
want W8 && wrk_run W8 swap 64 "swaps on one hot AMM pool over HTTP, Idempotency-Key (wrk, 64 conns)"
want W8 && wrk_run W8n swap-nokey 64 "W8 without Idempotency-Key: through the swaps' group commit (wrk, 64 conns)"
if want W10; then
  # the warm-up claims from one campaign, the measured run from the other: each entity claims once
  ensure_alive
  MODE=claim TOKEN=$ADMIN AIRDROP=$W10_WARM CAMPAIGN=warm RUN="$RUN_ID-W10-warm" \
    wrk -t2 -c64 -d"${WARMUP}s" --timeout 10s -s bench/wrk-ledger.lua "$URL" >"$WORK/W10-warm.out" 2>&1 \
    || { cat "$WORK/W10-warm.out" >&2; die "W10 warm-up"; }
  snap_start
  MODE=claim TOKEN=$ADMIN AIRDROP=$W10_RUN CAMPAIGN=run RUN="$RUN_ID-W10" \
    wrk -t2 -c64 -d"${DURATION}s" --timeout 10s -s bench/wrk-ledger.lua "$URL" >"$WORK/W10.out" 2>"$WORK/W10.err" \
    || { cat "$WORK/W10.out" "$WORK/W10.err" >&2; die "W10"; }
  snap_end
  first=$(grep -m1 'first error' "$WORK/W10.err" 2>/dev/null | cut -c1-160 || true)
  row_from W10 "airdrop claims over HTTP, each entity once, one campaign of 100,000 (wrk, 64 conns)" "$WORK/W10.out" \
    "$W10_CREATE_NOTE${first:+; $first}"
fi

# ------------------------------------------------------------------ W1c: the facade in-process

if want W1c; then
  ensure_alive
  r=$(api POST /api/bench/inprocess-transfers "{\"threads\":64,\"seconds\":$WARMUP,\"accounts\":$ACCOUNTS}")
  [[ $(status_of "$r") == 200 ]] || die "W1c warm-up: $r"
  snap_start
  r=$(api POST /api/bench/inprocess-transfers "{\"threads\":64,\"seconds\":$DURATION,\"accounts\":$ACCOUNTS}")
  snap_end
  [[ $(status_of "$r") == 200 ]] || die "W1c: $r"
  echo "$r" >"$WORK/W1c.out"
  n=$(json_num transfers "$r"); ref=$(json_num refused "$r"); ms=$(json_num elapsedMillis "$r")
  row W1c "Ledger.transfer in-process, 64 threads, no HTTP" \
    "$(awk -v n="$n" -v r="$ref" -v ms="$ms" 'BEGIN { printf "%.1f", (n + r) * 1000 / ms }')" \
    "$(json_num p50Micros "$r")" "$(json_num p99Micros "$r")" "$(json_num p999Micros "$r")" \
    "$(json_num errors "$r")" "$ref" "$(grep -o '"failures":{[^}]*}' <<<"$r" | sed 's/"failures":{}//')"
fi

# ------------------------------------------------------------------ W2: the batch API

BATCH_API=unknown
if want W2; then
  ensure_alive
  run_phased "$WORK/W2.out" "$WORK/W2.err" "${LOADGEN[@]}" batch --url "$URL" --token "$ADMIN" \
    --connections "$W2_CONNECTIONS" --seconds "$DURATION" --warmup "$WARMUP" --accounts "$ACCOUNTS" --size 1000
  if [[ "$(kv absent "$WORK/W2.out")" == 1 ]]; then
    BATCH_API=absent
    RSS_MIB=- SVC_CORES=- PG_CORES=- GEN_CORES=- OTHER_CORES=- BATCH_MEAN=- WAL_NOTE=-
    row W2 "batch API, 1000 transfers per request" - - - - - - "not measured: POST /api/tokens/transfers/batch answers 404"
  else
    BATCH_API=present
    row_from W2 "batch API, 1000 INDEPENDENT transfers per request, $W2_CONNECTIONS conns (transfers/s; latency per request)" \
      "$WORK/W2.out" "$(head -c 160 "$WORK/W2.err" | tr '\n' ' ')"
  fi
fi

want W3 && wrk_run W3 treasury 64 "W1 with every transfer from the treasury (wrk, 64 conns)"
want W4 && wrk_run W4 mix 64 "mix: 80% transfer, 10% mint/burn, 5% lock/unlock, 5% reads (wrk, 64 conns)"

# ------------------------------------------------------------------ W5: open loop at 70% of W1@64

ops_of() { awk -F'\t' -v id="$1" '$1 == id { print $3 }' "$ROWS"; }

if want W5; then
  ensure_alive
  if [[ -z "$W5_RATE" ]]; then
    w1=$(ops_of W1@64)
    [[ -n "$w1" && "$w1" != - ]] || die "W5 needs W1@64's rate (run W1 too, or pass --w5-rate)"
    W5_RATE=$(awk -v r="$w1" 'BEGIN { printf "%.1f", r * 0.7 }')
  fi
  run_phased "$WORK/W5.out" "$WORK/W5.err" "${LOADGEN[@]}" open --url "$URL" --token "$ADMIN" --rate "$W5_RATE" \
    --seconds "$DURATION" --warmup "$WARMUP" --accounts "$ACCOUNTS" --timeout-ms 2000
  p99=$(kv p99_us "$WORK/W5.out")
  row_from W5 "W1 open loop at $W5_RATE/s (70% of W1@64), latency from the intended send time" "$WORK/W5.out" \
    "p99 goal ≤ 50 ms: $([[ -n "$p99" && "$p99" -le 50000 ]] && echo met || echo NOT met); error kinds: $(kv error_kinds "$WORK/W5.out" | sed 's/^-$/none/')"
fi

# ------------------------------------------------------------------ W7: governance

if want W7; then
  ensure_alive
  log "W7: giving 10 BTA-GOV to voter-1..voter-$VOTES"
  r=$(api POST /api/bench/setup "{\"operation\":\"TRANSFER\",\"tokenId\":\"BTA-GOV\",\"fromEntityId\":\"treasury\",\"prefix\":\"voter-\",\"first\":1,\"count\":$VOTES,\"amount\":\"10\"}")
  [[ $(status_of "$r") == 200 && $(json_num applied "$r") == "$VOTES" ]] || die "W7 voters: $r"
  log "W7: voters funded in $(json_num elapsedMillis "$r") ms"
  psql_pg -d postgres -c "analyze" >/dev/null
  # The treasury holds the BTA-GOV that a proposal needs; it proposes with a token of its own.
  TREASURY_TOKEN=$("${LOADGEN[@]}" jwt --secret "$SECRET" --sub treasury)
  r=$(curl -s -m 60 -X POST "$URL/api/governance/proposals" -H "Authorization: Bearer $TREASURY_TOKEN" \
    -H 'Content-Type: application/json' -d '{"title":"bench W7","description":"a proposal for the benchmark"}' -w ' %{http_code}')
  [[ $(status_of "$r") == 201 ]] || die "W7 proposal: $r"
  PROPOSAL=$(json_str id "$r")
  log "W7: proposal $PROPOSAL ($(json_str status "$r")); casting $VOTES votes, 64 connections"
  run_phased "$WORK/W7.out" "$WORK/W7.err" "${LOADGEN[@]}" votes --url "$URL" --secret "$SECRET" --token "$ADMIN" \
    --proposal "$PROPOSAL" --voters "$VOTES" --connections 64 --max-seconds "$W7_MAX_SECONDS" --reads 2000
  backlog=$(psql_pg -d postgres -At -c "select count(*) from event_publication where completion_date is null")
  # by event type (the class's simple name), e.g. "VotesCast 12, TrustScoreChanged 9000"
  backlog_kinds=$(psql_pg -d postgres -At -F ' ' -c "select regexp_replace(event_type, '^.*[.$]', ''), count(*)
    from event_publication where completion_date is null group by 1 order by 2 desc" | paste -sd, - | sed 's/,/, /g')
  r=$(api POST "/api/governance/proposals/$PROPOSAL/verify-tally")
  consistent=$(grep -o '"consistent":[a-z]*' <<<"$r" | cut -d: -f2)
  capped=$(kv capped "$WORK/W7.out")
  row_from W7-votes "votes on one proposal, a token per voter (HTTP, 64 conns)" "$WORK/W7.out" \
    "cast $(kv cast_total "$WORK/W7.out") (first $(( VOTES / 10 < 2000 ? VOTES / 10 : 2000 )) = warm-up)$([[ $capped == true ]] && echo ", CAPPED at ${W7_MAX_SECONDS}s"); voterCount $(kv voter_count "$WORK/W7.out"); tally consistent: ${consistent:-?}; event publications pending at the end: $backlog${backlog_kinds:+ ($backlog_kinds)}"
  RSS_MIB=- SVC_CORES=- PG_CORES=- GEN_CORES=- OTHER_CORES=- BATCH_MEAN=- WAL_NOTE=-
  tp99=$(kv read_p99_us "$WORK/W7.out")
  row W7-tally "GET the proposal (its tally) after the votes, one client" - "$(kv read_p50_us "$WORK/W7.out")" "$tp99" \
    "$(kv read_p999_us "$WORK/W7.out")" "$(kv read_errors "$WORK/W7.out")" 0 \
    "goal ≤ 10 ms: $([[ -n "$tp99" && "$tp99" -le 10000 ]] && echo met at p99 || echo NOT met at p99)"
  log "W7: waiting up to 30 s for the event listeners to finish ($backlog pending)"
  for _ in $(seq 30); do
    backlog=$(psql_pg -d postgres -At -c "select count(*) from event_publication where completion_date is null")
    [[ "$backlog" == 0 ]] && break
    sleep 1
  done
  log "W7: $backlog event publications still pending"
fi

ensure_alive
grep -c ' ERROR ' "$WORK/service.log" >"$WORK/service-errors" || true
SERVICE_ERRORS=$(cat "$WORK/service-errors")
cp "$WORK/service.log" "$OUT/service.log"
stop_service

# ------------------------------------------------------------------ W6: staking (its own benchmark)

if want W6 && [[ $RUN_W6 -eq 1 ]]; then
  W6_ARGS=()
  [[ $W6_QUICK -eq 1 ]] && W6_ARGS=(-Dbench.staking.read-sizes=1000,20000 -Dbench.staking.distribute-sizes=20000)
  log "W6: mvn -Pbench verify -Dtest=StakingBenchmark ${W6_ARGS[*]:-} (about 4 minutes at full size)"
  RSS_MIB=- SVC_CORES=- PG_CORES=- GEN_CORES=- OTHER_CORES=- BATCH_MEAN=- WAL_NOTE=-
  rm -f target/bench/staking.md
  if mvn -q -B -ntp -Pbench verify -Dtest=StakingBenchmark -Dspotless.check.skip=true "${W6_ARGS[@]}" >"$WORK/W6.log" 2>&1; then
    ratio=$(grep -o 'largest pool / smallest: \*\*[0-9.]*' target/bench/staking.md | grep -o '[0-9.]*$' || true)
    reads=$(grep -E '^\| [0-9,]+ \| [0-9,]+ \| [0-9]+ \|' target/bench/staking.md | tail -1)
    dist=$(awk '/Distributing/ { d = 1 } d && /^\| [0-9]/ { last = $0 } END { print last }' target/bench/staking.md)
    row W6-read "staking: read one stake's pending reward, largest pool / smallest (p50 ratio)" - \
      "$(awk -F'|' '{ gsub(/ /, "", $4); print $4 }' <<<"$reads")" "$(awk -F'|' '{ gsub(/ /, "", $5); print $5 }' <<<"$reads")" - 0 0 \
      "p50 ratio ${ratio:-?} (≈1 means O(1)); latencies of the largest pool; see target/bench/staking.md"
    row W6-distribute "staking: distribute a pool of $(awk -F'|' '{ gsub(/ /, "", $2); print $2 }' <<<"$dist") stakes" \
      "$(awk -F'|' '{ gsub(/[ ,]/, "", $5); print $5 }' <<<"$dist")" - - - 0 0 \
      "stakes/s; $(awk -F'|' '{ gsub(/ /, "", $4); print $4 }' <<<"$dist") s in all"
  else
    tail -20 "$WORK/W6.log" >&2
    row W6 "staking benchmark" - - - - - - "FAILED, see the log"
  fi
fi

# ------------------------------------------------------------------ W9: farms (its own benchmark)

if want W9; then
  W9_ARGS=()
  [[ $W9_QUICK -eq 1 ]] && W9_ARGS=(-Dbench.farms.sizes=1000,20000 -Dbench.farms.rounds=1)
  log "W9: mvn -Pbench verify -Dtest=FarmsBenchmark ${W9_ARGS[*]:-} (about 2 minutes at full size)"
  RSS_MIB=- SVC_CORES=- PG_CORES=- GEN_CORES=- OTHER_CORES=- BATCH_MEAN=- WAL_NOTE=-
  rm -f target/bench/farms.md
  if mvn -q -B -ntp -Pbench verify -Dtest=FarmsBenchmark -Dspotless.check.skip=true "${W9_ARGS[@]}" >"$WORK/W9.log" 2>&1; then
    ratio=$(grep -o 'largest farm / smallest: \*\*[0-9.]*' target/bench/farms.md | grep -o '[0-9.]*$' || true)
    largest=$(grep -E '^\| [0-9,]+ \| [0-9,]+ \| [0-9]+ \|' target/bench/farms.md | tail -1)
    row W9 "farms: harvest one position with $(awk -F'|' '{ gsub(/ /, "", $2); print $2 }' <<<"$largest") positions in the farm, largest / smallest (p50 ratio)" \
      "$(awk -F'|' '{ gsub(/[ ,]/, "", $7); print $7 }' <<<"$largest")" \
      "$(awk -F'|' '{ gsub(/ /, "", $4); print $4 }' <<<"$largest")" "$(awk -F'|' '{ gsub(/ /, "", $5); print $5 }' <<<"$largest")" - 0 0 \
      "p50 ratio ${ratio:-?} (goal ≤ 1.5); one harvest at a time; see target/bench/farms.md"
  else
    tail -20 "$WORK/W9.log" >&2
    row W9 "farms benchmark" - - - - - - "FAILED, see the log"
  fi
fi

# ------------------------------------------------------------------ W11: reads from a replica

if want W11; then
  log "W11: mvn -Pbench verify -Dtest=ReplicaReadsBenchmark (a primary and a standby of its own; about 2 minutes)"
  rm -f target/bench/replicas.md
  if mvn -q -B -ntp -Pbench verify -Dtest=ReplicaReadsBenchmark -Dspotless.check.skip=true \
      -Dbench.replicas.seconds="$DURATION" >"$WORK/W11.log" 2>&1; then
    W11_NOTE=$(cat target/bench/replicas.md)
  else
    tail -20 "$WORK/W11.log" >&2
    W11_NOTE="W11 FAILED, see $WORK/W11.log"
  fi
fi

# ------------------------------------------------------------------ WB: the bridge (its own benchmark, on Anvil)

if want WB; then
  log "WB: mvn -Pbench verify -Dtest=BridgeBenchmark (needs anvil; about 2 minutes)"
  RSS_MIB=- SVC_CORES=- PG_CORES=- GEN_CORES=- OTHER_CORES=- BATCH_MEAN=- WAL_NOTE=-
  rm -f target/bench/bridge.md
  if mvn -q -B -ntp -Pbench verify -Dtest=BridgeBenchmark -Dspotless.check.skip=true >"$WORK/WB.log" 2>&1 \
      && [[ -f target/bench/bridge.md ]]; then
    wb_row() { grep -F "| $1 |" target/bench/bridge.md | head -1; }
    cell() { awk -F'|' -v i="$1" '{ gsub(/[ ,]/, "", $i); print $i }'; }
    gas_ratio=$(grep -o 'batched / single: \*\*[0-9.]*' target/bench/bridge.md | grep -o '[0-9.]*$' || true)
    batched=$(wb_row "batches of 100"); single=$(wb_row "one per chain transaction")
    row WB-batched "bridge: withdrawals end to end, batches of 100 (Anvil)" "$(cell 6 <<<"$batched")" - - - 0 0 \
      "withdrawals/s; gas per withdrawal $(cell 7 <<<"$batched"); batched/single gas ${gas_ratio:-?} (goal ≤ 0.4)"
    row WB-single "bridge: withdrawals end to end, one per chain transaction (Anvil)" "$(cell 6 <<<"$single")" - - - 0 0 \
      "withdrawals/s; gas per withdrawal $(cell 7 <<<"$single")"
    dep=$(awk '/Deposit credit latency/ { d = 1 } d && /^\| [0-9]/ { print; exit }' target/bench/bridge.md)
    us() { awk -v m="$1" 'BEGIN { printf "%.0f", m * 1000 }'; }
    row WB-deposit "bridge: deposit credited after the confirmation depth (Anvil)" - \
      "$(us "$(cell 3 <<<"$dep")")" "$(us "$(cell 4 <<<"$dep")")" - 0 0 "latency from the block that makes it deep enough (goal p99 ≤ 2 s)"
  else
    tail -20 "$WORK/WB.log" >&2
    row WB "bridge benchmark" - - - - - - "FAILED or skipped (no anvil), see the log"
  fi
fi

# ------------------------------------------------------------------ the table

ratio_of() { # id baseline-id
  local a b
  a=$(ops_of "$1"); b=$(ops_of "$2")
  if [[ -n "$a" && -n "$b" && "$a" != - && "$b" != - ]]; then
    awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
  else
    echo -
  fi
}
baseline_of() {
  case "$1" in
    B2@64|B2@16|W1@8|W1c) echo B0@8 ;;
    W1@64) echo B2@64 ;;
    W2) echo B0-batch100 ;;
    W3|W4|W7-votes|W8|W10|W1n@64) echo W1@64 ;;
    W8n) echo W1n@64 ;;
    *) echo "" ;;
  esac
}
ms() { [[ -z "$1" || "$1" == - ]] && echo - || awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }

SUMMARY="$OUT/summary.md"
{
  echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)$(git diff --quiet 2>/dev/null || echo ' (with local changes)');" \
    "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "load average before the run $LOAD_BEFORE;" \
    "$DURATION s measured after $WARMUP s of warm-up per workload; $ACCOUNTS accounts;" \
    "accounts funded via: $(case $FUNDED_VIA in batch) echo "the batch API" ;; single) echo "single transfers (the batch API answered 404)" ;; *) echo "not needed" ;; esac);" \
    "service log lines at ERROR: ${SERVICE_ERRORS:-?}."
  echo
  echo "ops/s: answered operations per second (2xx + refusals); errors: other statuses, socket errors and timeouts;"
  echo "ratio: ops/s divided by the named baseline's, measured in this run. RSS: the service's peak resident memory"
  echo "during the workload (VmHWM); cores: CPU time used during the workload / wall time, for the service's JVM, for all"
  echo "of the embedded PostgreSQL's processes, for the load generator (wrk, pgbench, LoadGen or curl), and for everything else"
  echo "on the machine (other cores: the machine's busy time from /proc/stat minus those three; other tenants of a shared machine)."
  echo
  echo "| id | workload | ops/s | p50 ms | p99 ms | p99.9 ms | errors | refused | ratio | RSS MiB | svc cores | pg cores | gen cores | other cores | notes |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|"
  while IFS=$'\t' read -r id workload ops p50 p99 p999 errors refused rss svc pg gen other notes; do
    base=$(baseline_of "$id")
    ratio=-
    [[ -n "$base" ]] && ratio="$(ratio_of "$id" "$base") (/ $base)"
    if [[ "$id" == W5 ]]; then
      ratio="$(awk -v a="$ops" -v b="$W5_RATE" 'BEGIN { printf "%.2f", a / b }') (/ target rate)"
    fi
    echo "| $id | $workload | $ops | $(ms "$p50") | $(ms "$p99") | $(ms "$p999") | $errors | $refused | $ratio | $rss | $svc | $pg | $gen | $other | $notes |"
  done <"$ROWS"
  echo
  [[ -n "${STORAGE_NOTE:-}" ]] && echo "Storage per transaction over W1@64 (tables and indexes grow by whole pages): $STORAGE_NOTE." && echo
  [[ -n "${W11_NOTE:-}" ]] && echo "$W11_NOTE" && echo
  [[ -n "${JIT_NOTE:-}" ]] && echo "$JIT_NOTE (before the first workload; at most $JIT_SETTLED wanted)." && echo
  echo "Suite time: $(( $(date +%s) - SUITE_START )) s."
} >"$SUMMARY"
echo
cat "$SUMMARY"
log "written to $SUMMARY"
