#!/usr/bin/env bash
# Runs all of Kontor's tests: builds the solution once (Release, warnings are errors), runs tests/Kontor.Tests
# on SQLite and again on a throwaway PostgreSQL cluster, then tests/Kontor.BrowserTests in Debian's Chromium.
# Installs what is missing with apt-get (chromium; the PostgreSQL server). Ends with "N passed, N failed"
# (", N skipped" when tests were skipped or not run) and exits non-zero if a test failed or a run crashed.
#
# Usage: ./test.sh [sqlite] [postgres] [browser] [xunit filter options...]
#   No arguments: every suite, every test.
#   Suite words pick suites (PostgreSQL is started only for "postgres"):
#     ./test.sh browser
#   Anything else is handed to every selected test executable as xunit v3 filter options, e.g.
#     ./test.sh -class 'Kontor.Tests.Platform.HealthTests'
#     ./test.sh sqlite postgres -method '*Create_*'
#     ./test.sh browser -namespace 'Kontor.BrowserTests.Platform*'
#   A suite that has no test matching the filter counts as 0 tests. Results (xunit XML) are left in
#   .test-output/ for inspection.
set -euo pipefail

cd "$(dirname "$0")"
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

suites=()
filters=()
for arg in "$@"; do
  case "$arg" in
    sqlite | postgres | browser) suites+=("$arg") ;;
    *) filters+=("$arg") ;;
  esac
done
[ ${#suites[@]} -gt 0 ] || suites=(sqlite postgres browser)
wants() { [[ " ${suites[*]} " == *" $1 "* ]]; }

say() { printf '\n==> %s\n' "$*"; }

# --- Clean-up of everything this script starts, also on failure and Ctrl-C -------------------------------------

pg_bin=""
pg_dir=""
child=""
policy=""
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 "$child" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
      as_pg_owner "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m immediate -w >/dev/null 2>&1 || true
      # pg_ctl refuses when the data directory is broken; end the postmaster by its own pid then.
      if [ -f "$pg_dir/data/postmaster.pid" ]; then
        kill -KILL "$(head -1 "$pg_dir/data/postmaster.pid")" 2>/dev/null || true
      fi
    fi
    rm -rf "$pg_dir"
  fi
  [ -z "$policy" ] || rm -f "$policy"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background and waits for it, so that Ctrl-C and TERM reach the trap at once.
run() {
  "$@" &
  child=$!
  local status=0
  wait "$child" || status=$?
  child=""
  return "$status"
}

# --- Tools -------------------------------------------------------------------------------------------------------

missing=()
if wants browser && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium fonts-liberation)
fi
if wants postgres && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "Missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Packages start no services here (the PostgreSQL package would start a cluster of its own otherwise).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -z "$policy" ] || rm -f "$policy"
  policy=""
fi
command -v dotnet >/dev/null || { echo "The .NET SDK (dotnet) is not on PATH." >&2; exit 1; }

# --- Build -------------------------------------------------------------------------------------------------------

say "Building Kontor.slnx (Release)"
# No build servers: nothing of the build keeps running after this script.
run dotnet build Kontor.slnx -c Release --disable-build-servers -p:TreatWarningsAsErrors=true -v:quiet -nologo -clp:NoSummary

# --- Runs --------------------------------------------------------------------------------------------------------

out="$root/.test-output"
rm -rf "$out"
mkdir -p "$out"
passed=0
failed=0
skipped=0
crashed=()

# Reads one attribute of the <assembly> element of an xunit XML result.
attribute() {
  grep -o "<assembly [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | head -1 | grep -o '[0-9][0-9]*' || echo 0
}

# run_suite NAME EXECUTABLE: runs a test executable with the filters, adds its counts to the totals.
run_suite() {
  local name=$1 exe=$2 xml="$out/$1.xml" status=0
  say "Running $name"
  run "$exe" -noColor -noLogo -result-xml "$xml" ${filters[@]+"${filters[@]}"} || status=$?
  if [ ! -s "$xml" ]; then
    echo "$name: crashed (exit code $status) and wrote no results." >&2
    crashed+=("$name")
    failed=$((failed + 1))
    return 0
  fi
  local p f e s n t
  t=$(attribute "$xml" total)
  if [ "$t" = 0 ] && [ ${#filters[@]} = 0 ]; then
    echo "$name: ran no test." >&2
    crashed+=("$name")
  fi
  p=$(attribute "$xml" passed)
  f=$(attribute "$xml" failed)
  e=$(attribute "$xml" errors)
  s=$(attribute "$xml" skipped)
  n=$(attribute "$xml" not-run)
  passed=$((passed + p))
  failed=$((failed + f + e))
  skipped=$((skipped + s + n))
  echo "$name: $p passed, $((f + e)) failed, $((s + n)) skipped"
  if [ "$status" != 0 ] && [ "$((f + e))" = 0 ]; then
    echo "$name: exit code $status without a failed test." >&2
    crashed+=("$name")
  fi
}

tests_exe="$root/tests/Kontor.Tests/bin/Release/net10.0/Kontor.Tests"
browser_exe="$root/tests/Kontor.BrowserTests/bin/Release/net10.0/Kontor.BrowserTests"

if wants sqlite; then
  KONTOR_TEST_POSTGRES="" run_suite sqlite "$tests_exe"
fi

if wants postgres; then
  say "Starting a throwaway PostgreSQL"
  pg_bin=$(find /usr/lib/postgresql -path '*/bin/initdb' -printf '%h\n' | sort -V | tail -1)
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/kontor-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then chown postgres: "$pg_dir"; fi
  as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 ||
    { cat "$pg_dir/initdb.log" >&2; exit 1; }
  pg_port=""
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    # Something answers on that port already: try another.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if as_pg_owner "$pg_bin/pg_ctl" start -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      >/dev/null 2>&1; then
      pg_port=$port
      break
    fi
  done
  if [ -z "$pg_port" ]; then
    echo "PostgreSQL did not start:" >&2
    tail -20 "$pg_dir/server.log" >&2 || true
    exit 1
  fi
  for _ in $(seq 1 60); do
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U postgres && break
    sleep 0.5
  done
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U postgres || { echo "PostgreSQL accepts no connections." >&2; exit 1; }
  echo "PostgreSQL $("$pg_bin/postgres" --version | grep -o '[0-9][0-9.]*' | head -1) on 127.0.0.1:$pg_port"

  KONTOR_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres" run_suite postgres "$tests_exe"

  as_pg_owner "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m fast -w >/dev/null
  rm -rf "$pg_dir"
  pg_dir=""
fi

if wants browser; then
  KONTOR_TEST_POSTGRES="" run_suite browser "$browser_exe"
fi

# --- Summary -----------------------------------------------------------------------------------------------------

echo
if [ ${#crashed[@]} -gt 0 ]; then
  echo "Crashed: ${crashed[*]} (see the output above)."
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ] && [ ${#crashed[@]} = 0 ]
