#!/usr/bin/env bash
# Builds the benchmark jar and runs the benchmarks, printing the machine first and each benchmark's own table.
#   scripts/benchmarks.sh              every benchmark with its default (short) parameters
#   scripts/benchmarks.sh ami acd      only the named ones: ami, acd, acd-jmh, dialer, simulator, ivr, console,
#                                      records (minutes, needs PostgreSQL: not in the default set),
#                                      transfer and recpop (call control, a minute or two each: not in the default set),
#                                      scoring (a million customers scored, about a minute: not in the default set),
#                                      scoring-db (a scoring run on PostgreSQL, minutes: not in the default set),
#                                      report-kinds (a month of the skill, campaign and quality reports over 10 million
#                                      calls in PostgreSQL; the first run loads them, many minutes: not in the default set)
#                                      score-rules (the ACD's score read at enqueue on PostgreSQL, about 2 minutes: not
#                                      in the default set)
#                                      warehouse-export (a day of calls to Parquet and CSV on PostgreSQL, a minute or
#                                      two: not in the default set)
#                                      report-month (a month's reports over 10 million calls in PostgreSQL; loading
#                                      them takes tens of minutes the first time: not in the default set)
#                                      pipeline (the sales pipeline report over 100,000 opportunities: not in the default set)
#                                      pipeline-db (the same report with its facts read from PostgreSQL; loading them
#                                      takes a minute or two: not in the default set)
#                                      dialer-load (the whole dialer against the simulator for 30 minutes at 25 agents,
#                                      beside the pure simulation, 30 minutes: not in the default set; for a quick check
#                                      run its class with --minutes 2)
#                                      chat (1,000 concurrent web chats over WebSockets, visitor-to-agent latency:
#                                      about a minute, not in the default set)
#                                      email (email intake through IMAP IDLE into PostgreSQL, about a minute: not in
#                                      the default set)
#                                      backoffice-import (customers streamed into the back-office API's bulk import
#                                      and single upserts, a minute or two: not in the default set)
#                                      webhooks (outbox events appended to PostgreSQL at 5,000/s delivered to a webhook
#                                      receiver on loopback, the relay restarted mid-run, about a minute: not in the
#                                      default set)
#                                      lookup (lookups into an HTTP order system on loopback: answered, cached, hung;
#                                      under a minute, not in the default set)
#                                      faults (the whole server at 20 calls/s on PostgreSQL through a proxy, a database
#                                      or AMI link cut every 30 s, 10 minutes: not in the default set; --minutes 5)
#                                      soak (the whole server against the simulator at 20 calls/s for an hour,
#                                      heap, threads, open files and records every 5 minutes: not in the default set;
#                                      --minutes 20 for a short one)
#                                      cluster (three server nodes in one JVM on Redis, PostgreSQL and the simulator,
#                                      1,500 agents on WebSockets, 50 calls/s: pop latency by node, then the routing
#                                      node killed and the takeover timed; 10 to 20 minutes: not in the default set)
#                                      takeover (three nodes as child JVMs on Redis, PostgreSQL and the simulator, a
#                                      campaign and callers running; the routing and dialer leaders killed by turns
#                                      (kill -9) and restarted, lease and first offer or call timed; 5 to 10 minutes
#                                      with --rounds 5: not in the default set)
# Each benchmark is also a main class that takes its own options (see README, "Benchmarks").
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A main=(
  [ami]=cc.bench.ami.AmiIntakeBenchmark
  [acd]=cc.bench.acd.RoutingBenchmark
  [acd-jmh]=cc.bench.acd.RoutingJmh
  [dialer]=cc.bench.dialer.PacingSimulation
  [simulator]=cc.bench.simulator.SimulatorLoad
  [ivr]=cc.bench.ivr.IvrLoadBenchmark
  [console]=cc.bench.console.PopLatencyBenchmark
  [records]=cc.bench.records.RecordLagBenchmark
  [transfer]=cc.bench.callcontrol.TransferBenchmark
  [recpop]=cc.bench.callcontrol.RecordingPopBenchmark
  [scoring]=cc.bench.scoring.ScoringBenchmark
  [scoring-db]=cc.bench.scoring.ScoringDatabaseBenchmark
  [report-kinds]=cc.bench.report.ReportKindsBenchmark
  [score-rules]=cc.bench.acd.ScoreRulesBenchmark
  [warehouse-export]=cc.bench.warehouse.WarehouseExportBenchmark
  [report-month]=cc.bench.report.ReportMonthBenchmark
  [pipeline]=cc.bench.sales.PipelineBenchmark
  [pipeline-db]=cc.bench.sales.PipelineDatabaseBenchmark
  [dialer-load]=cc.bench.dialer.DialerLoadRun
  [chat]=cc.bench.chat.ChatLatencyBenchmark
  [email]=cc.bench.email.EmailIntakeBenchmark
  [backoffice-import]=cc.bench.backoffice.CustomerImportBenchmark
  [webhooks]=cc.bench.integration.WebhookDeliveryBenchmark
  [lookup]=cc.bench.lookup.LookupBenchmark
  [faults]=cc.bench.faults.FaultLoadRun
  [soak]=cc.bench.soak.SoakRun
  [cluster]=cc.bench.cluster.ClusterPopBenchmark
  [takeover]=cc.bench.cluster.LeaderTakeoverBenchmark
)
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=(ami acd dialer simulator ivr console)
for name in "${selected[@]}"; do
  class=${main[$name]:-}
  [ -n "$class" ] || { echo "unknown benchmark: $name (one of: ${!main[*]})"; exit 1; }
  if ! unzip -l "$jar" "${class//.//}.class" >/dev/null 2>&1; then
    echo "== $name: $class is not built yet"; continue
  fi
  echo; echo "== $name: $class"
  java ${BENCH_JAVA_OPTS:-} -cp "$jar" "$class"
done
