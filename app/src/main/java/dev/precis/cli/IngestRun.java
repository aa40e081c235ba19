package dev.precis.cli;

import dev.precis.fetch.PageFetcher;
import dev.precis.article.Article;
import dev.precis.digest.Digester;
import dev.precis.store.AddOutcome;
import dev.precis.store.AnalyzedArticle;
import dev.precis.store.Store;
import dev.precis.store.StoreException;
import dev.precis.storydesk.StoryDesk;
import dev.precis.storydesk.StoryInput;
import dev.precis.text.Doc;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One ingest: a reader thread walks the inputs, a pool of workers (one per core) reads and
 * analyzes each article once (article → Doc → digest, story features), and the calling thread is
 * the only writer, committing batches of articles with their digests, each batch in one
 * transaction, in input order (results are put back in order, so ids follow the inputs). A
 * grouping thread behind the writer assigns each committed batch to stories ({@link StoryDesk}),
 * serially and in the same order, while the writer goes on with the next batch. In-flight work
 * is bounded, so memory stays flat for inputs of any size.
 */
final class IngestRun {

    /**
     * How the run ended.
     *
     * @param groupSeconds  busy time of the grouping thread (0 without grouping)
     * @param groupCpuSeconds CPU time of the grouping thread
     * @param loaded        what loading the stored grouping cost, or {@code null} without grouping
     * @param groupFailure  why grouping stopped early, or {@code null}
     */
    record Tally(long added, long duplicates, long failed, Map<String, Integer> failures, double seconds, double writeSeconds,
                 double writeCpuSeconds, double groupSeconds, double groupCpuSeconds, StoryDesk.Loaded loaded,
                 String groupFailure) {
    }

    private record Result(long seq, String name, AnalyzedArticle analyzed, StoryInput story, String failure) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Name of the result that reports the reader thread failing (it holds no in-flight permit). */
    private static final String READER_FAILED = "ingest";
    private static final Result END = new Result(-1, null, null, null, null);
    private static final long BATCH_NANOS = 250_000_000L;
    /** Committed batches waiting for the grouping thread at most. */
    private static final int GROUPING_QUEUE = 2;

    private final Store store;
    private final int threads;
    private final int batchSize;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    private final ThreadLocal<Digester> digesters = ThreadLocal.withInitial(Digester::new);

    private final PageFetcher fetcher;
    private final StoryDesk desk;

    /** An ingest into {@code store}; with a {@code desk}, stored articles are grouped into stories. */
    IngestRun(Store store, int threads, int batchSize, PrintWriter out, PrintWriter err, boolean verbose,
              PageFetcher fetcher, StoryDesk desk) {
        this.store = store;
        this.fetcher = fetcher;
        this.desk = desk;
        this.threads = threads;
        this.batchSize = batchSize;
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    Tally run(List<String> inputs, Progress progress) {
        long started = System.nanoTime();
        if (desk != null) {
            // before anything is stored, so that catching up never races the writer
            desk.load();
        }
        LinkedBlockingQueue<Result> results = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(Math.max(64, threads * 64));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "precis-analyze");
            t.setDaemon(true);
            return t;
        });
        Grouping grouping = desk == null ? null : new Grouping(desk);
        Thread reader = Thread.ofPlatform().daemon().name("precis-read").start(() -> {
            long[] seq = {0};
            try {
                for (String input : inputs) {
                    IngestSources.read(input, item -> {
                        inFlight.acquireUninterruptibly();
                        long n = seq[0]++;
                        pool.execute(() -> results.add(analyze(n, item)));
                    }, fetcher);
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                }
                pool.shutdown();
                pool.awaitTermination(365, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                results.add(new Result(-1, READER_FAILED, null, null, "stopped reading inputs: " + e));
            } finally {
                results.add(END);
            }
        });
        long added = 0;
        long duplicates = 0;
        long failed = 0;
        long done = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<Result> batch = new ArrayList<>();
        long batchStarted = 0;
        long writeNanos = 0;
        long writeCpu = 0;
        Map<Long, Result> waiting = new HashMap<>();
        long nextSeq = 0;
        try {
            while (true) {
                Result r = results.poll(50, TimeUnit.MILLISECONDS);
                boolean end = r == END;
                List<Result> ready = new ArrayList<>();
                if (r != null && !end) {
                    if (r.name().equals(READER_FAILED)) {
                        ready.add(r);
                    } else {
                        waiting.put(r.seq(), r);
                        for (Result next; (next = waiting.remove(nextSeq)) != null; nextSeq++) {
                            inFlight.release();
                            ready.add(next);
                        }
                    }
                }
                for (Result x : ready) {
                    done++;
                    if (x.failure() != null) {
                        failed++;
                        failures.merge(kindOf(x.failure()), 1, Integer::sum);
                        err.println("precis: " + x.name() + ": " + x.failure());
                    } else {
                        if (batch.isEmpty()) {
                            batchStarted = System.nanoTime();
                        }
                        batch.add(x);
                    }
                }
                if (!batch.isEmpty() && (end || batch.size() >= batchSize || System.nanoTime() - batchStarted > BATCH_NANOS)) {
                    long w0 = System.nanoTime();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    List<AddOutcome> outcomes = write(batch, added);
                    writeNanos += System.nanoTime() - w0;
                    writeCpu += THREADS.getCurrentThreadCpuTime() - c0;
                    List<StoryInput> stored = new ArrayList<>();
                    for (int i = 0; i < outcomes.size(); i++) {
                        AddOutcome o = outcomes.get(i);
                        String name = batch.get(i).name();
                        switch (o.kind()) {
                            case ADDED -> {
                                added++;
                                if (grouping != null) {
                                    stored.add(batch.get(i).story().stored(o.id()));
                                }
                                if (verbose) {
                                    out.println("added " + o.id() + " " + name);
                                }
                            }
                            case DUPLICATE -> {
                                duplicates++;
                                if (verbose) {
                                    out.println("duplicate " + name + " (" + o.reason() + ")");
                                }
                            }
                            case REJECTED -> {
                                failed++;
                                failures.merge(kindOf(o.reason()), 1, Integer::sum);
                                err.println("precis: " + name + ": " + o.reason());
                            }
                        }
                    }
                    if (verbose) {
                        out.flush();
                    }
                    batch.clear();
                    if (grouping != null && !stored.isEmpty()) {
                        grouping.hand(stored);
                    }
                }
                progress.update(done);
                if (end) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.interrupt();
            pool.shutdownNow();
            // a reader waiting for an in-flight permit wakes, finds the pool shut and ends
            inFlight.release(1 << 20);
            if (grouping != null) {
                grouping.finish();
            }
            progress.finish();
        }

        if (grouping != null) {
            grouping.report(err);
        }
        return new Tally(added, duplicates, failed, failures, (System.nanoTime() - started) / 1e9, writeNanos / 1e9,
                writeCpu / 1e9, grouping == null ? 0 : grouping.busyNanos / 1e9, grouping == null ? 0 : grouping.cpuNanos / 1e9,
                desk == null ? null : desk.loaded(),
                grouping == null ? null : grouping.failure);
    }

    /**
     * Commits one batch. A store failure (disk full, server gone) ends the ingest: the message says
     * what the store said, that this batch was rolled back and how much was stored before it.
     */
    private List<AddOutcome> write(List<Result> batch, long addedBefore) {
        try {
            return store.add(batch.stream().map(Result::analyzed).toList());
        } catch (StoreException e) {
            throw new StoreException(e.getMessage() + "; ingest stopped: this batch of " + batch.size()
                    + (batch.size() == 1 ? " article" : " articles") + " was not stored, the " + addedBefore
                    + " added before it are kept (run the same ingest again to go on)", e);
        }
    }

    private Result analyze(long seq, IngestItem item) {
        try {
            Article a = item.read();
            if (a.text().isBlank()) {
                return new Result(seq, item.name, null, null, "has no article text");
            }
            Doc doc = Doc.of(a.text());
            AnalyzedArticle analyzed = AnalyzedArticle.of(a, doc, digesters.get());
            return new Result(seq, item.name, analyzed, desk == null ? null : StoryInput.of(analyzed.article(), doc), null);
        } catch (BadInputException e) {
            String m = e.getMessage();
            return new Result(seq, item.name, null, null, m.startsWith(item.name + ": ") ? m.substring(item.name.length() + 2) : m);
        } catch (RuntimeException e) {
            return new Result(seq, item.name, null, null, "cannot analyze: " + e);
        }
    }

    /**
     * The grouping thread: takes committed batches in commit order and groups them, so the writer
     * never waits for grouping unless it runs {@value #GROUPING_QUEUE} batches ahead. A failure stops
     * grouping for the rest of the run (the articles stay stored; the next load groups them).
     */
    private static final class Grouping {
        private static final List<StoryInput> STOP = new ArrayList<>();

        private final ArrayBlockingQueue<List<StoryInput>> queue = new ArrayBlockingQueue<>(GROUPING_QUEUE);
        private final Thread thread;
        private volatile String failure;
        private volatile long busyNanos;
        private volatile long cpuNanos;

        Grouping(StoryDesk desk) {
            thread = Thread.ofPlatform().daemon().name("precis-group").start(() -> {
                try {
                    for (List<StoryInput> batch; (batch = queue.take()) != STOP; ) {
                        if (failure != null) {
                            continue;
                        }
                        long t0 = System.nanoTime();
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        try {
                            desk.group(batch);
                        } catch (RuntimeException e) {
                            failure = e.getMessage() == null ? e.toString() : e.getMessage();
                        }
                        busyNanos += System.nanoTime() - t0;
                        cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void hand(List<StoryInput> batch) throws InterruptedException {
            queue.put(batch);
        }

        /**
         * Says why grouping stopped, if it did. Said only when the ingest itself ended well: when it
         * stopped on a store failure (a full disk), that failure is the one line worth reading.
         */
        void report(PrintWriter err) {
            if (failure != null) {
                err.println("precis: grouping stories stopped (the articles are stored; they are grouped "
                        + "at the next ingest, poll or serve): " + failure);
            }
        }

        /** Waits until every batch handed over is grouped. */
        void finish() {
            try {
                queue.put(STOP);
                thread.join();
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The kind of a failure for the tally: its reason up to the first detail. */
    static String kindOf(String reason) {
        String k = reason;
        for (String cut : List.of(" (", ": ", ";")) {
            int i = k.indexOf(cut);
            if (i > 0) {
                k = k.substring(0, i);
            }
        }
        return k.startsWith("duplicate id") ? "duplicate id" : k;
    }
}
