-- wrk script: single-event appends (harvest deliveries) with a cooperative's key.
-- Filled in by bench/ledger-bench.sh from `ApiLoad --setup-only`.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("COOP_KEY")
local body = '{"type":"harvest.delivered","body":{"baseId":"' .. os.getenv("BASE_ID") ..
  '","gtin":"' .. os.getenv("GTIN") .. '","householdId":"' .. os.getenv("HOUSEHOLD") ..
  '","lotId":"' .. os.getenv("LOT") .. '","occurredAt":"2022-03-01T08:00:00.000Z","quantity":1000}}'
request = function()
  return wrk.format(nil, "/api/v1/events", nil, body)
end
local failures = 0
response = function(status, headers, resp)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("append failed: " .. status .. " " .. resp .. "\n") end
  end
end
