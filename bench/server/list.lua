-- wrk: the vacancy list (current scope, first page) with the prepared session.
local dir = os.getenv("BENCH_DIR")
local file = assert(io.open(dir .. "/session"))
local token = file:read("*a")
file:close()
wrk.method = "GET"
wrk.path = "/api/v1/vacancies?scope=current"
wrk.headers["Authorization"] = "Bearer " .. token
