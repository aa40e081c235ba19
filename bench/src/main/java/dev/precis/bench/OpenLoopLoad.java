package dev.precis.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: requests are scheduled at a fixed rate whatever the server
 * does, sent over a fixed number of keep-alive HTTP/1.1 connections, and each latency is measured
 * from the request's <em>intended</em> send time, so a stalled server shows up in the percentiles
 * instead of silently slowing the load (the "coordinated omission" correction of wrk2).
 *
 * <pre>
 * java -cp bench/target/precis-bench.jar dev.precis.bench.OpenLoopLoad \
 *     --url http://127.0.0.1:8080 --path '/articles/1' --path '/api/v1/articles/1/summary?sentences=3' \
 *     --rate 1000 --connections 200 --seconds 60
 * </pre>
 *
 * Prints a line per rate and, last, one JSON object with the latency percentiles in milliseconds.
 * Several {@code --rate} values run one after the other (a sweep).
 */
public final class OpenLoopLoad {

    private OpenLoopLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        List<String> paths = new ArrayList<>();
        List<Integer> rates = new ArrayList<>();
        int connections = 200;
        int seconds = 60;
        int warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--path" -> paths.add(args[++i]);
                case "--rate" -> {
                    for (String r : args[++i].split(",")) {
                        rates.add(Integer.parseInt(r.strip()));
                    }
                }
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("OpenLoopLoad: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (paths.isEmpty()) {
            paths.add("/");
        }
        if (rates.isEmpty()) {
            rates.add(1000);
        }
        URI base = URI.create(url);
        if (warmup > 0) {
            run(base, paths, rates.get(0), connections, warmup);
        }
        String last = null;
        for (int rate : rates) {
            Result r = run(base, paths, rate, connections, seconds);
            System.out.println(r.line());
            last = r.json();
        }
        System.out.println(last);
    }

    /** What one run measured. */
    record Result(int rate, int connections, int seconds, long sent, long errors, long[] latencies, double achieved) {

        double pct(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "rate %d/s over %d connections for %d s: %d requests, %d errors, "
                            + "achieved %.0f/s, latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f",
                    rate, connections, seconds, sent, errors, achieved, pct(.5), pct(.9), pct(.99), pct(.999), pct(1));
        }

        String json() {
            return String.format(Locale.ROOT, "{\"rate\":%d,\"connections\":%d,\"seconds\":%d,\"requests\":%d,\"errors\":%d,"
                            + "\"achieved\":%.1f,\"ms\":{\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f}}",
                    rate, connections, seconds, sent, errors, achieved, pct(.5), pct(.9), pct(.99), pct(.999), pct(1));
        }
    }

    static Result run(URI base, List<String> paths, int rate, int connections, int seconds) throws InterruptedException {
        long total = (long) rate * seconds;
        LinkedBlockingQueue<long[]> queue = new LinkedBlockingQueue<>();
        long[] latencies = new long[(int) total];
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        byte[][] requests = new byte[paths.size()][];
        String host = base.getHost() + ":" + base.getPort();
        for (int i = 0; i < paths.size(); i++) {
            requests[i] = ("GET " + paths.get(i) + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html,application/json\r\n"
                    + "User-Agent: precis-open-loop\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        for (int c = 0; c < connections; c++) {
            workers.add(Thread.ofVirtual().start(() -> {
                Connection conn = null;
                try {
                    while (true) {
                        long[] job = queue.take();
                        if (job[0] < 0) {
                            break;
                        }
                        try {
                            if (conn == null) {
                                conn = new Connection(base.getHost(), base.getPort());
                            }
                            int status = conn.exchange(requests[(int) job[1]]);
                            if (status != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (conn != null) {
                                conn.close();
                            }
                            conn = null;
                        }
                        latencies[done.getAndIncrement()] = System.nanoTime() - job[0];
                    }
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (conn != null) {
                        conn.close();
                    }
                }
            }));
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        double interval = 1e9 / rate;
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new long[]{intended, i % paths.size()});
        }
        for (int c = 0; c < connections; c++) {
            queue.add(new long[]{-1, 0});
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] measured = Arrays.copyOf(latencies, done.get());
        Arrays.sort(measured);
        return new Result(rate, connections, seconds, done.get(), errors.get(), measured, done.get() / elapsed);
    }

    /** One keep-alive HTTP/1.1 connection that reads whole responses (Content-Length or chunked). */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    s = 1;
                }
                n -= s;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
