"""Benchmarks of redovisa (``make bench``): figures for docs/performance.md.

    python bench/run.py [--runs 3] [--rows 1000000] [--big-rows 5000000] [--json out.json]
                        [--only duckdb,stream,...] [--skip-big] [--timeout 900]

Data (generated when missing, into the git-ignored bench/data/, by bench/generate.py):
ledger-1m.se with 1 M #TRANS rows and the same rows as ledger-1m.csv; ledger-5m.se with 5 M
rows for the memory figure; hledger/Ledger and Beancount journals of the 1 M vouchers
(bench/journals.py).

Steps (each is a subprocess, timed with a wall clock; peak memory is the child's ru_maxrss
from ``os.wait4``; the median of ``--runs`` runs is shown, fewer when one run takes longer
than ``--slow`` seconds; every run is killed after ``--timeout`` seconds):

    generate   writing the 1 M file with SieWriter (only when the data is (re)generated)
    duckdb     DuckDB: load the CSV into a table; then sum per account, cost centre, month
    import     ``redovisa import`` of the 1 M file into a fresh DuckDB file
    stream     reading the 1 M file with redovisa.sie.SieStream alone
    big        peak memory: ``redovisa import`` (or SieStream) of the 5 M file
    hledger    ``hledger bal`` on the same vouchers;  ledger: ``ledger bal``
    beancount  ``bean-query`` sum per account on the same vouchers
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
PY = sys.executable
BIN = Path(PY).parent
ALL_STEPS = (
    "generate",
    "duckdb",
    "import",
    "ratio",
    "stream",
    "big",
    "hledger",
    "ledger",
    "beancount",
)

STREAM_SCRIPT = """
import sys
from redovisa.sie import SieStream
s = SieStream(sys.argv[1])
rows = 0
for v in s.vouchers():
    rows += len(v.postings)
errors = sum(1 for d in s.diagnostics if d.is_error)
print(rows, errors)
sys.exit(1 if errors else 0)
"""

DUCKDB_SCRIPT = """
import os, sys, time, json, duckdb
db = sys.argv[2] if len(sys.argv) > 2 else ":memory:"
con = duckdb.connect(db)
con.execute("SET enable_progress_bar = false")
c0 = time.process_time()
t0 = time.perf_counter()
con.execute(
    "CREATE TABLE rader AS SELECT * FROM read_csv(?, header = true, columns = {"
    "'voucher': 'VARCHAR', 'date': 'DATE', 'account': 'VARCHAR', 'ansvar': 'VARCHAR', "
    "'verksamhet': 'VARCHAR', 'projekt': 'VARCHAR', 'amount': 'DECIMAL(18,2)'})",
    [sys.argv[1]],
)
t1 = time.perf_counter()
c1 = time.process_time()
out = con.execute(
    "SELECT account, ansvar, month(date) AS m, sum(amount) AS belopp "
    "FROM rader GROUP BY ALL ORDER BY ALL"
).fetchall()
t2 = time.perf_counter()
c2 = time.process_time()
rows = con.execute("SELECT count(*) FROM rader").fetchone()[0]
t3 = time.perf_counter()
c3 = time.process_time()
con.close()  # a file database is durable once closed (checkpoint)
close, close_cpu = time.perf_counter() - t3, time.process_time() - c3
print(json.dumps({"load": t1 - t0, "sum": t2 - t1, "load_cpu": c1 - c0, "sum_cpu": c2 - c1,
                  "close": close, "close_cpu": close_cpu, "rows": rows, "groups": len(out)}))
"""


@dataclass
class Result:
    """One line of the results table."""

    name: str
    what: str
    seconds: float | None = None
    cpu_seconds: float | None = None
    runs: int = 0
    max_rss_mb: float | None = None
    rows: int | None = None
    status: str = "ok"
    note: str = ""
    samples: list[float] = field(default_factory=list)

    @property
    def rows_per_s(self) -> float | None:
        if self.seconds and self.rows:
            return self.rows / self.seconds
        return None


@dataclass
class Run:
    """One subprocess run."""

    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    code: int
    stdout: str
    stderr: str
    timed_out: bool


def run_once(cmd: list[str], timeout: float) -> Run:
    """Run ``cmd``; wall time and the child's own peak RSS (``os.wait4``).

    Beancount's pickle cache is switched off, so each run parses the file.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        env = os.environ | {"BEANCOUNT_DISABLE_LOAD_CACHE": "1"}
        p = subprocess.Popen(cmd, stdout=out, stderr=err, start_new_session=True, env=env)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            os.killpg(p.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            dt,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss,
            p.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            killed.is_set(),
        )


def measure(
    name: str,
    what: str,
    make_cmd: Callable[[int], list[str]],
    cfg: argparse.Namespace,
    *,
    rows: int | None = None,
    runs: int | None = None,
    check: Callable[[Run], str | None] | None = None,
) -> Result:
    """Median of up to ``runs`` runs (stops early when a run is slower than ``--slow``)."""
    res = Result(name, what, rows=rows)
    rss: list[int] = []
    cpu: list[float] = []
    for i in range(runs or cfg.runs):
        r = run_once(make_cmd(i), cfg.timeout)
        if r.timed_out:
            res.status = f"timeout after {cfg.timeout:.0f} s"
            break
        problem = check(r) if check else (None if r.code == 0 else f"exit {r.code}")
        if problem:
            res.status = "failed"
            res.note = f"{problem}: {(r.stderr or r.stdout).strip()[-300:]}"
            break
        res.samples.append(r.seconds)
        cpu.append(r.cpu_seconds)
        rss.append(r.max_rss_kb)
        if r.seconds > cfg.slow:
            break
    if res.samples:
        res.seconds = statistics.median(res.samples)
        res.cpu_seconds = statistics.median(cpu)
        res.runs = len(res.samples)
        res.max_rss_mb = max(rss) / 1024
    return res


def data_paths(rows: int) -> dict[str, Path]:
    label = f"{rows // 1_000_000}m" if rows % 1_000_000 == 0 else str(rows)
    base = DATA / f"ledger-{label}"
    return {
        "se": base.with_suffix(".se"),
        "csv": base.with_suffix(".csv"),
        "journal": base.with_suffix(".journal"),
        "beancount": base.with_suffix(".beancount"),
    }


def ensure_ledger(rows: int, cfg: argparse.Namespace, *, csv: bool) -> Result | None:
    """Generate the SIE file (and CSV) if missing; the generation is itself measured."""
    p = data_paths(rows)
    if p["se"].exists() and (not csv or p["csv"].exists()) and not cfg.regenerate:
        return None
    cmd = [PY, str(HERE / "generate.py"), "--rows", str(rows), "--out", str(p["se"])]
    cmd += ["--seed", str(cfg.seed)]
    if csv:
        cmd += ["--csv", str(p["csv"])]
    what = f"generate {rows:,} rows with SieWriter" + (" (+ CSV)" if csv else "")
    print(f"... {what}", file=sys.stderr, flush=True)
    return measure(f"generate_{rows}", what, lambda _i: cmd, cfg, rows=rows, runs=1)


def ensure_journals(cfg: argparse.Namespace, want: set[str]) -> None:
    p = data_paths(cfg.rows)
    cmd = [PY, str(HERE / "journals.py"), str(p["se"])]
    if want & {"hledger", "ledger"} and not p["journal"].exists():
        cmd += ["--hledger", str(p["journal"])]
    if "beancount" in want and not p["beancount"].exists():
        cmd += ["--beancount", str(p["beancount"])]
    if len(cmd) > 3:
        print("... converting to hledger/Beancount journals", file=sys.stderr, flush=True)
        r = run_once(cmd, cfg.timeout * 2)
        if r.code != 0:
            raise SystemExit(f"journals.py failed: {r.stderr[-500:]}")


def import_available() -> bool:
    return importlib.util.find_spec("redovisa.cli.import_cmd") is not None


def import_cmd(se: Path, tmp: Path) -> Callable[[int], list[str]]:
    def make(i: int) -> list[str]:
        db = tmp / f"import-{se.stem}-{i}.duckdb"
        db.unlink(missing_ok=True)
        return [PY, "-m", "redovisa", "import", str(se), "--db", f"duckdb:///{db}"]

    return make


def step_duckdb(cfg: argparse.Namespace, tmp: Path) -> list[Result]:
    """DuckDB loads the CSV into a table in memory (and sums it), then into a database file.

    The file variant is the like-for-like floor for ``redovisa import``, which also writes a
    database file: its time is the load plus closing the file (DuckDB's checkpoint).
    """
    csv = data_paths(cfg.rows)["csv"]
    loads: list[float] = []
    sums: list[float] = []
    load_cpu: list[float] = []
    sum_cpu: list[float] = []
    file_loads: list[float] = []
    file_cpu: list[float] = []
    rss: list[int] = []
    out: dict[str, float] = {}
    for i in range(cfg.runs):
        for target in (None, tmp / f"csv-load-{i}.duckdb"):
            args = [PY, "-c", DUCKDB_SCRIPT, str(csv)]
            if target is not None:
                target.unlink(missing_ok=True)
                args.append(str(target))
            r = run_once(args, cfg.timeout)
            if r.code != 0:
                return [Result("duckdb_csv", "DuckDB", status="failed", note=r.stderr[-300:])]
            out = json.loads(r.stdout.strip().splitlines()[-1])
            if target is None:
                loads.append(out["load"])
                sums.append(out["sum"])
                load_cpu.append(out["load_cpu"])
                sum_cpu.append(out["sum_cpu"])
                rss.append(r.max_rss_kb)
            else:
                file_loads.append(out["load"] + out["close"])
                file_cpu.append(out["load_cpu"] + out["close_cpu"])
                target.unlink(missing_ok=True)
    n = int(out["rows"])
    mem = max(rss) / 1024
    return [
        Result(
            "duckdb_csv_load",
            f"DuckDB: load {csv.name} into a table in memory",
            seconds=statistics.median(loads),
            cpu_seconds=statistics.median(load_cpu),
            runs=len(loads),
            max_rss_mb=mem,
            rows=n,
            samples=loads,
        ),
        Result(
            "duckdb_csv_load_file",
            f"DuckDB: load {csv.name} into a table in a new database file, and close it",
            seconds=statistics.median(file_loads),
            cpu_seconds=statistics.median(file_cpu),
            runs=len(file_loads),
            rows=n,
            samples=file_loads,
        ),
        Result(
            "duckdb_sum",
            f"DuckDB: sum per account/cost centre/month ({out['groups']} groups)",
            seconds=statistics.median(sums),
            cpu_seconds=statistics.median(sum_cpu),
            runs=len(sums),
            max_rss_mb=mem,
            rows=n,
            samples=sums,
        ),
    ]


def machine() -> dict[str, object]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except OSError:
        mem_kb = 0
    versions: dict[str, str] = {"python": platform.python_version()}
    for tool, args in (("hledger", ["--version"]), ("ledger", ["--version"])):
        if shutil.which(tool):
            out = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
            versions[tool] = out.stdout.splitlines()[0] if out.stdout else "?"
    for mod in ("duckdb", "beancount", "beanquery"):
        try:
            versions[mod] = metadata.version(mod)
        except metadata.PackageNotFoundError:
            continue
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "load_avg_at_start": os.getloadavg(),
        "versions": versions,
    }


def _stream_check(expected_rows: int) -> Callable[[Run], str | None]:
    def check(r: Run) -> str | None:
        parts = r.stdout.split()
        if r.code != 0 or not parts or int(parts[0]) < expected_rows:
            return f"exit {r.code}, output {r.stdout.strip()!r}"
        return None

    return check


def step_ratio(cfg: argparse.Namespace, tmp: Path) -> Result:
    """``redovisa import`` against DuckDB's in-memory CSV load, in alternating pairs.

    This machine's speed drifts by a fifth within minutes, and DuckDB's two-thread load more
    than the import: steps measured one after the other can catch different minutes. Each
    pair runs the load, then the import, so both see the same minute; the median of the
    pairs' ratios is the figure for the 4x target.
    """
    csv = data_paths(cfg.rows)["csv"]
    se = data_paths(cfg.rows)["se"]
    make = import_cmd(se, tmp)
    ratios: list[float] = []
    loads: list[float] = []
    imports: list[float] = []
    for i in range(cfg.pairs):
        r = run_once([PY, "-c", DUCKDB_SCRIPT, str(csv)], cfg.timeout)
        imp = run_once(make(i), cfg.timeout)
        if r.code != 0 or imp.code != 0:
            return Result("ratio", "import / DuckDB load", status="failed", note=imp.stderr[-300:])
        load = float(json.loads(r.stdout.strip().splitlines()[-1])["load"])
        loads.append(load)
        imports.append(imp.seconds)
        ratios.append(imp.seconds / load)
    imp_s, load_s = statistics.median(imports), statistics.median(loads)
    return Result(
        "ratio_import_csv_load",
        f"redovisa import / DuckDB's in-memory CSV load, {len(ratios)} alternating pairs",
        runs=len(ratios),
        samples=ratios,
        note=(
            f"median ratio {statistics.median(ratios):.2f}x (pairs {min(ratios):.2f}-"
            f"{max(ratios):.2f}x); medians {imp_s:.2f} s / {load_s:.2f} s = {imp_s / load_s:.2f}x"
        ),
    )


def run_steps(cfg: argparse.Namespace, steps: set[str], tmp: Path) -> list[Result]:
    results: list[Result] = []
    p1 = data_paths(cfg.rows)
    gen = ensure_ledger(cfg.rows, cfg, csv=True)
    if gen is not None:
        results.append(gen)
    elif "generate" in steps:
        results.append(
            Result(
                "generate",
                "generate the 1 M file",
                status="skipped",
                note="data exists; --regenerate measures it",
            )
        )
    if "duckdb" in steps:
        results.extend(step_duckdb(cfg, tmp))
    if "import" in steps:
        if import_available():
            results.append(
                measure(
                    "redovisa_import",
                    f"redovisa import {p1['se'].name} into a fresh DuckDB file",
                    import_cmd(p1["se"], tmp),
                    cfg,
                    rows=cfg.rows,
                )
            )
        else:
            results.append(
                Result(
                    "redovisa_import",
                    "redovisa import",
                    status="not available yet",
                    note="redovisa.cli.import_cmd does not exist yet",
                )
            )
    if "ratio" in steps and import_available():
        results.append(step_ratio(cfg, tmp))
    if "stream" in steps:
        results.append(
            measure(
                "sie_stream",
                f"SieStream: read {p1['se'].name}",
                lambda _i: [PY, "-c", STREAM_SCRIPT, str(p1["se"])],
                cfg,
                rows=cfg.rows,
                check=_stream_check(cfg.rows),
            )
        )
    if "big" in steps and not cfg.skip_big:
        gen5 = ensure_ledger(cfg.big_rows, cfg, csv=False)
        if gen5 is not None:
            results.append(gen5)
        big = data_paths(cfg.big_rows)["se"]
        if import_available():
            results.append(
                measure(
                    "redovisa_import_big",
                    f"redovisa import {big.name} (peak memory)",
                    import_cmd(big, tmp),
                    cfg,
                    rows=cfg.big_rows,
                    runs=1,
                )
            )
        else:
            results.append(
                Result("redovisa_import_big", "redovisa import (5 M)", status="not available yet")
            )
        results.append(
            measure(
                "sie_stream_big",
                f"SieStream: read {big.name} (peak memory)",
                lambda _i: [PY, "-c", STREAM_SCRIPT, str(big)],
                cfg,
                rows=cfg.big_rows,
                runs=1,
                check=_stream_check(cfg.big_rows),
            )
        )
    tools = {
        "hledger": (["hledger", "-f", str(p1["journal"]), "balance"], "apt-get install hledger"),
        "ledger": (["ledger", "-f", str(p1["journal"]), "balance"], "apt-get install ledger"),
        "beancount": (
            [
                str(BIN / "bean-query"),
                str(p1["beancount"]),
                "SELECT account, sum(position) GROUP BY account ORDER BY account",
            ],
            "pip install 'redovisa[bench]' (beancount, beanquery)",
        ),
    }
    wanted = {t for t in tools if t in steps}
    present = {t for t in wanted if shutil.which(tools[t][0][0])}
    for t in sorted(wanted - present):
        results.append(Result(t, f"{t} balance", status="not installed", note=tools[t][1]))
    if present:
        ensure_journals(cfg, present)
    for t in ("hledger", "ledger", "beancount"):
        if t in present:
            cmd = tools[t][0]

            def make(_i: int, c: list[str] = cmd) -> list[str]:
                return c

            what = f"{t}: balance per account of the same vouchers"
            results.append(measure(t, what, make, cfg, rows=cfg.rows))
    return results


def table(results: list[Result]) -> str:
    head = ("step", "median s", "cpu s", "runs", "peak MB", "rows/s", "status / note")
    rows = [head]
    for r in results:
        rows.append(
            (
                r.name,
                f"{r.seconds:.2f}" if r.seconds is not None else "-",
                f"{r.cpu_seconds:.2f}" if r.cpu_seconds is not None else "-",
                str(r.runs),
                f"{r.max_rss_mb:.0f}" if r.max_rss_mb is not None else "-",
                f"{r.rows_per_s:,.0f}" if r.rows_per_s else "-",
                r.status if r.status != "ok" else r.what,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [row[i].rjust(widths[i]) for i in range(1, 6)]
        lines.append("  ".join([*cells, row[6]]))
    lines.insert(1, "-" * len(lines[0]))
    for r in results:
        if r.note:
            lines.append(f"  {r.name}: {r.note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="redovisa benchmarks")
    ap.add_argument("--runs", type=int, default=3, help="runs per step (median is shown)")
    ap.add_argument("--pairs", type=int, default=9, help="alternating pairs of the ratio step")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--big-rows", type=int, default=5_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default=",".join(ALL_STEPS), help=f"steps: {','.join(ALL_STEPS)}")
    ap.add_argument("--skip-big", action="store_true", help="skip the 5 M memory step")
    ap.add_argument("--regenerate", action="store_true", help="regenerate (and time) the data")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a run is killed")
    ap.add_argument("--slow", type=float, default=60, help="no repeat after a run this slow")
    ap.add_argument("--json", type=Path, default=None, help="also write the results as JSON")
    cfg = ap.parse_args(argv)
    steps = {s.strip() for s in cfg.only.split(",") if s.strip()}
    unknown = steps - set(ALL_STEPS)
    if unknown:
        ap.error(f"unknown steps: {', '.join(sorted(unknown))}")
    info = machine()
    started = datetime.now().astimezone()
    with tempfile.TemporaryDirectory(prefix="redovisa-bench-") as tmp:
        results = run_steps(cfg, steps, Path(tmp))
    print(
        f"redovisa bench {started:%Y-%m-%d %H:%M %Z}: {info['nproc']} CPU ({info['cpu']}), "
        f"{info['ram_gb']} GB RAM, load {info['load_avg_at_start']}"
    )
    print(table(results))
    if cfg.json is not None:
        payload = {
            "started": started.isoformat(timespec="seconds"),
            "machine": info,
            "config": {k: str(v) for k, v in vars(cfg).items()},
            "results": [asdict(r) | {"rows_per_s": r.rows_per_s} for r in results],
        }
        cfg.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return (
        0
        if all(r.status in ("ok", "skipped", "not available yet", "not installed") for r in results)
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())
