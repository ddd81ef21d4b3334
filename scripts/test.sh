#!/usr/bin/env bash
# Runs every test: unit tests, then the integration tests against real PostgreSQL, Redis and the Asterisk
# simulator over loopback. Starts (and if needed installs) the services first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/test-services.sh
# the voice prompts (espeak-ng and sox installed when missing); GeneratedSoundsTest checks them
scripts/prompts.sh
exec mvn -B -ntp verify "$@"
