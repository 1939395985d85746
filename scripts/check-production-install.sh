#!/usr/bin/env bash
# Starts the production server as a deployment would: the committed tree, a production install
# (`npm ci --omit=dev`: no msw, no vite, no dev tools) and an app already built for the real API.
# Checks that it answers the API (GET /api/personas → 200 JSON) and serves the app (/ → HTML).
#
#   scripts/check-production-install.sh [DIST_APP]
#
# DIST_APP is a folder built with `npm run build:app` (default: dist-app, built first with the dev
# install if it is not there). Nothing is built in the production install. .ci/run runs this after
# `npm test`, which has built dist-app for the production-shape browser tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dist="${1:-dist-app}"

if [ ! -f "$dist/index.html" ]; then
  if [ $# -gt 0 ]; then
    echo "No app build in $dist (npm run build:app)." >&2
    exit 1
  fi
  echo "Building the app for the real API into $dist (dev install)…"
  VITE_API_BASE_URL=/api OUT_DIR="$dist" npx vite build --logLevel warn
fi
dist="$(cd "$dist" && pwd)"

work="$(mktemp -d "${TMPDIR:-/tmp}/pc-production-install-XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    # The server runs in its own process group (setsid): end the group, by its id.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The committed tree only (what a deployment checks out), and the build beside it.
mkdir -p "$work/app"
git archive HEAD | tar -x -C "$work/app"
cp -R "$dist" "$work/app/dist-app"

cd "$work/app"
echo "npm ci --omit=dev in $work/app…"
started=$SECONDS
npm ci --omit=dev --no-audit --no-fund --loglevel=error
echo "Installed in $((SECONDS - started)) s."
for dev in msw openapi-msw vite vitest; do
  if [ -e "node_modules/$dev" ]; then
    echo "node_modules/$dev is there: the install is not a production one." >&2
    exit 1
  fi
done

# PORT=0: any free port; the server prints the URL it listens on.
log="$work/server.log"
PORT=0 HOST=127.0.0.1 DATA_DIR="$work/data" DEMO_TOOLS=0 DATABASE_URL='' LOG_REQUESTS=false \
  setsid node --import tsx server/main.ts >"$log" 2>&1 &
server_pid=$!

url=""
for _ in $(seq 1 240); do
  url="$(sed -n 's/^Kestrel preference centre: \(http[^ ]*\) .*/\1/p' "$log")"
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "The server stopped before it listened:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done
if [ -z "$url" ]; then
  echo "The server did not listen within 120 s:" >&2
  cat "$log" >&2
  exit 1
fi
echo "Server up at $url after $((SECONDS - started)) s."

# Checked with Node's fetch: a fresh machine has node, not necessarily curl.
BASE_URL="$url" node --input-type=module -e '
const base = process.env.BASE_URL;
const fail = (message) => { console.error(message); process.exit(1); };
const api = await fetch(`${base}/api/personas`);
if (api.status !== 200) fail(`GET /api/personas answered ${api.status}`);
if (!api.headers.get("content-type")?.includes("application/json")) fail(`GET /api/personas: ${api.headers.get("content-type")}`);
const personas = await api.json();
if (!Array.isArray(personas) || personas.length === 0) fail("GET /api/personas: no personas");
const page = await fetch(`${base}/`);
if (page.status !== 200) fail(`GET / answered ${page.status}`);
if (!page.headers.get("content-type")?.includes("text/html")) fail(`GET /: ${page.headers.get("content-type")}`);
if (!/<html/i.test(await page.text())) fail("GET /: no HTML");
const tool = await fetch(`${base}/api/demo/reset`, { method: "POST" });
if (tool.status !== 404) fail(`POST /api/demo/reset answered ${tool.status} without DEMO_TOOLS`);
console.log(`GET /api/personas 200 (${personas.length} personas), GET / 200 HTML, demo tools off.`);
' || {
  echo "Server log:" >&2
  cat "$log" >&2
  exit 1
}
echo "The production install starts and serves the app and its API ($((SECONDS - started)) s)."
