#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording made by `bench.py --jfr`: samples per thread pool, the
hottest frames by self time, and the share of samples that pass through each io.masspay / Axon /
JDBC frame (inclusive). Standard library only; needs `jfr` (the JDK tool) on PATH.

    python3 bench/jfr_top.py bench/results/app.jfr [--top 25] [--match REGEX] [--thread REGEX]
"""
import argparse, collections, re, subprocess


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(", block, re.M)
        yield (thread.group(1) if thread else "?"), frames


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jfr")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--thread", default="", help="only samples of threads whose name matches this regex")
    ap.add_argument("--match", default=r"^(io\.masspay|org\.axonframework\.(eventsourcing|eventhandling|modelling|serialization|commandhandling)|org\.postgresql\.jdbc\.PgPreparedStatement\.execute|com\.fasterxml\.jackson\.databind\.ObjectMapper\.(read|write))")
    args = ap.parse_args()
    threads, self_frames, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(args.jfr):
        if not re.search(args.thread, thread):
            continue
        total += 1
        threads[re.sub(r"[-#]?\d+\]?$", "", thread)] += 1
        if frames:
            self_frames[frames[0]] += 1
        for f in set(frames):
            if re.search(args.match, f):
                inclusive[f] += 1
    print(f"{total} samples")
    print("\n== threads (pool names) ==")
    for t, c in threads.most_common(args.top):
        print(f"{100 * c / total:6.1f}%  {t}")
    print("\n== self ==")
    for f, c in self_frames.most_common(args.top):
        print(f"{100 * c / total:6.1f}%  {f}")
    print("\n== inclusive (matching frames) ==")
    for f, c in inclusive.most_common(args.top * 2):
        print(f"{100 * c / total:6.1f}%  {f}")


if __name__ == "__main__":
    main()
