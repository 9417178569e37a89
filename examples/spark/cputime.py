#!/usr/bin/env python3
"""Run a command; print its wall time and the CPU time of it and all its
descendants, on standard error as `cputime: WALL CPU` (seconds).

    cputime.py COMMAND [ARGS...]

For the Spark job, whose processes (the JVM, Spark's Python workers, the
gazex processes) are not all waited for by their parents, so that
getrusage and GNU time miss most of them: every 0.1 s this reads
/proc/PID/stat of each descendant and keeps, per process, the last user +
system time seen. A process's CPU after its last sample (at most 0.1 s of
it) is missed. Linux only. Exits with the command's status.
"""

import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def processes():
    """{pid: (parent pid, user + system ticks)} of every process."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name (field 2) may hold spaces: fields after its ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        out[int(name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.split("\n\n")[1])
    start = time.perf_counter()
    child = subprocess.Popen(sys.argv[1:])
    seen = {}  # (pid, start order) -> ticks; pids are not reused within a run, nearly
    while True:
        procs = processes()
        family = {child.pid}
        grew = True
        while grew:
            grew = False
            for pid, (parent, _) in procs.items():
                if parent in family and pid not in family:
                    family.add(pid)
                    grew = True
        for pid in family:
            if pid in procs:
                seen[pid] = max(seen.get(pid, 0), procs[pid][1])
        if child.poll() is not None:
            break
        time.sleep(0.1)
    wall = time.perf_counter() - start
    print(f"cputime: {wall:.2f} {sum(seen.values()) / TICK:.2f}", file=sys.stderr)
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
