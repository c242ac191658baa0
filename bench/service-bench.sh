#!/usr/bin/env bash
# service-bench.sh: start-up, memory and throughput benchmark of a Kiln-generated service.
#
# Generates examples/blog.kiln.yaml into a temporary directory with ./kiln, builds it, then for each
# JVM strategy: starts the service on a free loopback port, measures the time from process start to the
# first healthy /actuator/health (polled every 50 ms), RSS after ~5 s idle (VmRSS), seeds 1 author and
# 200 posts, warms up with wrk, runs `wrk -t2 -c16` against GET /api/posts/{id} and
# GET /api/posts?page=0&size=20, reads RSS after load, stops the service and prints a table.
#
#   bench/service-bench.sh                         recommended strategy, 1 run
#   bench/service-bench.sh --all --runs 3          every strategy, 3 interleaved runs, medians
#   bench/service-bench.sh --strategies default,aot --runs 2
#   bench/service-bench.sh --list                  describe the strategies
#
# Options: --strategies LIST | --all, --runs N, --duration S (20), --warmup S (10), --idle S (5),
#          --posts N (200), --java-home DIR (a JDK 25; default $JAVA_HOME if it is 25+, else
#          /usr/lib/jvm/temurin-25-jdk-amd64), --workdir DIR (reuse/keep a build there), --keep,
#          --results FILE (also write the raw rows as TSV), --extra-flags "JVM OPTIONS" (appended to
#          every strategy's flags, training runs included; caches are per --workdir, so use a new one),
#          --extra-args "--spring.x=y ..." (appended to every strategy's application arguments),
#          --summarize FILE[,FILE...] (only print the median table of earlier --results files).
# Needs: wrk, curl, a JDK 25. Only 127.0.0.1 is loaded. Every process it starts is stopped on exit.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC="$REPO/examples/blog.kiln.yaml"
RECOMMENDED="spring-aot-c1"
ALL_STRATEGIES="default,serial-c1,small-heap,small-heap-lazy,cds,aot,aot-c1,spring-aot,spring-aot-c1"
STRATEGIES="$RECOMMENDED"
RUNS=1; DURATION=20; WARMUP=10; IDLE=5; POSTS=200
JDK=""; WORKDIR=""; KEEP=0; RESULTS_FILE=""; EXTRA_FLAGS=""; EXTRA_ARGS=""; SUMMARIZE=""

die() { echo "service-bench: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---------------------------------------------------------------- strategies
# Each sets BUILD (plain: the generated project as is | springaot: the same project with the
# spring-boot-maven-plugin process-aot goal, run with -Dspring.aot.enabled=true),
# MODE (fat: java -jar the Boot jar | extracted: java -jar the jar from `java -Djarmode=tools -jar app.jar extract`),
# TRAIN (none | cds | aot), FLAGS (JVM options), ARGS (application arguments), DESC.
SMALL_MEM=(-XX:+UseSerialGC -Xss512k -Xms32m -Xmx128m -Xmn8m -XX:ReservedCodeCacheSize=64m
           -XX:MaxMetaspaceSize=192m -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=2000)
strategy() {
  BUILD=plain; MODE=fat; TRAIN=none; FLAGS=(); ARGS=(); DESC=""
  case "$1" in
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
    spring-aot-c1)   DESC="spring-aot + -XX:TieredStopAtLevel=1 (recommended)"
                     BUILD=springaot; MODE=extracted; TRAIN=aot
                     FLAGS=("${SMALL_MEM[@]}" -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true);;
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
    --summarize) SUMMARIZE="$2"; shift 2;;
    --list) for s in ${ALL_STRATEGIES//,/ }; do strategy "$s"; printf '%-16s %s\n' "$s" "$DESC"; done; exit 0;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0;;
    *) die "unknown option '$1' (see --help)";;
  esac
done
for s in ${STRATEGIES//,/ }; do strategy "$s" || die "unknown strategy '$s' (known: $ALL_STRATEGIES)"; done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"

NCPU=$(nproc)
# ---------------------------------------------------------------- report
report() {
  echo
  echo "Kiln blog service, $(date -u +%Y-%m-%dT%H:%MZ), $NCPU CPUs, wrk -t2 -c16 -d${DURATION}s after ${WARMUP}s warm-up, $POSTS posts"
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

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
if [[ -z "$JDK" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 25 ]]; then JDK="$JAVA_HOME"
  else JDK=/usr/lib/jvm/temurin-25-jdk-amd64; fi
fi
[[ -x "$JDK/bin/java" ]] || die "no JDK at $JDK; pass --java-home DIR (a JDK 25)."
[[ "$(java_major "$JDK")" -ge 25 ]] || die "$JDK is not a JDK 25+ (needed for the AOT cache); pass --java-home DIR."
JAVA="$JDK/bin/java"

# ---------------------------------------------------------------- cleanup: never leave processes behind
APP_PID=""
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
  if [[ -n "$APP_PID" && -r /proc/$APP_PID/stat ]]; then a=$(sed 's/.*) //' /proc/$APP_PID/stat | awk '{print $12+$13}'); fi
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
needs_build() { local s; for s in ${STRATEGIES//,/ }; do strategy "$s"; [[ "$BUILD" == "$1" ]] && return 0; done; return 1; }
app_dir() { if [[ "$1" == springaot ]]; then echo "$WORK/blog-springaot"; else echo "$WORK/blog"; fi; }
extracted_dir() { echo "$WORK/extracted-$1"; }  # outside the project, so the springaot copy never inherits it
if [[ ! -f "$WORK/blog/pom.xml" ]]; then
  log "generating $SPEC into $WORK/blog"
  (cd "$REPO" && JAVA_HOME="$JDK" ./kiln generate "$SPEC" --out "$WORK/blog") > "$WORK/generate.log" 2>&1 \
    || { tail -30 "$WORK/generate.log" >&2; die "kiln generate failed (log: $WORK/generate.log)"; }
fi
build() {  # $1 plain|springaot: builds and extracts that variant unless already done
  local dir; dir=$(app_dir "$1")
  if [[ ! -f "$dir/target/$JARNAME" ]]; then
    if [[ "$1" == springaot ]]; then  # the generated project plus the process-aot goal of spring-boot-maven-plugin
      rm -rf "$dir"; mkdir -p "$dir"
      (cd "$WORK/blog" && tar --exclude=./target --exclude=./extracted -cf - .) | (cd "$dir" && tar -xf -)
      perl -0pi -e 's{(<artifactId>spring-boot-maven-plugin</artifactId>)(\s*)</plugin>}{$1$2<executions><execution><id>process-aot</id><goals><goal>process-aot</goal></goals></execution></executions>$2</plugin>}' "$dir/pom.xml"
      grep -q '<goal>process-aot</goal>' "$dir/pom.xml" || die "could not add the process-aot goal to $dir/pom.xml"
    fi
    log "building $1 (mvnw package -DskipTests)"
    (cd "$dir" && JAVA_HOME="$JDK" ./mvnw -B -ntp package -DskipTests) > "$WORK/build-$1.log" 2>&1 \
      || { tail -40 "$WORK/build-$1.log" >&2; die "build failed (log: $WORK/build-$1.log)"; }
  fi
  [[ -f "$dir/target/$JARNAME" ]] || die "no jar at $dir/target/$JARNAME"
  if [[ "$1" == springaot ]] && ! "$JDK/bin/jar" tf "$dir/target/$JARNAME" | grep -q '__ApplicationContextInitializer'; then
    die "$dir/target/$JARNAME has no Spring AOT initializer (process-aot did not run?)"
  fi
  local x; x=$(extracted_dir "$1")
  if [[ ! -f "$x/$JARNAME" || "$dir/target/$JARNAME" -nt "$x/$JARNAME" ]]; then
    log "extracting the $1 jar for CDS/AOT (java -Djarmode=tools -jar $JARNAME extract)"
    rm -rf "$x"
    "$JAVA" -Djarmode=tools -jar "$dir/target/$JARNAME" extract --destination "$x" > "$WORK/extract-$1.log" 2>&1 \
      || { cat "$WORK/extract-$1.log" >&2; die "jar extraction failed"; }
  fi
}
log "work directory: $WORK"
for b in plain springaot; do if needs_build "$b"; then build "$b"; fi; done

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}
rss_mb() { awk -v k="$2" '$1==k":"{printf "%.0f", $2/1024}' "/proc/$1/status"; }

# ---------------------------------------------------------------- training runs (CDS archive / AOT cache)
declare -A TRAIN_SECS=()
train() {  # $1 strategy; sets CACHE_FLAGS
  local s="$1"; CACHE_FLAGS=()
  strategy "$s"
  local jar; jar="$(extracted_dir "$BUILD")/$JARNAME"; local f t0
  case "$TRAIN" in
    none) return 0;;
    cds) f="$WORK/$s.jsa"
         if [[ ! -f "$f" ]]; then
           log "$s: CDS training run"
           t0=$(date +%s%N)
           (cd "$(dirname "$jar")" && timeout 300 "$JAVA" "${FLAGS[@]}" -XX:ArchiveClassesAtExit="$f" -Dspring.context.exit=onRefresh \
              -jar "$jar" --server.port=0 "${ARGS[@]}") > "$WORK/$s.train.log" 2>&1 \
              || { tail -30 "$WORK/$s.train.log" >&2; die "$s: CDS training failed (log: $WORK/$s.train.log)"; }
           TRAIN_SECS[$s]=$(( ($(date +%s%N) - t0) / 1000000 ))
         fi
         CACHE_FLAGS=(-XX:SharedArchiveFile="$f");;
    aot) f="$WORK/$s.aot"
         if [[ ! -f "$f" ]]; then
           log "$s: AOT cache training run"
           t0=$(date +%s%N)
           (cd "$(dirname "$jar")" && timeout 300 "$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$f" -Dspring.context.exit=onRefresh \
              -jar "$jar" --server.port=0 "${ARGS[@]}") > "$WORK/$s.train.log" 2>&1 \
              || { tail -30 "$WORK/$s.train.log" >&2; die "$s: AOT training failed (log: $WORK/$s.train.log)"; }
           TRAIN_SECS[$s]=$(( ($(date +%s%N) - t0) / 1000000 ))
         fi
         CACHE_FLAGS=(-XX:AOTCache="$f");;
  esac
  [[ -f "$f" ]] || die "$s: training produced no $f (log: $WORK/$s.train.log)"
}

# ---------------------------------------------------------------- one measured run
ROWS=()
seed() {  # $1 base url
  local base="$1" cfg="$WORK/seed.curl" i
  curl -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d '{"displayName":"Bench Author","email":"bench@example.com","bio":"Writes benchmark posts."}' "$base/api/authors" \
    || die "seeding: POST /api/authors failed"
  : > "$cfg"
  for ((i = 1; i <= POSTS; i++)); do
    {
      [[ $i -gt 1 ]] && echo next
      echo "url = \"$base/api/posts\""
      echo 'header = "Content-Type: application/json"'
      echo "data = \"{\\\"title\\\":\\\"Post number $i\\\",\\\"slug\\\":\\\"post-$i\\\",\\\"body\\\":\\\"Body of post $i, a few words long.\\\",\\\"status\\\":\\\"PUBLISHED\\\",\\\"publishedAt\\\":\\\"2026-01-01T10:00:00Z\\\",\\\"rating\\\":$((i % 5 + 1)),\\\"views\\\":$((i * 7)),\\\"authorId\\\":1}\""
      echo 'output = "/dev/null"'
      echo 'write-out = "%{http_code}\n"'
    } >> "$cfg"
  done
  local ok; ok=$(curl -sS -K "$cfg" | grep -c '^201$' || true)
  [[ "$ok" -eq "$POSTS" ]] || die "seeding: only $ok of $POSTS posts were created"
  local n; n=$(curl -fsS "$base/api/posts?page=0&size=20" | grep -o '"slug"' | wc -l)
  [[ "$n" -eq 20 ]] || die "seeding: GET /api/posts?page=0&size=20 returned $n rows, expected 20"
}

app_ticks() { sed 's/.*) //' "/proc/$APP_PID/stat" | awk '{print $12+$13}'; }
wrk_rps() {  # $1 seconds, $2 url; prints "req/s app-CPU-microseconds-per-request"; dies on errors
  local out a0 a1; a0=$(app_ticks)
  out=$(wrk -t2 -c16 -d"$1"s --latency "$2" 2>&1) || die "wrk failed: $out"
  a1=$(app_ticks)
  echo "$out" >> "$WORK/wrk.log"
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; die "non-2xx responses from $2"; fi
  awk -v dt=$((a1 - a0)) -v hz="$(getconf CLK_TCK)" '/Requests\/sec/{r=$2} / requests in /{n=$1}
    END{printf "%.0f %.0f\n", r, (n > 0 ? dt / hz * 1e6 / n : 0)}' <<<"$out"
}

run_once() {  # $1 strategy, $2 run number
  local s="$1" r="$2" jar port base t0 ms rss_idle rss_load hwm rps_id rps_page us_id us_page cpu_start gc oth_start oth_load log
  train "$s"; strategy "$s"
  if [[ "$MODE" == extracted ]]; then jar="$(extracted_dir "$BUILD")/$JARNAME"; else jar="$(app_dir "$BUILD")/target/$JARNAME"; fi
  local attempt
  for attempt in 1 2 3; do  # another process may take the free port before the service binds it: retry
    port=$(free_port); base="http://127.0.0.1:$port"; log="$WORK/$s.run$r.log"
    log "$s run $r: starting on port $port"
    others_begin
    t0=$(date +%s%N)
    # The example limits each address to 300 requests and 60 writes a minute: raise both far above the
    # load (the limiter stays on, so its cost is part of the figures).
    (cd "$(dirname "$jar")" && RATE_LIMIT_REQUESTS=1000000000 RATE_LIMIT_WRITES_REQUESTS=1000000000 \
       exec "$JAVA" "${FLAGS[@]}" "${CACHE_FLAGS[@]}" -jar "$jar" \
       --server.port="$port" --server.address=127.0.0.1 "${ARGS[@]}") > "$log" 2>&1 &
    APP_PID=$!
    until curl -fs -o /dev/null --max-time 2 "$base/actuator/health"; do
      if ! kill -0 "$APP_PID" 2>/dev/null; then
        wait "$APP_PID" 2>/dev/null || true; APP_PID=""
        if grep -q "Port $port was already in use" "$log" && [[ $attempt -lt 3 ]]; then
          log "$s run $r: port $port was taken meanwhile, retrying"; continue 2
        fi
        tail -40 "$log" >&2; die "$s: the service exited before it was healthy (log: $log)"
      fi
      (( $(date +%s%N) - t0 < 180000000000 )) || { tail -40 "$log" >&2; die "$s: not healthy after 180 s"; }
      sleep 0.05
    done
    break
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  if [[ "$TRAIN" != none ]] && grep -qE '\[error *\]\[(aot|cds)' "$log"; then
    grep -E '\[error *\]\[(aot|cds)' "$log" >&2
    die "$s: the JVM could not use the $TRAIN archive (flags differ from the training run?); log: $log"
  fi
  cpu_start=$(app_ticks | awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", $1 / hz}')
  oth_start=$(others_end)
  sleep "$IDLE"
  rss_idle=$(rss_mb "$APP_PID" VmRSS)
  seed "$base"
  log "$s run $r: healthy in $ms ms ($cpu_start s of CPU), idle RSS $rss_idle MB; warm-up ${WARMUP}s, then ${DURATION}s per endpoint"
  cat > "$WORK/mixed.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then return wrk.format("GET", "/api/posts?page=0&size=20") end
  return wrk.format("GET", "/api/posts/" .. (n % 200 + 1))
end
LUA
  sed -i "s/% 200/% $POSTS/" "$WORK/mixed.lua"
  wrk -t2 -c16 -d"$WARMUP"s -s "$WORK/mixed.lua" "$base" >> "$WORK/wrk.log" 2>&1 || die "wrk warm-up failed"
  others_begin
  read -r rps_id us_id < <(wrk_rps "$DURATION" "$base/api/posts/$((POSTS / 2))")
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
