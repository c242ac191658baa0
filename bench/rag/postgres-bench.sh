#!/usr/bin/env bash
# kiln-rag benchmark on PostgreSQL 15's HTML documentation (1,173 pages) and Kiln's own question set.
#   bench/rag/postgres-bench.sh [--baseline] [STORE_DIR]   (default store: /tmp/kiln-rag-bench/store, rebuilt)
# Installs the docs with apt-get if they are missing, ingests them (timed), re-ingests with nothing
# changed (timed), then runs `kiln rag eval` (all modes, abstention) on bench/rag/postgres-questions.jsonl
# (the set the defaults were tuned on), bench/rag/postgres-questions-heldout.jsonl (written blind by
# another engineer, first run once after tuning, then used to fit abstention) and
# bench/rag/postgres-questions-blind.jsonl (a second blind set, run once after the abstention rule was
# fixed: see README and bench/rag/README-blind.md) and bench/rag/postgres-questions-blind2.jsonl (a third
# blind set, run once in session 6 after the system-name rule was fixed: bench/rag/README-blind2.md) and
# bench/rag/postgres-questions-blind3.jsonl (a fourth, run once in session 7: bench/rag/README-blind3.md) and
# bench/rag/postgres-questions-blind4.jsonl (a fifth, run once in session 7 after the session's abstention
# rules were fixed: bench/rag/README-blind4.md).
# --baseline also builds LangChain4j's easy path (300-character recursive chunks, same model, in-memory
# store) over the same pages in the same run: it embeds ~35,000 segments, minutes of CPU.
# QRELS="FILE..." evaluates other question sets instead; VARIANTS=1 adds the fusion and boost variants.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KILN="$HERE/../../kiln"
DOCS=/usr/share/doc/postgresql-doc-15/html
BASELINE=()
if [[ "${1:-}" == "--baseline" ]]; then BASELINE=(--baseline "$DOCS"); shift; fi
STORE="${1:-/tmp/kiln-rag-bench/store}"
QRELS="${QRELS:-$HERE/postgres-questions.jsonl $HERE/postgres-questions-heldout.jsonl $HERE/postgres-questions-blind.jsonl $HERE/postgres-questions-blind2.jsonl $HERE/postgres-questions-blind3.jsonl $HERE/postgres-questions-blind4.jsonl}"
QRELS_ARGS=()
for q in $QRELS; do QRELS_ARGS+=(--qrels "$q"); done
VARIANT_ARGS=()
if [[ -n "${VARIANTS:-}" ]]; then VARIANT_ARGS=(--variants); fi

if [[ ! -f "$DOCS/index.html" ]]; then
  echo "installing postgresql-doc-15 (needs root)..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-doc-15 >/dev/null
fi

rm -rf "$STORE"
mkdir -p "$(dirname "$STORE")"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared)"
echo "== first ingest"
/usr/bin/time -f "wall %e s, CPU %U s user + %S s system, max RSS %M KB" "$KILN" rag ingest --quiet --store "$STORE" "$DOCS"
echo "== re-ingest, nothing changed"
/usr/bin/time -f "wall %e s, CPU %U s user + %S s system" "$KILN" rag ingest --quiet --store "$STORE" "$DOCS"
du -sh "$STORE"
echo "== evaluation"
"$KILN" rag eval --store "$STORE" "${QRELS_ARGS[@]}" "${VARIANT_ARGS[@]}" "${BASELINE[@]}"
