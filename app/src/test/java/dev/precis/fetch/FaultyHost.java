package dev.precis.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving server on a loopback address, for tests of what a fetcher does when a host goes
 * wrong: it accepts connections and then never answers, resets them, or trickles its answer one
 * byte a second. Bound to an address of its own ({@code 127.0.0.2} …; Linux routes all of
 * 127.0.0.0/8 to the loopback interface), so it is a host of its own for politeness.
 */
public final class FaultyHost implements AutoCloseable {

    /** What the server does with a connection. */
    public enum Fault {
        /** Accepts, reads nothing, answers nothing, keeps the connection open. */
        HANG,
        /** Accepts, then closes with a TCP reset. */
        RESET,
        /** Reads the request, then sends a valid HTTP response one byte per second. */
        TRICKLE,
        /** Sends the header of a TLS handshake record at once, then its body one byte per second. */
        TRICKLE_TLS
    }

    private final ServerSocket server;
    private final Fault fault;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private FaultyHost(ServerSocket server, Fault fault) {
        this.server = server;
        this.fault = fault;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    /** Starts a server with {@code fault} on {@code address} (e.g. "127.0.0.2"), any free port. */
    public static FaultyHost start(String address, Fault fault) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
        return new FaultyHost(s, fault);
    }

    /** {@code http://ADDRESS:PORT} + path. */
    public String url(String path) {
        return (fault == Fault.TRICKLE_TLS ? "https://" : "http://") + server.getInetAddress().getHostAddress() + ":"
                + server.getLocalPort() + path;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread.ofVirtual().start(() -> handle(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket s) {
        try {
            switch (fault) {
                case HANG -> {
                    // holds the connection until the client or close() ends it
                }
                case RESET -> {
                    s.setSoLinger(true, 0);
                    s.close();
                }
                case TRICKLE -> {
                    readRequest(s.getInputStream());
                    byte[] body = "<rss version=\"2.0\"><channel><title>Slow</title></channel></rss>".repeat(20)
                            .getBytes(StandardCharsets.UTF_8);
                    String head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + body.length + "\r\n\r\n";
                    drip(s.getOutputStream(), concat(head.getBytes(StandardCharsets.US_ASCII), body));
                }
                case TRICKLE_TLS -> {
                    OutputStream out = s.getOutputStream();
                    out.write(new byte[]{0x16, 0x03, 0x03, 0x40, 0x00});
                    out.flush();
                    drip(out, new byte[0x4000]);
                }
            }
        } catch (IOException e) {
            // the client gave up: that is the point
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        int state = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            state = c == '\n' ? state + 1 : c == '\r' ? state : 0;
            if (state == 2) {
                return;
            }
        }
    }

    private static void drip(OutputStream out, byte[] bytes) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        acceptor.interrupt();
    }
}
