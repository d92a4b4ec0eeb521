# shellcheck shell=bash
# Start a throwaway PostgreSQL server for the tests and export its URL.
#
# Sourced by .ci/run:   . .ci/postgres.sh
# Afterwards ONCEONLY_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/onceonly_test
# and `onceonly_pg_stop` stops the server (also run on shell exit).
#
# - keeps an ONCEONLY_TEST_PG_URL that is already set (an external server);
# - installs Debian's `postgresql` package when initdb/pg_ctl are missing (as root);
# - runs the server as a non-root user (`postgres`, created if missing, when we
#   are root: PostgreSQL refuses to run as root), in a temp folder, on a free port,
#   listening on 127.0.0.1 only, with trust authentication (test data only).
# Being sourced, it never calls `exit` or `set -e`: failures print a message and
# return 1, and the tests then skip their PostgreSQL half with a clear reason.

_onceonly_pg_bindir() {
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return 0
    fi
    # Debian keeps the server binaries off PATH.
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$found" ] && [ -x "$found/pg_ctl" ] && echo "$found"
}

_onceonly_pg_as() {
    # Run a command as the server user (only differs from us when we are root).
    if [ "$ONCEONLY_PG_USER" = "$(id -un)" ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$ONCEONLY_PG_USER" -- "$@"
    else
        su "$ONCEONLY_PG_USER" -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
}

onceonly_pg_stop() {
    if [ -n "${ONCEONLY_PG_DIR:-}" ] && [ -d "$ONCEONLY_PG_DIR" ]; then
        _onceonly_pg_as "$ONCEONLY_PG_BINDIR/pg_ctl" -D "$ONCEONLY_PG_DIR/data" -m fast stop >/dev/null 2>&1
        rm -rf "$ONCEONLY_PG_DIR" 2>/dev/null || { sleep 1; rm -rf "$ONCEONLY_PG_DIR" 2>/dev/null; }
    fi
    unset ONCEONLY_PG_DIR
    # Cleaning up never decides the run's result.
    return 0
}

onceonly_pg_start() {
    if [ -n "${ONCEONLY_TEST_PG_URL:-}" ]; then
        echo "postgres.sh: using the server in ONCEONLY_TEST_PG_URL" >&2
        return 0
    fi
    ONCEONLY_PG_BINDIR=$(_onceonly_pg_bindir)
    if [ -z "$ONCEONLY_PG_BINDIR" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "postgres.sh: PostgreSQL is not installed and we are not root: PostgreSQL tests will skip" >&2
            return 1
        fi
        echo "postgres.sh: installing Debian's postgresql package" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || {
            echo "postgres.sh: apt-get install postgresql failed: PostgreSQL tests will skip" >&2
            return 1
        }
        ONCEONLY_PG_BINDIR=$(_onceonly_pg_bindir)
        [ -n "$ONCEONLY_PG_BINDIR" ] || { echo "postgres.sh: no pg_ctl after install" >&2; return 1; }
    fi
    if [ "$(id -u)" = 0 ]; then
        ONCEONLY_PG_USER=postgres
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || return 1
    else
        ONCEONLY_PG_USER=$(id -un)
    fi
    ONCEONLY_PG_DIR=$(mktemp -d /tmp/onceonly-pg.XXXXXX) || return 1
    chown "$ONCEONLY_PG_USER" "$ONCEONLY_PG_DIR" || return 1
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') || return 1
    if ! _onceonly_pg_as "$ONCEONLY_PG_BINDIR/initdb" -D "$ONCEONLY_PG_DIR/data" -U postgres --auth=trust \
            -E UTF8 --no-locale >"$ONCEONLY_PG_DIR/initdb.log" 2>&1; then
        echo "postgres.sh: initdb failed:" >&2; tail -n 5 "$ONCEONLY_PG_DIR/initdb.log" >&2
        onceonly_pg_stop; return 1
    fi
    if ! _onceonly_pg_as "$ONCEONLY_PG_BINDIR/pg_ctl" -D "$ONCEONLY_PG_DIR/data" -l "$ONCEONLY_PG_DIR/server.log" -w \
            -o "-p $port -k $ONCEONLY_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
        echo "postgres.sh: the server did not start:" >&2; tail -n 5 "$ONCEONLY_PG_DIR/server.log" >&2
        onceonly_pg_stop; return 1
    fi
    if ! _onceonly_pg_as "$ONCEONLY_PG_BINDIR/createdb" -h 127.0.0.1 -p "$port" -U postgres onceonly_test 2>/dev/null; then
        # Some layouts ship createdb only with the client package: fall back to psql.
        psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc 'CREATE DATABASE onceonly_test' >/dev/null || {
            echo "postgres.sh: could not create the test database" >&2; onceonly_pg_stop; return 1; }
    fi
    export ONCEONLY_PG_DIR ONCEONLY_PG_BINDIR ONCEONLY_PG_USER
    export ONCEONLY_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/onceonly_test"
    # Stop the server when the sourcing shell exits, keeping any EXIT trap .ci/run set.
    local previous
    previous=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT$//")
    # shellcheck disable=SC2064
    trap "onceonly_pg_stop; ${previous:-:}" EXIT
    echo "postgres.sh: PostgreSQL on 127.0.0.1:$port (ONCEONLY_TEST_PG_URL exported)" >&2
}

onceonly_pg_start
