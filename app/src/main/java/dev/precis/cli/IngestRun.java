package dev.precis.cli;

import dev.precis.fetch.PageFetcher;
import dev.precis.article.Article;
import dev.precis.digest.Digester;
import dev.precis.store.AddOutcome;
import dev.precis.store.AnalyzedArticle;
import dev.precis.store.Store;
import dev.precis.store.StoreException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One ingest: a reader thread walks the inputs, a pool of workers (one per core) reads and
 * analyzes each article once (article → Doc → digest), and the calling thread is the only
 * writer, committing batches of articles with their digests, each batch in one transaction.
 * In-flight work is bounded, so memory stays flat for inputs of any size.
 */
final class IngestRun {

    /** How the run ended. */
    record Tally(long added, long duplicates, long failed, Map<String, Integer> failures, double seconds, double writeSeconds,
                 double writeCpuSeconds) {
    }

    private record Result(String name, AnalyzedArticle analyzed, String failure) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Name of the result that reports the reader thread failing (it holds no in-flight permit). */
    private static final String READER_FAILED = "ingest";
    private static final Result END = new Result(null, null, null);
    private static final long BATCH_NANOS = 250_000_000L;

    private final Store store;
    private final int threads;
    private final int batchSize;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    private final ThreadLocal<Digester> digesters = ThreadLocal.withInitial(Digester::new);

    private final PageFetcher fetcher;

    IngestRun(Store store, int threads, int batchSize, PrintWriter out, PrintWriter err, boolean verbose,
              PageFetcher fetcher) {
        this.store = store;
        this.fetcher = fetcher;
        this.threads = threads;
        this.batchSize = batchSize;
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    Tally run(List<String> inputs, Progress progress) {
        long started = System.nanoTime();
        LinkedBlockingQueue<Result> results = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(Math.max(64, threads * 64));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "precis-analyze");
            t.setDaemon(true);
            return t;
        });
        Thread reader = Thread.ofPlatform().daemon().name("precis-read").start(() -> {
            try {
                for (String input : inputs) {
                    IngestSources.read(input, item -> {
                        inFlight.acquireUninterruptibly();
                        pool.execute(() -> results.add(analyze(item)));
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
                results.add(new Result(READER_FAILED, null, "stopped reading inputs: " + e));
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
        try {
            while (true) {
                Result r = results.poll(50, TimeUnit.MILLISECONDS);
                boolean end = r == END;
                if (r != null && !end) {
                    if (!r.name().equals(READER_FAILED)) {
                        inFlight.release();
                    }
                    done++;
                    if (r.failure() != null) {
                        failed++;
                        failures.merge(kindOf(r.failure()), 1, Integer::sum);
                        err.println("precis: " + r.name() + ": " + r.failure());
                    } else {
                        if (batch.isEmpty()) {
                            batchStarted = System.nanoTime();
                        }
                        batch.add(r);
                    }
                }
                if (!batch.isEmpty() && (end || batch.size() >= batchSize || System.nanoTime() - batchStarted > BATCH_NANOS)) {
                    long w0 = System.nanoTime();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    List<AddOutcome> outcomes = write(batch, added);
                    writeNanos += System.nanoTime() - w0;
                    writeCpu += THREADS.getCurrentThreadCpuTime() - c0;
                    for (int i = 0; i < outcomes.size(); i++) {
                        AddOutcome o = outcomes.get(i);
                        String name = batch.get(i).name();
                        switch (o.kind()) {
                            case ADDED -> {
                                added++;
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
            progress.finish();
        }

        return new Tally(added, duplicates, failed, failures, (System.nanoTime() - started) / 1e9, writeNanos / 1e9,
                writeCpu / 1e9);
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

    private Result analyze(IngestItem item) {
        try {
            Article a = item.read();
            if (a.text().isBlank()) {
                return new Result(item.name, null, "has no article text");
            }
            return new Result(item.name, AnalyzedArticle.of(a, digesters.get()), null);
        } catch (BadInputException e) {
            String m = e.getMessage();
            return new Result(item.name, null, m.startsWith(item.name + ": ") ? m.substring(item.name.length() + 2) : m);
        } catch (RuntimeException e) {
            return new Result(item.name, null, "cannot analyze: " + e);
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
