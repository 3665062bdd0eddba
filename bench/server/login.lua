-- wrk: card logins, each a prepared body (a fresh nonce and its signed token) sent once. This
-- wrk process takes every BENCH_SLICES-th line from BENCH_SLICE (0-based; one thread); it stops
-- when its lines run out rather than send a spent nonce.
local dir = os.getenv("BENCH_DIR")
local slice = tonumber(os.getenv("BENCH_SLICE") or "0")
local slices = tonumber(os.getenv("BENCH_SLICES") or "1")
local bodies = {}
local n = 0
for line in io.lines(dir .. "/logins.txt") do
    if n % slices == slice then
        bodies[#bodies + 1] = line
    end
    n = n + 1
end
local next = 0

function request()
    next = next + 1
    local body = bodies[next] or bodies[#bodies]
    return wrk.format("POST", "/api/v1/auth/certificate",
        { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
    if next >= #bodies then
        wrk.thread:stop()
    end
end

