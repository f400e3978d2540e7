-- wrk script: GET /api/v1/incidents/{id} with ids drawn uniformly from 1..KLAXON_BENCH_MAX_ID
-- (default 1,000,000); each wrk thread gets its own seed. Headers (the bearer token) come from wrk -H.
local max_id = tonumber(os.getenv("KLAXON_BENCH_MAX_ID") or "1000000")
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("seed", os.time() * 100 + threads)
end

function init(args)
   math.randomseed(seed or os.time())
end

function request()
   return wrk.format("GET", "/api/v1/incidents/" .. math.random(1, max_id))
end
