#!/usr/bin/env python3
"""Find gazetteer mentions in a JSONL corpus on Apache Spark, with gazex as the per-partition worker.

Input: JSON Lines documents, one {"id": ..., "text": ...} a line, at any
path Spark reads (a local folder or file, hdfs://, s3a://, globs; .gz too).
Output: the mention records gazex writes, one JSON line each, as text files
(--format jsonl, the lines exactly as gazex wrote them) or Parquet.

Two workers, the same records (examples/spark/test.sh checks both):

--worker process: the gazex binary and the gazetteer files are shipped to
the executors with SparkContext.addFile (or, with --shipped, were shipped by
`spark-submit --files`); each partition's lines are piped through one
`gazex extract --input-format jsonl -` process (RDD.pipe), which compiles
the gazetteers and streams the partition's documents through.

--worker package: the executors' Python has the gazex package (pip install
./python); each Python worker builds one gazex.Extractor from the shipped
gazetteers, keeps it for the partitions that follow, and hands it each
partition's lines (mapPartitions, Extractor.extract_jsonl, which reads and
writes JSON Lines as the CLI does).

    python3 examples/spark/gazex_spark.py corpus.jsonl out/ --master 'local[2]'
    spark-submit examples/spark/gazex_spark.py s3a://bucket/news/ s3a://bucket/mentions/ --format parquet

See examples/spark/README.md.
"""

import argparse
import glob
import os
import shlex
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Which worker runs gazex when --worker is not given: the package, which
# took less CPU than a process per partition in every measurement (0.79-0.98
# of it) and builds the gazetteers once per Python worker, not once per
# partition (the README's "Two workers").
DEFAULT_WORKER = "package"

# Run on the executors by RDD.pipe as `sh -c SCRIPT ROOT BIN KEEP_GOING ARGS...`.
# Shipped files sit in the driver's SparkFiles folder in local mode (the
# executor lives in the driver's JVM) and in the executor's working
# directory on a cluster (YARN, Kubernetes, standalone), where the driver's
# path does not exist: try both. An absolute BIN (installed on the
# executors, --shipped) runs as it is. gazex exits 1 when some documents
# failed (each reported on the executor's standard error, the others
# processed); with KEEP_GOING=1 that does not fail the task.
RUNNER = r"""
bin=$1; keep_going=$2; shift 2
run() {
  "$@"; status=$?
  if [ "$status" = 1 ] && [ "$keep_going" = 1 ]; then status=0; fi
  exit "$status"
}
case $bin in /*) run "$bin" "$@" ;; esac
for d in "$0" .; do
  if [ -x "$d/$bin" ]; then cd "$d" || exit 126; run "./$bin" "$@"; fi
done
echo "gazex_spark: $bin was not shipped to this executor (looked in $0 and $PWD)" >&2
exit 127
"""


def mention_schema():
    """The mention record (src/output/mod.rs) as a Spark schema."""
    from pyspark.sql.types import (
        ArrayType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    def s(name):
        return StructField(name, StringType())

    def n(name):
        return StructField(name, LongType())

    return StructType(
        [s("mention_id"), s("doc"), s("doc_date"), s("doc_date_source"),
         n("start"), n("end"), n("char_start"), n("char_end"), s("text"),
         s("entity_id"), s("entity_name"), s("entity_type"), s("alias"),
         StructField("lists", ArrayType(StringType())), s("match"),
         StructField("evidence", StructType([s("kind"), n("start"), n("end")])),
         StructField("confidence", DoubleType()),
         StructField("reasons", ArrayType(StringType())),
         StructField("candidates", ArrayType(StructType([
             s("entity_id"), StructField("confidence", DoubleType()),
             StructField("reasons", ArrayType(StringType()))]))),
         StructField("context", StructType([s("text"), n("start"), n("end")]))]
    )


def default_gazex():
    built = os.path.join(REPO, "target", "release", "gazex")
    return built if os.path.exists(built) else (shutil.which("gazex") or built)


def default_gazetteers():
    return sorted(glob.glob(os.path.join(REPO, "gazetteers", "*.jsonl")))


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("input", help="JSONL documents: file, folder or glob, any path Spark reads")
    ap.add_argument("output", help="output folder (must not exist)")
    ap.add_argument("--worker", choices=["process", "package"], default=DEFAULT_WORKER,
                    help="process: pipe each partition through a gazex process (RDD.pipe); "
                         "package: the gazex Python package in Spark's Python workers "
                         f"(mapPartitions; needs it installed on the executors) (default {DEFAULT_WORKER})")
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl",
                    help="jsonl: gazex's lines verbatim, as text part files; parquet: typed columns (default jsonl)")
    ap.add_argument("--gazex", default=None,
                    help="--worker process: the gazex binary for the executors' platform "
                         "(default: target/release/gazex, else gazex on PATH)")
    ap.add_argument("-g", "--gazetteer", action="append", dest="gazetteers", metavar="FILE",
                    help="gazetteer file to ship and load, repeatable (default: gazetteers/*.jsonl)")
    ap.add_argument("--shipped", action="store_true",
                    help="the gazetteers (and binary) were shipped with spark-submit --files (use their "
                         "base names) or are on every executor (absolute paths): do not addFile them")
    ap.add_argument("--partitions", type=int, default=None,
                    help="minimum number of input partitions (sc.textFile minPartitions)")
    ap.add_argument("--threads", type=int, default=1,
                    help="gazex threads per task (default 1: Spark runs one task per core)")
    ap.add_argument("--id-field", default=None, help="passed to gazex (its default: id)")
    ap.add_argument("--text-field", default=None, help="passed to gazex (its default: text)")
    ap.add_argument("--date-field", default=None, help="passed to gazex (its default: date)")
    ap.add_argument("--date", default=None,
                    help="passed to gazex: the date of records without one (else each executor's day)")
    ap.add_argument("--keep-going", action="store_true",
                    help="documents gazex could not read (reported on the executors' standard error, "
                         "in their logs) do not fail the task")
    ap.add_argument("--master", default=None,
                    help="Spark master when run with plain python (e.g. local[2]); spark-submit sets it otherwise")
    ap.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                    help="Spark configuration when run with plain python, repeatable "
                         "(spark-submit has its own --conf)")
    return ap.parse_args(argv)


def gazex_args(args, gazetteer_names):
    cmd = ["extract", "--input-format", "jsonl", "-j", str(args.threads)]
    for g in gazetteer_names:
        cmd += ["-g", g]
    if args.id_field:
        cmd += ["--id-field", args.id_field]
    if args.text_field:
        cmd += ["--text-field", args.text_field]
    if args.date_field:
        cmd += ["--date-field", args.date_field]
    if args.date:
        cmd += ["--date", args.date]
    return cmd + ["-"]


def executor_extractor(options):
    """The gazex.Extractor of this Python worker for `options`, built on
    first use and kept.

    It is kept on the gazex module: this job's functions reach the
    executors pickled by value, so a global here would be a fresh, empty
    one in every task, while the module is imported once per Python worker
    and Spark reuses a worker for the tasks that follow
    (spark.python.worker.reuse, on by default). So the gazetteers are
    compiled once per worker, not once per partition.
    """
    try:
        import gazex
    except ImportError as e:
        raise ImportError(
            f"gazex_spark --worker package: the executor's Python ({sys.executable}) has no gazex "
            "package; install it there (pip install ./python, or a wheel), or use --worker process"
        ) from e
    from pyspark import SparkFiles

    key = repr(sorted(options.items()))
    kept = gazex.__dict__.setdefault("_gazex_spark_extractor", {})
    if key not in kept:
        paths = []
        for name in options["gazetteers"]:
            # Shipped files: the SparkFiles folder (addFile), or the
            # working directory (spark-submit --files on YARN); absolute
            # paths (--shipped) as they are.
            places = [name] if os.path.isabs(name) else [SparkFiles.get(name), os.path.abspath(name)]
            found = next((p for p in places if os.path.exists(p)), None)
            if found is None:
                raise FileNotFoundError(
                    f"gazex_spark: gazetteer {name} was not shipped to this executor "
                    f"(looked at {', '.join(places)})"
                )
            paths.append(found)
        kept.clear()
        kept[key] = gazex.Extractor(gazetteers=paths, threads=options["threads"], date=options["date"])
    return kept[key]


def package_worker(options):
    """The mapPartitions function of --worker package: a partition's lines
    in, the lines `gazex extract --input-format jsonl -` writes for them
    out (Extractor.extract_jsonl reads each line as the CLI reads a line
    of standard input: ids, line numbers, errors)."""
    fields = {k: options[k] for k in ("id_field", "text_field", "date_field") if options[k]}

    def mentions(lines):
        it = executor_extractor(options).extract_jsonl(lines, **fields)
        while True:
            try:
                records = next(it)
            except StopIteration:
                return
            except ValueError as e:
                # A line gazex could not read: as with --worker process,
                # the task fails, or with --keep-going the line is reported
                # on the executor's standard error and skipped.
                if not options["keep_going"]:
                    raise
                print(f"gazex_spark: {e}", file=sys.stderr)
                continue
            yield from records

    return mentions


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    gazex = args.gazex or default_gazex()
    gazetteers = args.gazetteers or default_gazetteers()
    if not gazetteers:
        sys.exit("gazex_spark: no gazetteer given (-g FILE) and none found in gazetteers/")
    # Shipped files are found by base name; with --shipped, absolute paths
    # name files already on every executor.
    def name(path):
        return path if args.shipped and os.path.isabs(path) else os.path.basename(path)

    names = [name(g) for g in gazetteers]
    if len(set(names)) != len(names):
        sys.exit(f"gazex_spark: gazetteer files must have distinct names: {names}")

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    local = (args.master or "").startswith("local")
    if args.worker == "package" and local and "PYSPARK_PYTHON" not in os.environ:
        # Local mode: Spark's Python workers run this Python (the one with
        # gazex installed), not whichever python3 is first on PATH.
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = SparkSession.builder.appName("gazex")
    if args.master:
        builder = builder.master(args.master)
    for kv in args.conf:
        key, sep, value = kv.partition("=")
        if not sep:
            sys.exit(f"gazex_spark: --conf {kv!r} is not KEY=VALUE")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    if not args.shipped:
        for path in ([gazex] if args.worker == "process" else []) + gazetteers:
            sc.addFile(path)

    docs = sc.textFile(args.input, minPartitions=args.partitions)
    # Either way, the output lines carry the document id, so partitions
    # may finish in any order.
    if args.worker == "process":
        # One gazex process per partition.
        command = shlex.join(
            ["sh", "-c", RUNNER, SparkFiles.getRootDirectory(), name(gazex),
             "1" if args.keep_going else "0"]
            + gazex_args(args, names)
        )
        mentions = docs.pipe(command, checkCode=True)
    else:
        mentions = docs.mapPartitions(package_worker({
            "gazetteers": names, "threads": args.threads, "date": args.date,
            "id_field": args.id_field, "text_field": args.text_field,
            "date_field": args.date_field, "keep_going": args.keep_going,
        }))

    if args.format == "jsonl":
        mentions.saveAsTextFile(args.output)
    else:
        spark.read.schema(mention_schema()).json(mentions).write.parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
