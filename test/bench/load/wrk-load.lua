-- wrk script of the Darcha benchmark (test/bench/load/wrk-load.ts sets the environment):
-- BENCH_METHOD, BENCH_PATH (with {id}), BENCH_HEADERS (one "Name: value" a line), BENCH_BODY (with
-- {pinfl}), BENCH_IDS (a file of ids, one a line; each thread takes every BENCH_THREADS-th one, so no
-- id is sent twice until the list runs out). Prints one BENCH_RESULT line of JSON when done.

local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  ids = {}
  counter = 0
  local nthreads = tonumber(os.getenv("BENCH_THREADS"))
  local file = os.getenv("BENCH_IDS")
  if file ~= nil and file ~= "" then
    local i = 0
    for line in io.lines(file) do
      if i % nthreads == tid then
        table.insert(ids, line)
      end
      i = i + 1
    end
  end
  method = os.getenv("BENCH_METHOD")
  path = os.getenv("BENCH_PATH")
  body = os.getenv("BENCH_BODY")
  headers = {}
  for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^\n]+") do
    local name, value = string.match(line, "^([^:]+):%s*(.*)$")
    headers[name] = value
  end
  math.randomseed(os.time() + tid * 7919)
end

function request()
  counter = counter + 1
  local p = path
  if #ids > 0 then
    p = (string.gsub(path, "{id}", ids[(counter - 1) % #ids + 1]))
  end
  local b = nil
  if body ~= nil and body ~= "" then
    local pinfl = string.format("3%06d%07d", math.random(0, 999999), math.random(0, 9999999))
    b = (string.gsub(body, "{pinfl}", pinfl))
  end
  return wrk.format(method, p, headers, b)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p95":%d,"p99":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
