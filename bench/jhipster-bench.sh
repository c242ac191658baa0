#!/usr/bin/env bash
# jhipster-bench.sh: the Kiln-generated blog service beside a JHipster 9.4 service of the same model
# (bench/jhipster/blog.jdl), measured the same way and printed in one table.
#
#   bench/jhipster-bench.sh                       shipped, jhipster, jhipster-lean: 1 run each
#   bench/jhipster-bench.sh --runs 5 --results bench/results/DATE-kiln-vs-jhipster.tsv
#                                                 5 interleaved rounds, median table, raw rows kept
#   bench/jhipster-bench.sh --strategies shipped,jhipster,jhipster-lean,jhipster-small --runs 5
#
# It is service-bench.sh with a different default strategy list; every option of service-bench.sh
# works (--help there). Strategies: shipped = Kiln's generated ./run.sh; jhipster = JHipster's
# `java -jar` in its dev profile (how its README runs it); jhipster-lean = the same with its prod
# profile's log levels and compact JSON; jhipster-small = jhipster-lean with run.sh's JVM options.
# generator-jhipster, Node 22 and the JHipster build are cached in /tmp/jhipster-bench
# (--jhipster-cache DIR) and only rebuilt when blog.jdl changes.
exec "$(dirname "${BASH_SOURCE[0]}")/service-bench.sh" --strategies shipped,jhipster,jhipster-lean "$@"
