#!/usr/bin/env bash
# Recompiles the contracts and fails if the committed artifacts under src/main/resources/contracts/
# differ byte for byte from a fresh compile. Installs the pinned compiler first (npm ci).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node compile.js --check
