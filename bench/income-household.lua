-- wrk script: household income summaries for random households (bench/income-bench.sh)
local households = tonumber(os.getenv("HOUSEHOLDS") or "20000")
local key = os.getenv("ADMIN_KEY")
math.randomseed(os.time())
request = function()
  local id = string.format("hh-%06d", math.random(0, households - 1))
  local year = math.random(2021, 2022)
  return wrk.format("GET", "/api/v1/households/" .. id .. "/income?from=" .. year .. "-01-01&to=" .. year .. "-12-31",
    { ["Authorization"] = "Bearer " .. key })
end
