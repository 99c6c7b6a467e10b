#!/usr/bin/env bash
# Builds the harness and runs it; every argument goes to the harness (--quick for a smoke run,
# --help for the options). The report is printed and kept in benchmarks/target/benchmark-report.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -Xms2g -Xmx2g -Xmn64m -XX:+UseG1GC \
  -cp "benchmarks/target/godwit-benchmarks.jar:benchmarks/target/lib/*" \
  dev.godwit.benchmarks.BenchmarkMain --report benchmarks/target/benchmark-report.md "$@"
