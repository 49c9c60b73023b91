#!/usr/bin/env bash
# Smoke test of the published shape: pack the tarball, install it in an empty
# folder, and check that `npx llm-gateway --help` and `serve` work from there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -1)"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund "./$tarball" >/dev/null
npx llm-gateway --help | grep -q 'serve'
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
npx llm-gateway serve --port "$port" >serve.log 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
answer=$(curl -sf "http://127.0.0.1:$port/v1/chat/completions" -d '{"model":"mock/echo","messages":[{"role":"user","content":"packed"}]}')
echo "$answer" | grep -q '"content":"packed"' || { echo "pack smoke: unexpected answer: $answer"; cat serve.log; exit 1; }
echo "pack smoke: ok ($tarball)"
