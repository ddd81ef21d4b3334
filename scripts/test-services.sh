#!/usr/bin/env bash
# Makes sure what the tests talk to is there: PostgreSQL (127.0.0.1:5432, user postgres, trusted on loopback
# only), Redis (127.0.0.1:6379), both on loopback, and headless Chromium with ChromeDriver for the browser tests.
# Installs them from Debian's packages when missing.
# With CI=true a service that cannot be started fails the run; no test skips itself.
set -uo pipefail

log() { printf '[test-services] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq >/dev/null && apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}
wait_for() { # name, command...
  local name=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  log "$name did not come up"; return 1
}

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
pg_trusts_loopback() { psql -h 127.0.0.1 -U postgres -w -d postgres -Atc 'select 1' 2>/dev/null | grep -q 1; }
ensure_postgres() {
  if ! pg_up; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      log "installing PostgreSQL"; apt_install postgresql postgresql-client || return 1
    fi
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    as_root sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "/etc/postgresql/$version/main/postgresql.conf"
    log "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
      || as_root pg_ctlcluster "$version" main start || return 1
    wait_for PostgreSQL pg_up || return 1
  fi
  if ! pg_trusts_loopback; then
    # Test machines only: let the postgres user in over loopback without a password.
    local hba; hba=$(as_root su postgres -c "psql -Atc 'show hba_file'" 2>/dev/null)
    if [ -n "$hba" ]; then
      log "trusting loopback connections in $hba"
      as_root sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
      as_root su postgres -c "psql -qc 'select pg_reload_conf()'" >/dev/null
      sleep 1
    fi
    pg_trusts_loopback || { log "cannot connect to PostgreSQL as postgres on 127.0.0.1"; return 1; }
  fi
  log "PostgreSQL ready on 127.0.0.1:5432"
}

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
ensure_redis() {
  if ! redis_up; then
    command -v redis-server >/dev/null || { log "installing Redis"; apt_install redis-server redis-tools || return 1; }
    log "starting Redis"
    mkdir -p /tmp/cc-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/cc-redis \
      --logfile /tmp/cc-redis/redis.log || return 1
    wait_for Redis redis_up || return 1
  fi
  log "Redis ready on 127.0.0.1:6379"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Chromium and ChromeDriver (headless browser tests)"
    apt_install chromium chromium-driver || return 1
  fi
  log "Chromium ready: $(chromium --version 2>/dev/null | head -1)"
}

status=0
command -v pg_isready >/dev/null || apt_install postgresql-client || true
command -v redis-cli >/dev/null || apt_install redis-tools || true
ensure_postgres || status=1
ensure_redis || status=1
ensure_chromium || status=1
if [ $status -ne 0 ]; then
  log "something the tests need is missing; the tests that need it will fail, not skip"
  [ "${CI:-}" = "true" ] && exit 1
fi
exit 0
