-- wrk script: program summaries of the three bench programs, 2021 and 2022 (bench/income-bench.sh)
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/programs/prog-" .. math.random(0, 2) .. "/summary?year=" .. math.random(2021, 2022))
end
