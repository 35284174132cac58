-- wrk script for the HTTP workloads of the benchmark suite (started from bench/wrk-transfer.lua of
-- the shared baselines). Environment:
--   MODE      transfer (W1, default) | transfer-nokey (W1n) | treasury (W3) | mix (W4) | echo (B2) | swap (W8) | swap-nokey (W8n)
--             | claim (W10: AIRDROP is the campaign, CAMPAIGN its entity infix; each entity claims once)
--   TOKEN     an admin JWT; every request is sent by the admin on behalf of the account
--   ACCOUNTS  the accounts acct-1..acct-N (funded, and for mix pre-locked, by bench/run.sh)
--   RUN       a run id, so that Idempotency-Keys never repeat across runs
-- Usage: MODE=transfer TOKEN=... ACCOUNTS=10000 wrk -t2 -c64 -d15s -s bench/wrk-ledger.lua http://127.0.0.1:PORT
-- Every state-changing request but echo carries a fresh Idempotency-Key, as a client that retries
-- safely would send. done() prints one line "RESULT key=value ..." for bench/run.sh:
-- ok = 2xx; refused = 409 INSUFFICIENT_BALANCE (a business answer, not a failure); errors = every
-- other status + socket errors + timeouts.
local mode = os.getenv("MODE") or "transfer"
local token = os.getenv("TOKEN") or ""
local accounts = tonumber(os.getenv("ACCOUNTS") or "10000")
local run = os.getenv("RUN") or tostring(os.time())
local threads = {}
local thread_id = 0

counter = 0
ok = 0
refused = 0
bad = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

local function headers(write)
  local h = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }
  if write then
    counter = counter + 1
    h["Idempotency-Key"] = string.format("%s-%s-%d-%d", mode, run, tid or 0, counter)
  end
  return h
end

local function two_accounts()
  local a = math.random(1, accounts)
  local b = math.random(1, accounts - 1)
  if b >= a then b = b + 1 end
  return a, b
end

local function transfer(from, to)
  local body = string.format(
    '{"fromEntityId":"%s","toEntityId":"acct-%d","tokenId":"BTA-UTIL","amount":"1"}', from, to)
  return wrk.format("POST", "/api/tokens/transfer", headers(mode ~= "transfer-nokey"), body)
end

local function entity_operation(path, n)
  local body = string.format('{"entityId":"acct-%d","tokenId":"BTA-UTIL","amount":"1"}', n)
  return wrk.format("POST", path, headers(true), body)
end

local function swap()
  -- W8: the caller (the admin) swaps 1 of its own, alternately in each direction, on one pool
  counter_swap = (counter_swap or 0) + 1
  local from, to = "BTA-UTIL", "BTA-GOV"
  if counter_swap % 2 == 0 then from, to = "BTA-GOV", "BTA-UTIL" end
  local body = string.format(
    '{"tokenIn":"%s","tokenOut":"%s","amountIn":"1","amountOutMin":"0"}', from, to)
  -- both go through the swaps' group commit; with a key, the key is claimed and its answer kept in
  -- the batch's transaction
  return wrk.format("POST", "/api/amm/swap", headers(mode == "swap"), body)
end

local airdrop = os.getenv("AIRDROP") or ""
local campaign = os.getenv("CAMPAIGN") or ""
local wrk_threads = 2 -- bench/run.sh runs wrk with -t2

local function claim()
  -- W10: the admin claims for w10-<campaign>-<n>, thread 1 the odd n, thread 2 the even ones (no
  -- Idempotency-Key: a claim is paid once whatever the retries, through the claims' group commit)
  counter = counter + 1
  local n = (counter - 1) * wrk_threads + (tid or 1)
  local body = string.format('{"entityId":"w10-%s-%d"}', campaign, n)
  return wrk.format("POST", "/api/airdrops/" .. airdrop .. "/claim", headers(false), body)
end

function request()
  if mode == "claim" then
    return claim()
  elseif mode == "swap" or mode == "swap-nokey" then
    return swap()
  elseif mode == "treasury" then
    return transfer("treasury", math.random(1, accounts))
  elseif mode == "echo" then
    local a, b = two_accounts()
    local body = string.format(
      '{"fromEntityId":"acct-%d","toEntityId":"acct-%d","tokenId":"BTA-UTIL","amount":"1"}', a, b)
    return wrk.format("POST", "/api/bench/echo", headers(false), body)
  elseif mode == "mix" then
    -- 80 % transfers, 5 % mints, 5 % burns, 2.5 % locks, 2.5 % unlocks (of 1 unit, on accounts
    -- that run.sh pre-locked, so an unlock finds something locked), 5 % balance reads
    local r = math.random(1, 200)
    local n = math.random(1, accounts)
    if r <= 160 then
      local a, b = two_accounts()
      return transfer("acct-" .. a, b)
    elseif r <= 170 then
      return entity_operation("/api/tokens/mint", n)
    elseif r <= 180 then
      return entity_operation("/api/tokens/burn", n)
    elseif r <= 185 then
      return entity_operation("/api/tokens/lock", n)
    elseif r <= 190 then
      return entity_operation("/api/tokens/unlock", n)
    else
      return wrk.format("GET", "/api/tokens/balances/acct-" .. n, headers(false))
    end
  else
    local a, b = two_accounts()
    return transfer("acct-" .. a, b)
  end
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status == 409 and body and string.find(body, "INSUFFICIENT_BALANCE", 1, true) then
    refused = refused + 1
  else
    bad = bad + 1
    if bad == 1 then
      io.stderr:write(string.format("first error: %d %s\n", status, string.sub(body or "", 1, 300)))
    end
  end
end

function done(summary, latency, requests)
  local t_ok, t_refused, t_bad = 0, 0, 0
  for _, thread in ipairs(threads) do
    t_ok = t_ok + (thread:get("ok") or 0)
    t_refused = t_refused + (thread:get("refused") or 0)
    t_bad = t_bad + (thread:get("bad") or 0)
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write
  local timeouts = summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT ok=%d refused=%d errors=%d seconds=%.3f ops_per_s=%.1f p50_us=%d p99_us=%d p999_us=%d max_us=%d error_kinds=status:%d,socket:%d,timeout:%d requests=%d\n",
    t_ok, t_refused, t_bad + socket + timeouts, seconds, (t_ok + t_refused) / seconds,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    t_bad, socket, timeouts, summary.requests))
end
