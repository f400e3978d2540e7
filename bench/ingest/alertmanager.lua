-- wrk script: Alertmanager webhook payloads (version 4) of 10 firing alerts each, posted to a service's
-- integration-key URL (the path comes from the command line). Mode "storm" (default): every request is a new
-- alert group, so each one opens an incident and stores 10 alerts (the worst case: a storm of new alerts).
-- Mode "resend": requests cycle over 64 groups per thread, as Alertmanager re-sends every group each
-- group_interval (no new incident; each alert's last-seen time is updated). A 200 comes only after the write
-- is durable. Set the mode with KLAXON_BENCH_MODE.
local mode = os.getenv("KLAXON_BENCH_MODE") or "storm"
local thread_count = 0

function setup(thread)
    thread_count = thread_count + 1
    thread:set("tid", thread_count)
end

local counter = 0
local tid

function init(args)
    tid = wrk.thread:get("tid") or 0
end

local function alert(group, index)
    return string.format(
        '{"status":"firing","labels":{"alertname":"HighLatency","service":"checkout","group":"g%s","instance":"i-%d","severity":"%s"},'
        .. '"annotations":{"summary":"Checkout latency above 2s","description":"p99 latency on i-%d"},'
        .. '"startsAt":"2026-11-27T08:00:00.000Z","endsAt":"0001-01-01T00:00:00Z",'
        .. '"generatorURL":"http://prometheus.example:9090/graph?g0.expr=latency","fingerprint":"%s%02d"}',
        group, index, index == 0 and "critical" or "warning", index, group, index)
end

function request()
    counter = counter + 1
    local group
    if mode == "resend" then
        group = string.format("%x%05x", tid, counter % 64)
    else
        group = string.format("%x%011x", tid, counter)
    end
    local alerts = {}
    for index = 0, 9 do alerts[#alerts + 1] = alert(group, index) end
    local body = '{"version":"4","groupKey":"{}:{group=\\"g' .. group .. '\\"}","truncatedAlerts":0,"status":"firing",'
        .. '"receiver":"klaxon","groupLabels":{"group":"g' .. group .. '"},'
        .. '"commonLabels":{"alertname":"HighLatency","service":"checkout","group":"g' .. group .. '"},'
        .. '"commonAnnotations":{"summary":"Checkout latency above 2s"},"externalURL":"http://alertmanager.example:9093",'
        .. '"alerts":[' .. table.concat(alerts, ",") .. ']}'
    return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
