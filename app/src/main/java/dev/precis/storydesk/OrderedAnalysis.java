package dev.precis.storydesk;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Analysis on several threads with results handed back in input order: rows are read page by
 * page, analyzed on a pool with a bounded look-ahead (so memory stays flat), and consumed one by
 * one on the calling thread. What a restart, a catch-up and a regrouping use to keep the grouping
 * itself serial and in order while the costly text analysis runs in parallel.
 */
final class OrderedAnalysis implements AutoCloseable {

    private final ExecutorService pool;
    private final int lookAhead;

    OrderedAnalysis(int threads, int lookAhead) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads),
                Thread.ofPlatform().daemon().name("precis-story-analysis-", 0).factory());
        this.lookAhead = Math.max(1, lookAhead);
    }

    /**
     * Reads pages from {@code pages} until one is empty, analyzes every row with {@code analyze}
     * and passes the results to {@code consume} in the order read. A failure stops the run and is
     * thrown as it is.
     */
    <R, A> void run(Supplier<List<R>> pages, Function<R, A> analyze, Consumer<A> consume) {
        ArrayDeque<Future<A>> queue = new ArrayDeque<>();
        boolean more = true;
        try {
            while (true) {
                while (more && queue.size() < lookAhead) {
                    List<R> page = pages.get();
                    if (page.isEmpty()) {
                        more = false;
                    }
                    for (R row : page) {
                        queue.add(pool.submit(() -> analyze.apply(row)));
                    }
                }
                Future<A> next = queue.poll();
                if (next == null) {
                    return;
                }
                consume.accept(result(next));
            }
        } finally {
            queue.forEach(f -> f.cancel(true));
        }
    }

    private static <A> A result(Future<A> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
