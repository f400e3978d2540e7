# Shared by the benchmark scripts (sourced, not run): one klaxon server at a time, started on a free port of
# 127.0.0.1 and always stopped. Needs $klaxon (the binary) set by the caller.
server=
stop_server() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; fi
}
trap stop_server EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start_server DB_FILE LOG_FILE [more klaxon serve flags...]: sets $server and $port once /healthz answers.
start_server() {
    local db=$1 log=$2; shift 2
    port=$(free_port)
    "$klaxon" serve --port "$port" --db "$db" --public Public "$@" >"$log" 2>&1 &
    server=$!
    for _ in $(seq 300); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.1; done
    echo "klaxon did not start, see $log" >&2; cat "$log" >&2; exit 1
}
# The server's user + system CPU time so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
