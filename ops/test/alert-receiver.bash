#!/usr/bin/env bash
# A webhook receiver for the alert tests: node on 127.0.0.1, a free port, every request stored as
# <dir>/request-<n>.json (method, url, headers) and <dir>/request-<n>.body (the raw body, for the
# signature check). Sourced by alerts.bats, deploy.bats and backup.bats.
# shellcheck disable=SC2016 # the node programs are in single quotes on purpose
# shellcheck disable=SC2034 # ALERT_RECEIVER_URL is read by the tests

# start_alert_receiver DIR [STATUS [MODE]]: starts it, answering STATUS (200); MODE "hang" never
# answers. Sets ALERT_RECEIVER_URL (with a secret-looking path) and ALERT_RECEIVER_PID.
start_alert_receiver() {
  local dir="$1" status="${2:-200}" mode="${3:-answer}" i
  mkdir -p "$dir"
  node -e '
    const fs = require("fs"), http = require("http");
    const [dir, status, mode] = process.argv.slice(1);
    let n = 0;
    http.createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        n += 1;
        fs.writeFileSync(`${dir}/request-${n}.body`, Buffer.concat(chunks));
        fs.writeFileSync(`${dir}/.request-${n}.json`, JSON.stringify({ method: req.method, url: req.url, headers: req.headers }));
        fs.renameSync(`${dir}/.request-${n}.json`, `${dir}/request-${n}.json`);
        if (mode !== "hang") { res.statusCode = Number(status); res.end("ok"); }
      });
    }).listen(0, "127.0.0.1", function () { console.log(this.address().port); });
  ' "$dir" "$status" "$mode" >"${dir}/port" 2>"${dir}/receiver.log" 3>&- &
  ALERT_RECEIVER_PID=$!
  for ((i = 0; i < 100; i++)); do
    [[ -s "${dir}/port" ]] && break
    sleep 0.05
  done
  [[ -s "${dir}/port" ]] || { echo "the alert receiver did not start: $(cat "${dir}/receiver.log")" >&2; return 1; }
  ALERT_RECEIVER_URL="http://127.0.0.1:$(cat "${dir}/port")/hooks/T0KEN-in-the-path-${RANDOM}"
}

stop_alert_receiver() {
  [[ -z "${ALERT_RECEIVER_PID:-}" ]] || kill "$ALERT_RECEIVER_PID" 2>/dev/null || true
}

# received_count DIR: how many requests arrived.
received_count() { find "$1" -maxdepth 1 -name 'request-*.json' | wc -l; }

# received_field DIR N FIELD: a field of the JSON body of request N ("" when missing).
received_field() {
  node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]]; console.log(v === undefined ? "" : v)' \
    "${1}/request-${2}.body" "$3"
}

# received_header DIR N NAME: a header of request N (lower-case name).
received_header() {
  node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).headers[process.argv[2]]; console.log(v === undefined ? "" : v)' \
    "${1}/request-${2}.json" "$3"
}

# received_kinds DIR: the kinds of all requests, in order, one a line.
received_kinds() {
  local i
  for ((i = 1; i <= $(received_count "$1"); i++)); do received_field "$1" "$i" kind; done
}

# alerts_to_receiver: alerts of the current test go to a local receiver; received_kinds "$R" lists them.
alerts_to_receiver() {
  R="${BATS_TEST_TMPDIR}/received"
  start_alert_receiver "$R"
  export TRACEHUB_ALERT_WEBHOOK="$ALERT_RECEIVER_URL"
}
