package dev.precis.feeds;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness towards publishers: at most one request at a time to a host, and at least {@code delay}
 * between the end of one request and the start of the next (longer for a host whose robots.txt asks for a
 * {@code Crawl-delay}, see {@link #atLeast}). Waiting callers are served in arrival order. Meant for virtual
 * threads, which may block here cheaply.
 *
 * <pre>{@code
 * try (HostGate.Pass pass = gate.enter(uri.getHost())) {
 *     ... one request ...
 * }
 * }</pre>
 */
public final class HostGate {

    /** The default pause between two requests to one host. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);

    /** Told of every request made through the gate; for timelines and counts. */
    @FunctionalInterface
    public interface Listener {
        /** A request to {@code host} ran from {@code startNanos} to {@code endNanos} ({@link System#nanoTime}). */
        void request(String host, long startNanos, long endNanos);
    }

    /** The longest pause a site may ask for with {@link #atLeast}. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        long lastEnd = Long.MIN_VALUE;
        volatile long delayNanos;

        Host(long delayNanos) {
            this.delayNanos = delayNanos;
        }
    }

    private final long delayNanos;
    private final Listener listener;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    /** A gate with the given pause between requests to one host. */
    public HostGate(Duration delay) {
        this(delay, (host, start, end) -> { });
    }

    /** A gate that also tells {@code listener} of each request. */
    public HostGate(Duration delay, Listener listener) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative politeness delay: " + delay);
        }
        this.delayNanos = delay.toNanos();
        this.listener = listener;
    }

    /** Waits until {@code host} is free and rested, then holds it until the pass is closed. */
    public Pass enter(String host) throws InterruptedException {
        String key = key(host);
        Host h = host(key);
        h.lock.lockInterruptibly();
        try {
            if (h.lastEnd != Long.MIN_VALUE) {
                long wait = h.lastEnd + h.delayNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            h.lock.unlock();
            throw e;
        }
        return new Pass(key, h, System.nanoTime());
    }

    /**
     * Lengthens the pause before requests to {@code host} to {@code delay} (a robots.txt
     * {@code Crawl-delay}), at most {@link #MAX_DELAY}; never shortens it.
     */
    public void atLeast(String host, Duration delay) {
        long nanos = Math.min(delay.toNanos(), MAX_DELAY.toNanos());
        Host h = host(key(host));
        synchronized (h) {
            h.delayNanos = Math.max(h.delayNanos, nanos);
        }
    }

    /** The pause kept between two requests to {@code host}. */
    public Duration delay(String host) {
        return Duration.ofNanos(host(key(host)).delayNanos);
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private Host host(String key) {
        return hosts.computeIfAbsent(key, k -> new Host(delayNanos));
    }

    /** The right to make one request to a host; closing it frees the host. */
    public final class Pass implements AutoCloseable {
        private final String host;
        private final Host h;
        private final long start;
        private boolean closed;

        private Pass(String host, Host h, long start) {
            this.host = host;
            this.h = h;
            this.start = start;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            long end = System.nanoTime();
            h.lastEnd = end;
            h.lock.unlock();
            listener.request(host, start, end);
        }

        /**
         * Frees the host without having made a request (the caller found it need not ask after all):
         * the next caller waits only what is left of the pause after the last real request.
         */
        public void abandon() {
            if (closed) {
                return;
            }
            closed = true;
            h.lock.unlock();
        }
    }
}
