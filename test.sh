#!/usr/bin/env bash
# The one test command: restore + build GAgent.sln, run every test project under tests/ (and the web UI's Vitest
# suite), then print per-project results, failures with their messages, and as the very last
# line "N passed, N failed, N skipped". Exits non-zero when the build or any test fails.
#
#   ./test.sh                                   everything (what CI runs)
#   ./test.sh --filter "Category!=Packaging"    extra arguments go to every `dotnet test` (here: skip the slow
#                                               pack-and-consume check)
#
# Needs bash, coreutils, awk, the .NET SDK and Node 20+ with npm (dotnet build builds the web UI; the browser tests need
# /usr/bin/chromium). Results: TestResults/trx/*.trx,
# console logs: TestResults/logs/*.log.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
readonly SOLUTION=GAgent.sln
readonly RESULTS_DIR=TestResults
readonly TRX_DIR=$RESULTS_DIR/trx
readonly LOG_DIR=$RESULTS_DIR/logs
# A test running longer than this is treated as hung: its host is killed and the test reported as failed.
readonly HANG_TIMEOUT=10m

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false NUGET_XMLDOC_MODE=skip

build_args=()
if [[ ${CI:-} == true ]]; then
  # In CI leave nothing running after the build (no reusable MSBuild nodes, no compiler server).
  export MSBUILDDISABLENODEREUSE=1
  build_args+=(-p:UseSharedCompilation=false)
fi

passed=0 failed=0 skipped=0

finish() {
  echo
  echo "$passed passed, $failed failed, $skipped skipped"
  if ((failed > 0)); then exit 1; fi
  exit 0
}

# Prints failure details of one TRX file, then "@@counts <passed> <failed> <skipped>" as its last line.
# Plain POSIX awk (works with mawk): TRX writes each UnitTestResult's attributes on one line.
parse_trx() {
  awk '
    function attr(line, name,   re) {
      re = name "=\"[^\"]*\""
      if (match(line, re)) return substr(line, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
      return ""
    }
    function unescape(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
      gsub(/&#xD;/, "", s); gsub(/&#xA;/, " ", s); gsub(/&#x9;/, "  ", s); gsub(/&amp;/, "\\&", s)
      return s
    }
    function show(text) {
      if (shown < 40) print "        " unescape(text)
      else if (shown == 40) print "        ..."
      shown++
    }
    /<UnitTestResult / {
      outcome = attr($0, "outcome")
      if (outcome == "Passed") p++
      else if (outcome == "NotExecuted" || outcome == "Inconclusive" || outcome == "NotRunnable") s++
      else {
        f++; failing = 1; shown = 0; frames = 0
        print "    [FAIL] " unescape(attr($0, "testName")) " (" outcome ")"
      }
      if ($0 ~ /\/>[ \t\r]*$/) failing = 0
      next
    }
    !failing { next }
    /<\/UnitTestResult>/ { failing = 0; inmsg = 0; instack = 0; next }
    /<Message>/ { inmsg = 1; sub(/.*<Message>/, "") }
    /<StackTrace>/ { instack = 1; sub(/.*<StackTrace>/, "") }
    inmsg {
      last = ($0 ~ /<\/Message>/); sub(/<\/Message>.*/, "")
      show($0); if (last) inmsg = 0
      next
    }
    instack {
      last = ($0 ~ /<\/StackTrace>/); sub(/<\/StackTrace>.*/, "")
      if ($0 ~ /:line [0-9]+/ && frames < 5) { show($0); frames++ }
      if (last) instack = 0
    }
    END { printf "@@counts %d %d %d\n", p, f, s }
  ' "$1"
}

# Runs one test project and adds its results to the totals.
run_test_project() {
  local project=$1 name
  shift
  name=$(basename "$project" .csproj)
  printf '  %-36s ' "$name"
  local start=$SECONDS
  dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$TRX_DIR" \
    --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
    "$@" >"$LOG_DIR/$name.log" 2>&1
  local rc=$? elapsed=$((SECONDS - start)) trx=$TRX_DIR/$name.trx

  if [[ ! -f $trx ]]; then
    if ((rc == 0)); then
      echo "no tests (${elapsed} s)"
    else
      failed=$((failed + 1))
      echo "FAILED to run (exit $rc, ${elapsed} s); last lines of $LOG_DIR/$name.log:"
      tail -n 30 "$LOG_DIR/$name.log" | sed 's/^/        /'
    fi
    return
  fi

  local report counts p f s
  report=$(parse_trx "$trx")
  counts=$(printf '%s\n' "$report" | tail -n 1)
  read -r _ p f s <<<"$counts"
  # A crashed or aborted run can exit non-zero without a failed result in the TRX; never let that pass.
  if ((rc != 0 && f == 0)); then
    f=1
    report=$(printf '    [FAIL] the test run exited with %s; last lines of %s:\n%s\n%s' \
      "$rc" "$LOG_DIR/$name.log" "$(tail -n 30 "$LOG_DIR/$name.log" | sed 's/^/        /')" "$report")
  fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "$p passed, $f failed, $s skipped (${elapsed} s)"
  printf '%s\n' "$report" | sed '$d'
}

# ---- Web UI (npm) tests -------------------------------------------------------------------------------------------
# The SPA's Vitest suite (src/GAgent.WebUI.StaticAssets/web): `npm ci` when node_modules is missing (dotnet build has
# normally installed it already), then `npm test`, whose JUnit report gives the per-test counts added to the totals.
run_webui_tests() {
  local dir=src/GAgent.WebUI.StaticAssets/web
  if [[ ! -f $dir/package.json ]]; then
    printf '  %-36s no package.json\n' "web UI (npm)"
    return
  fi
  printf '  %-36s ' "web UI (npm)"
  local start=$SECONDS log=$LOG_DIR/webui-npm.log junit=$dir/test-results/junit.xml rc
  rm -f "$junit"
  (cd "$dir" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; } && npm test) >"$log" 2>&1
  rc=$?
  local p=0 f=0 s=0 header
  if [[ -f $junit ]]; then
    # <testsuites ... tests="N" failures="F" errors="E" ...>: skipped tests are counted per <testcase> (<skipped/>).
    header=$(grep -m1 '<testsuites' "$junit")
    local total fails errors
    total=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$header")
    fails=$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$header")
    errors=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$header")
    s=$(grep -c '<skipped' "$junit")
    f=$((${fails:-0} + ${errors:-0}))
    p=$((${total:-0} - f - s))
  fi
  if ((rc != 0 && f == 0)); then f=1; fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "$p passed, $f failed, $s skipped ($((SECONDS - start)) s)"
  if ((f > 0)); then
    echo "        last lines of $log:"
    tail -n 40 "$log" | sed 's/^/        /'
  fi
}

# ---- main ---------------------------------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH."
  failed=1
  finish
fi

rm -rf "$TRX_DIR" "$LOG_DIR"
mkdir -p "$TRX_DIR" "$LOG_DIR"

echo "==> Restore and build $SOLUTION (Debug)"
start=$SECONDS
if ! dotnet build "$SOLUTION" -c Debug -nologo -v:q "${build_args[@]}" >"$LOG_DIR/build.log" 2>&1; then
  echo "    BUILD FAILED ($((SECONDS - start)) s); full log: $LOG_DIR/build.log"
  errors=$(grep -E '(error|warning) [A-Z]+[0-9]+' "$LOG_DIR/build.log" | sed 's/^ *//' | sort -u | head -n 60)
  if [[ -n $errors ]]; then
    printf '%s\n' "$errors" | sed 's/^/    /'
  else
    tail -n 40 "$LOG_DIR/build.log" | sed 's/^/    /'
  fi
  failed=1
  finish
fi
echo "    ok ($((SECONDS - start)) s)"

echo "==> Tests"
mapfile -t projects < <(dotnet sln "$SOLUTION" list | tr '\\' '/' | grep -E '^tests/.*\.csproj$' | sort)
if ((${#projects[@]} == 0)); then
  echo "    no test projects found in $SOLUTION"
  failed=1
fi
for project in "${projects[@]}"; do
  run_test_project "$project" "$@"
done
run_webui_tests

echo
echo "TRX files: $TRX_DIR, console logs: $LOG_DIR"
finish
