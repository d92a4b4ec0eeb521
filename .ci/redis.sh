# shellcheck shell=bash
# Start a throwaway Redis server for the rate-limit tests and export its URL.
#
# Sourced by .ci/run:   . .ci/redis.sh
# Afterwards ONCEONLY_TEST_REDIS_URL=redis://127.0.0.1:PORT/0
# and `onceonly_redis_stop` stops the server (also run on shell exit).
#
# - keeps an ONCEONLY_TEST_REDIS_URL that is already set (an external server);
# - installs Debian's `redis-server` package when redis-server is missing (as root);
# - runs it in a temp folder, on a free port, listening on 127.0.0.1 only,
#   without persistence (test data only).
# Being sourced, it never calls `exit` or `set -e`: failures print a message and
# return 1, and the tests that need Redis then skip with a clear reason.

onceonly_redis_stop() {
    if [ -n "${ONCEONLY_REDIS_DIR:-}" ] && [ -d "$ONCEONLY_REDIS_DIR" ]; then
        if [ -f "$ONCEONLY_REDIS_DIR/redis.pid" ]; then
            local pid i
            pid=$(cat "$ONCEONLY_REDIS_DIR/redis.pid")
            kill "$pid" 2>/dev/null
            # Redis writes its log while shutting down: removing the folder
            # before it has gone fails with "Directory not empty".
            for i in $(seq 1 50); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
        fi
        rm -rf "$ONCEONLY_REDIS_DIR" 2>/dev/null || { sleep 1; rm -rf "$ONCEONLY_REDIS_DIR" 2>/dev/null; }
    fi
    unset ONCEONLY_REDIS_DIR
    # Cleaning up never decides the run's result.
    return 0
}

onceonly_redis_start() {
    if [ -n "${ONCEONLY_TEST_REDIS_URL:-}" ]; then
        echo "redis.sh: using the server in ONCEONLY_TEST_REDIS_URL" >&2
        return 0
    fi
    if ! command -v redis-server >/dev/null 2>&1; then
        if [ "$(id -u)" != 0 ]; then
            echo "redis.sh: redis-server is not installed and we are not root: Redis tests will skip" >&2
            return 1
        fi
        echo "redis.sh: installing Debian's redis-server package" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || {
            echo "redis.sh: apt-get install redis-server failed: Redis tests will skip" >&2
            return 1
        }
        command -v redis-server >/dev/null 2>&1 || { echo "redis.sh: no redis-server after install" >&2; return 1; }
    fi
    ONCEONLY_REDIS_DIR=$(mktemp -d /tmp/onceonly-redis.XXXXXX) || return 1
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') || return 1
    if ! redis-server --bind 127.0.0.1 --port "$port" --dir "$ONCEONLY_REDIS_DIR" --save "" --appendonly no \
            --daemonize yes --pidfile "$ONCEONLY_REDIS_DIR/redis.pid" --logfile "$ONCEONLY_REDIS_DIR/redis.log"; then
        echo "redis.sh: redis-server did not start" >&2
        onceonly_redis_stop; return 1
    fi
    # Wait (up to ~5 s) until it answers.
    local i
    for i in $(seq 1 50); do
        if python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1', $port), 0.2); s.sendall(b'PING\r\n'); sys.exit(0 if s.recv(16).startswith(b'+PONG') else 1)" 2>/dev/null; then
            break
        fi
        sleep 0.1
    done
    if [ "$i" = 50 ]; then
        echo "redis.sh: redis-server does not answer:" >&2; tail -n 5 "$ONCEONLY_REDIS_DIR/redis.log" >&2
        onceonly_redis_stop; return 1
    fi
    export ONCEONLY_REDIS_DIR
    export ONCEONLY_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
    # Stop the server when the sourcing shell exits, keeping any EXIT trap set before.
    local previous
    previous=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT$//")
    # shellcheck disable=SC2064
    trap "onceonly_redis_stop; ${previous:-:}" EXIT
    echo "redis.sh: Redis on 127.0.0.1:$port (ONCEONLY_TEST_REDIS_URL exported)" >&2
}

onceonly_redis_start
