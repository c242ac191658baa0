#!/usr/bin/env bash
# Runs the packaged service with Kiln's recommended JVM settings (see README.md, "Run").
#   ./run.sh [--server.port=8080 ...]        extra arguments go to the application
#   JAVA_OPTS="-Xmx512m" ./run.sh           extra/overriding JVM options (they come last, so they win)
# On JDK 25+ the first run (and the first after each rebuild) also makes an AOT cache in a ~20 s
# training run that only refreshes the Spring context on H2 (no port, no external database);
# later starts load classes from it. On JDK 21-24 the same settings are used without the cache.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

JAR=target/@ARTIFACT@-@VERSION@.jar         # the generator fills in artifactId and version
APP_DIR=target/app                          # the jar extracted for CDS/AOT: app jar + lib/
APP_JAR="$APP_DIR/$(basename "$JAR")"
CACHE="$APP_DIR/app.aot"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

[[ -f "$JAR" ]] || { echo "run.sh: $JAR not found; build it first: ./mvnw -B package" >&2; exit 1; }
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
[[ "${feature:-0}" -ge 21 ]] || { echo "run.sh: needs Java 21+ (found '${feature:-none}')" >&2; exit 1; }

# Small footprint: serial GC and a 128 MB heap, C1 only (fast warm-up, least memory; see README),
# Spring AOT bean definitions (built by the process-aot goal in pom.xml).
JVM_OPTS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms32m -Xmx128m -Xmn8m
          -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -Dspring.aot.enabled=true)
[[ "$feature" -ge 22 ]] && JVM_OPTS+=(-XX:TrimNativeHeapInterval=2000)
[[ "$feature" -ge 25 ]] && JVM_OPTS+=(-XX:+UseCompactObjectHeaders)
read -r -a EXTRA_OPTS <<<"${JAVA_OPTS:-}"

if [[ ! -f "$APP_JAR" || "$JAR" -nt "$APP_JAR" ]]; then
  rm -rf "$APP_DIR"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
fi
CACHE_OPTS=()
if [[ "$feature" -ge 25 ]]; then
  if [[ ! -f "$CACHE" ]]; then
    echo "run.sh: training the AOT cache (once per build)..." >&2
    # Same JVM options and the same -jar path as the real run, or the JVM refuses the cache.
    "$JAVA" "${JVM_OPTS[@]}" "${EXTRA_OPTS[@]}" -XX:AOTCacheOutput="$CACHE" -Dspring.context.exit=onRefresh \
        -jar "$APP_JAR" --spring.profiles.active=dev --server.port=0 > "$APP_DIR/aot-training.log" 2>&1 \
      || echo "run.sh: AOT cache training failed (see $APP_DIR/aot-training.log); starting without it" >&2
  fi
  [[ -f "$CACHE" ]] && CACHE_OPTS=(-XX:AOTCache="$CACHE")
fi
exec "$JAVA" "${JVM_OPTS[@]}" "${CACHE_OPTS[@]}" "${EXTRA_OPTS[@]}" -jar "$APP_JAR" "$@"
