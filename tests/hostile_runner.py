"""Runs command lines of the app under a memory limit, one after another, and reports each as a JSON line.

Run as a script: ``python hostile_runner.py LIMIT_MB CASES.json``. The address-space
limit (``RLIMIT_AS``) is set first, so a case that tried to take more memory would
fail with MemoryError, which the report shows. Each case is ``{"name", "argv",
"journal"}``; the line printed for it holds the exit status, stdout and stderr, the
journal file's SHA-256 and the names beside it before and after, and the process's
peak resident size so far. A case that hangs is stopped by an alarm after 60 s.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import resource
import signal
import sys
from pathlib import Path


def state(journal: str | None) -> dict[str, object]:
    if not journal:
        return {}
    path = Path(journal)
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    beside = sorted(p.name for p in path.parent.iterdir()) if path.parent.is_dir() else []
    return {"digest": digest, "beside": beside}


def peak_mb() -> int:
    """This process's peak resident size (VmHWM; ``ru_maxrss`` would include the parent's, kept across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def timeout(_signum: int, _frame: object) -> None:
    raise TimeoutError("the case ran for over 60 s")


def main() -> None:
    limit = int(sys.argv[1]) << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cases = json.loads(Path(sys.argv[2]).read_text())
    from journal.app import main as app_main

    signal.signal(signal.SIGALRM, timeout)
    print(json.dumps({"ready": True}), flush=True)
    for case in cases:
        before = state(case.get("journal"))
        out, err = io.StringIO(), io.StringIO()
        signal.alarm(60)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    status = app_main(case["argv"])
                except SystemExit as exc:
                    status = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # reported, so the test names the case
            status = f"raised {type(exc).__name__}: {exc}"
        finally:
            signal.alarm(0)
        line = {
            "name": case["name"],
            "status": status,
            "out": out.getvalue(),
            "err": err.getvalue(),
            "before": before,
            "after": state(case.get("journal")),
            "peak_mb": peak_mb(),
        }
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
