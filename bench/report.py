"""Turns the raw results of scripts/bench into the Markdown table of
BENCHMARKS.md, checks each number against its target, and exits 1 when
the WASM size budget is exceeded.

Usage: report.py RESULTS.tsv BUDGET_FILE
"""

import os
import platform
import re
import subprocess
import sys

TARGET_WASM_GZIP = 250_000


def fields(text):
    return dict(re.findall(r"(\w+)=(\S+)", text))


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count()
    try:
        mem = subprocess.run(["free", "-g"], capture_output=True, text=True).stdout
        total = mem.splitlines()[1].split()[1] + " GB RAM"
    except (OSError, IndexError):
        total = "unknown RAM"
    return f"{cores} cores ({model}), {total}, {platform.system()} {platform.release()}"


def main():
    results, budget_file = sys.argv[1:3]
    rows = [line.rstrip("\n").split("\t", 2) for line in open(results) if line.strip()]
    load = {}
    other = {}
    for kind, name, text in rows:
        f = fields(text)
        if kind == "load":
            load[(name, f.get("c"))] = f
        else:
            other[(kind, name)] = f

    conc = next(c for (n, c) in load if n == "baseline" and c != "1")
    base = float(load[("baseline", conc)]["rps"])
    out = []
    p = out.append
    p(f"Machine: {machine()}")
    p("")
    p(f"### Throughput at {conc} keep-alive connections (baseline {base:,.0f} req/s)")
    p("")
    p("| what | req/s | p50 ms | p95 ms | p99 ms | 2xx / all | vs baseline | target | |")
    p("|---|---:|---:|---:|---:|---:|---:|---|---|")
    misses = []
    for (name, c), f in load.items():
        if c != conc:
            continue
        rps = float(f["rps"])
        ratio = rps / base
        if name == "baseline":
            target, ok = "", None
        elif name.startswith("POST auth/sign_in"):
            target, ok = "reported separately", None
        elif name == "GET /":
            target, ok = "≥ 30 %", ratio >= 0.30
        else:
            target, ok = "≥ 10 %", ratio >= 0.10
        ok_all = f.get("ok", "?")
        total = f.get("total", f.get("requests", "?"))
        mark = "" if ok is None else ("ok" if ok else "**MISS**")
        if ok is False:
            misses.append(f"{name}: {ratio:.1%} of baseline (target {target})")
        p(f"| {name} | {rps:,.0f} | {f['p50']} | {f['p95']} | {f['p99']} | {ok_all} / {total} | {ratio:.1%} | {target} | {mark} |")
    oz = other.get(("info", "oha-Z"))
    if oz:
        p("")
        p(f"The `oha -Z` submit run inserted {int(oz['inserted']):,} new applications: that many of its requests carried a key not seen before.")
    p("")
    p("### One connection (p99 target < 5 ms per SSR page; queue functions p95 < 100 ms)")
    p("")
    p("| what | req/s | p50 ms | p95 ms | p99 ms | 2xx / all | target | |")
    p("|---|---:|---:|---:|---:|---:|---|---|")
    for (name, c), f in load.items():
        if c != "1":
            continue
        if name.startswith("GET /"):
            target, value = "p99 < 5 ms", float(f["p99"])
            ok = value < 5.0
        elif name.startswith("POST admin/applications"):
            target, value = "p95 < 100 ms", float(f["p95"])
            ok = value < 100.0
        else:
            target, ok = "", None
        mark = "" if ok is None else ("ok" if ok else "**MISS**")
        if ok is False:
            misses.append(f"{name} at 1 connection: {target} missed ({value:.2f} ms)")
        p(f"| {name} | {float(f['rps']):,.0f} | {f['p50']} | {f['p95']} | {f['p99']} | {f['ok']} / {f['total']} | {target} | {mark} |")
    p("")

    wasm, js, css = other[("size", "wasm")], other[("size", "js")], other[("size", "css")]
    wire = other.get(("size", "wire"), {})
    gz = int(wasm["gzip"])
    total_gz = gz + int(js["gzip"]) + int(css["gzip"])
    budget_env = os.environ.get("BENCH_WASM_GZIP_BUDGET")
    if budget_env:
        budget = int(budget_env)
    else:
        budget = int(open(budget_file).read().split()[0])
    strict = os.environ.get("BENCH_STRICT") == "1"
    limit = TARGET_WASM_GZIP if strict else budget
    p("### Size of a first visit (bytes)")
    p("")
    p("| file | raw | gzip -9 | brotli 11 | served over the wire (Accept-Encoding: br, gzip) |")
    p("|---|---:|---:|---:|---:|")
    p(f"| coursegate.wasm | {int(wasm['raw']):,} | {gz:,} | {int(wasm['br']):,} | {int(wire.get('wasm', 0)):,} (Content-Encoding: {wire.get('encoding', '?')}) |")
    p(f"| coursegate.js | {int(js['raw']):,} | {int(js['gzip']):,} | {int(js['br']):,} | |")
    p(f"| coursegate.css | {int(css['raw']):,} | {int(css['gzip']):,} | {int(css['br']):,} | |")
    p(f"| total | {int(wasm['raw']) + int(js['raw']) + int(css['raw']):,} | {total_gz:,} | {int(wasm['br']) + int(js['br']) + int(css['br']):,} | landing HTML {int(wire.get('landing', 0)):,} |")
    p("")
    p(f"WASM gzip -9: {gz:,} bytes; target {TARGET_WASM_GZIP:,} — {'ok' if gz <= TARGET_WASM_GZIP else '**MISS**'}; "
      f"ratchet budget {budget:,} — {'ok' if gz <= budget else '**EXCEEDED**'}"
      f"{' (BENCH_STRICT=1: the target is the budget)' if strict else ''}.")
    if gz > TARGET_WASM_GZIP:
        misses.append(f"WASM {gz:,} bytes gzipped (target {TARGET_WASM_GZIP:,})")
    p("")

    idle = int(other[("mem", "idle")]["rss_kb"])
    hwm = int(other[("mem", "load")]["hwm_kb"])
    p("### Server memory")
    p("")
    p("| when | kB | target | |")
    p("|---|---:|---|---|")
    p(f"| idle after start (VmRSS) | {idle:,} | ≤ 40 MB | {'ok' if idle <= 40_000 else '**MISS**'} |")
    p(f"| peak over all the runs above (VmHWM) | {hwm:,} | ≤ 150 MB | {'ok' if hwm <= 150_000 else '**MISS**'} |")
    if idle > 40_000:
        misses.append(f"idle RSS {idle} kB")
    if hwm > 150_000:
        misses.append(f"peak RSS {hwm} kB")
    p("")
    b = other.get(("browser", "/apply"))
    if b:
        p("### First visit of /apply in headless Chromium (cold, loopback)")
        p("")
        p(f"Time to interactive (hydrated): median {b['tti_ms_median']} ms, max {b['tti_ms_max']} ms; "
          f"largest contentful paint: median {b['lcp_ms_median']} ms, max {b['lcp_ms_max']} ms ({b['runs']} runs).")
        p("")
    seed = other.get(("info", "seed"))
    if seed:
        p(f"Seeded: {int(seed['applications']):,} applications, {int(seed['organizations']):,} organizations with Customer admins, in {seed['seconds']} s.")
        p("")
    profiles = [(name, f["file"]) for (kind, name), f in other.items() if kind == "profile"]
    if profiles:
        p("### Profiles (perf, flat, during one more run at the throughput concurrency)")
        p("")
        for name, path in profiles:
            p(f"{name} (`{path}`):")
            p("")
            p("```")
            try:
                p(open(path).read().rstrip())
            except OSError as e:
                p(f"(unreadable: {e})")
            p("```")
            p("")
    if misses:
        p("Targets missed:")
        for m in misses:
            p(f"- {m}")
    print("\n".join(out))
    if gz > limit:
        print(f"\nbench: FAIL: the WASM is {gz:,} bytes gzipped, over the budget of {limit:,}", file=sys.stderr)
        sys.exit(1)


main()
