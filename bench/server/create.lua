-- wrk: one create per request, each with a fresh Idempotency-Key (random UUID v4).
local dir = os.getenv("BENCH_DIR")
local file = assert(io.open(dir .. "/session"))
local token = file:read("*a")
file:close()
file = assert(io.open(dir .. "/vacancy.json"))
local body = file:read("*a")
file:close()

local counter = 0
function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
end

function init(args)
    -- Distinct per thread and per wrk process (BENCH_SEED), so no two requests share a key.
    math.randomseed(os.time() * 1000 + tonumber(os.getenv("BENCH_SEED") or "0") * 100 + (id or 0))
end

local function uuid()
    local hex = function(n) return string.format("%0" .. n .. "x", math.random(0, 16 ^ n - 1)) end
    return hex(4) .. hex(4) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-"
        .. hex(4) .. hex(4) .. hex(4)
end

function request()
    return wrk.format("POST", "/api/v1/vacancies", {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = uuid(),
    }, body)
end
