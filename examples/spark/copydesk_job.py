#!/usr/bin/env python3
"""Run copydesk over a JSONL corpus on Apache Spark.

Each partition of the input (text files, one JSON record per line) is piped
through the native `copydesk batch` binary, the same contract as Hadoop
Streaming: JSONL in on stdin, exactly one JSONL record out on stdout per input
line, in order, logs on stderr. The results are written with saveAsTextFile.

    spark-submit --master local[2] examples/spark/copydesk_job.py \\
        --binary target/release/copydesk \\
        --input corpus/ --output results/

Why not `RDD.pipe(..., checkCode=True)` itself? It is what this job does, with
three fixes that matter on a real cluster:

* PySpark's `pipe` takes one command string built on the driver, so
  `SparkFiles.get("copydesk")` would name the *driver's* copy of the binary,
  a path that does not exist on the executors. Here the path is resolved in
  the task, on the executor that runs it.
* `pipe(env=...)` replaces the child's whole environment; here the executor's
  environment is kept and only RAYON_NUM_THREADS is set.
* Beyond checking the exit status (what `checkCode=True` does; without it a
  crashed child silently truncates the partition), every partition checks
  that copydesk wrote as many lines as it was given. Any failure raises in the
  task, Spark retries it (spark.task.maxFailures, default 4 on a cluster), and
  when the retries are used up the job fails and saveAsTextFile leaves no
  `_SUCCESS` marker in the output directory.
"""

import argparse
import collections
import os
import stat
import subprocess
import sys
import threading
import time

from pyspark import SparkConf, SparkContext, SparkFiles


class CopydeskFailed(RuntimeError):
    """A partition could not be processed; raising it fails (and retries) the task."""


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Pipe a JSONL corpus through `copydesk batch` on Spark.",
    )
    p.add_argument("--input", required=True,
                   help="input path or glob (any Hadoop file system: file://, hdfs://, s3a://); "
                        "text files with one JSON record per line, .gz allowed")
    p.add_argument("--output", required=True,
                   help="output directory for the JSONL results (must not exist, see --overwrite)")
    p.add_argument("--binary",
                   help="local path of the copydesk binary on the driver, shipped to the executors "
                        "with SparkContext.addFile; leave out when it is shipped with "
                        "spark-submit --files")
    p.add_argument("--binary-name", default="copydesk",
                   help="file name of the shipped binary (default: %(default)s)")
    p.add_argument("--threads-per-task", type=int, default=None,
                   help="RAYON_NUM_THREADS for each copydesk process; default: spark.task.cpus "
                        "(1 unless configured), so one task uses the cores Spark gave it")
    p.add_argument("--text-field", default="text",
                   help="JSON field holding the article text (default: %(default)s)")
    p.add_argument("--id-field", default="id",
                   help="JSON field holding the record id (default: %(default)s)")
    p.add_argument("--min-partitions", type=int, default=None,
                   help="minimum number of input partitions (default: Spark's choice)")
    p.add_argument("--copydesk-arg", action="append", default=[], metavar="ARG",
                   help="extra argument for `copydesk batch`, repeatable "
                        "(e.g. --copydesk-arg=--fail-on-error)")
    p.add_argument("--gzip", action="store_true", help="gzip the output part files")
    p.add_argument("--overwrite", action="store_true",
                   help="delete the output directory first if it exists")
    p.add_argument("--app-name", default="copydesk", help="Spark application name")
    return p.parse_args(argv)


def copydesk_partitions(binary_name, batch_args, threads, lines_written):
    """Build the mapPartitionsWithIndex function that pipes one partition through copydesk."""

    def run_partition(index, lines):
        exe = SparkFiles.get(binary_name)  # resolved here, on the executor
        if not os.path.isfile(exe):
            raise CopydeskFailed(
                f"partition {index}: {exe} not found; ship the binary with --binary "
                f"(SparkContext.addFile) or spark-submit --files")
        if not os.access(exe, os.X_OK):
            os.chmod(exe, os.stat(exe).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        cmd = [exe, "batch", *batch_args]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env, bufsize=1 << 20)
        except OSError as err:
            # Exec format error here usually means a binary built for another OS/arch.
            raise CopydeskFailed(f"partition {index}: cannot start {cmd}: {err}") from err

        sent = 0
        feed_error = []

        def feed():
            nonlocal sent
            try:
                for line in lines:
                    # textFile strips the line terminator; one record per line.
                    proc.stdin.write(line + b"\n")
                    sent += 1
            except BrokenPipeError:
                pass  # copydesk stopped reading: its exit status says why
            except BaseException as err:  # reading the input failed
                feed_error.append(err)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        stderr_tail = collections.deque(maxlen=20)

        def drain_stderr():
            # Forward copydesk's logs to the executor's stderr, keep the tail for errors.
            for raw in proc.stderr:
                text = raw.decode("utf-8", "replace").rstrip("\n")
                stderr_tail.append(text)
                print(f"copydesk[partition {index}]: {text}", file=sys.stderr, flush=True)

        feeder = threading.Thread(target=feed, name=f"copydesk-feed-{index}", daemon=True)
        drainer = threading.Thread(target=drain_stderr, name=f"copydesk-stderr-{index}",
                                   daemon=True)
        feeder.start()
        drainer.start()
        received = 0
        try:
            for raw in proc.stdout:
                received += 1
                yield raw.rstrip(b"\n")  # saveAsTextFile writes bytes as they are
            status = proc.wait()
            feeder.join()
            drainer.join()
        finally:
            if proc.poll() is None:  # the consumer stopped early (e.g. take()) or we failed
                proc.kill()
                proc.wait()
        if feed_error:
            raise CopydeskFailed(f"partition {index}: reading the input failed: "
                                 f"{feed_error[0]!r}") from feed_error[0]
        if status != 0:
            tail = "\n".join(stderr_tail) or "(nothing on stderr)"
            raise CopydeskFailed(
                f"partition {index}: copydesk exited with status {status} after "
                f"{sent} input lines and {received} output lines; its stderr ends with:\n{tail}")
        if received != sent:
            raise CopydeskFailed(
                f"partition {index}: copydesk wrote {received} lines for {sent} input lines "
                f"(the contract is one output line per input line)")
        lines_written.add(received)

    return run_partition


def input_bytes(sc, path):
    """Total size of the input in bytes (for the throughput line), or None if unknown."""
    try:
        jvm = sc._jvm
        hpath = jvm.org.apache.hadoop.fs.Path(path)
        fs = hpath.getFileSystem(sc._jsc.hadoopConfiguration())
        statuses = fs.globStatus(hpath)
        if statuses is None:
            return None
        return sum(fs.getContentSummary(s.getPath()).getLength() for s in statuses)
    except Exception:  # a statistic only; never fail the job for it
        return None


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sc = SparkContext.getOrCreate(SparkConf().setAppName(args.app_name))
    try:
        if args.binary:
            if not os.path.isfile(args.binary):
                sys.exit(f"copydesk_job: --binary {args.binary}: no such file")
            sc.addFile(os.path.abspath(args.binary))
            binary_name = os.path.basename(args.binary)
        else:
            binary_name = args.binary_name

        threads = args.threads_per_task or int(sc.getConf().get("spark.task.cpus", "1"))
        batch_args = ["--text-field", args.text_field, "--id-field", args.id_field,
                      *args.copydesk_arg]

        if args.overwrite:
            jvm = sc._jvm
            out = jvm.org.apache.hadoop.fs.Path(args.output)
            out.getFileSystem(sc._jsc.hadoopConfiguration()).delete(out, True)

        lines_written = sc.accumulator(0)
        # Bytes, not str: the lines go to copydesk and back without decoding in Python.
        records = sc.textFile(args.input, minPartitions=args.min_partitions, use_unicode=False)
        results = records.mapPartitionsWithIndex(
            copydesk_partitions(binary_name, batch_args, threads, lines_written))
        codec = "org.apache.hadoop.io.compress.GzipCodec" if args.gzip else None

        start = time.monotonic()
        try:
            results.saveAsTextFile(args.output, compressionCodecClass=codec)
        except Exception as err:  # Py4JJavaError: Spark's own trace is already in the log
            causes = [line.strip() for line in str(err).splitlines() if "CopydeskFailed:" in line]
            why = causes[0] if causes else str(err).splitlines()[0]
            print(f"copydesk_job: the job failed, no _SUCCESS was written to {args.output}: {why}",
                  file=sys.stderr, flush=True)
            return 1
        seconds = time.monotonic() - start

        size = input_bytes(sc, args.input)
        rate = f"{size / 1e6 / seconds:.2f}" if size and seconds > 0 else "?"
        # One machine-readable line on stdout (Spark's own logs go to stderr).
        print(f"copydesk-spark: partitions={results.getNumPartitions()} "
              f"lines={lines_written.value} input_bytes={size if size is not None else '?'} "
              f"seconds={seconds:.3f} mb_per_s={rate} threads_per_task={threads}",
              flush=True)
        return 0
    finally:
        sc.stop()


if __name__ == "__main__":
    sys.exit(main())
