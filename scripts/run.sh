#!/usr/bin/env bash
# Builds and runs the server. With no arguments it runs on embedded defaults: an embedded file database,
# in-memory live state, and the Asterisk simulator in-process generating calls. Pass a configuration file
# (see config/server.yaml) to run against a real Asterisk, PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=launcher/target/cc-server.jar
if [ ! -f "$jar" ] || [ -n "$(find core ivr acd dialer agent-console simulator launcher config -newer "$jar" -type f -not -path '*/target/*' -print -quit)" ]; then
  mvn -B -q -ntp -pl launcher -am package -DskipTests
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
