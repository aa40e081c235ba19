package dev.precis.store;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests. Uses {@code PRECIS_TEST_PG} (a JDBC URL whose user may
 * create databases) when set; otherwise starts a throwaway server from the system's PostgreSQL
 * binaries in a temporary folder on a free port, stopped and deleted when the test JVM exits.
 * PostgreSQL refuses to run as root, so as root the server runs as the {@code postgres} user
 * (or {@code nobody}) through {@code setpriv}. Each test gets a fresh database.
 *
 * <p>A test that stops and restarts its server starts an {@link Instance} of its own, so the
 * shared server stays up for the others.
 */
final class PgTestServer {

    static final String USER = "precis";
    static final String PASSWORD = "precis-test-pw";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String adminUrl;
    private static Properties adminProps;

    private PgTestServer() {
    }

    /** A JDBC URL (user and password included) of a new, empty database. */
    static synchronized String freshDatabase() {
        ensureStarted();
        return createDatabase(adminUrl, adminProps);
    }

    private static String createDatabase(String adminUrl, Properties adminProps) {
        String name = "precis_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl, adminProps); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        String base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        String sep = "?";
        StringBuilder url = new StringBuilder(base);
        for (String k : adminProps.stringPropertyNames()) {
            url.append(sep).append(k).append('=').append(java.net.URLEncoder.encode(adminProps.getProperty(k), java.nio.charset.StandardCharsets.UTF_8));
            sep = "&";
        }
        return url.toString();
    }

    private static void ensureStarted() {
        if (adminUrl != null) {
            return;
        }
        String given = System.getenv("PRECIS_TEST_PG");
        if (given != null && !given.isBlank()) {
            int q = given.indexOf('?');
            adminUrl = q < 0 ? given : given.substring(0, q);
            adminProps = new Properties();
            if (q >= 0) {
                for (String kv : given.substring(q + 1).split("&")) {
                    String[] p = kv.split("=", 2);
                    adminProps.setProperty(p[0], p.length > 1 ? java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8) : "");
                }
            }
            return;
        }
        Instance shared = Instance.start();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        adminUrl = shared.adminUrl;
        adminProps = shared.adminProps;
    }

    /**
     * A throwaway PostgreSQL server of its own, from the system's binaries: one data folder, one
     * port, which {@link #stop()} and {@link #restart()} keep.
     */
    static final class Instance implements AutoCloseable {
        private final Path bin;
        private final Path dir;
        private final List<String> asUser;
        private final int port;
        private final String adminUrl;
        private final Properties adminProps = new Properties();
        private Process server;

        private Instance(Path bin, Path dir, List<String> asUser, int port) {
            this.bin = bin;
            this.dir = dir;
            this.asUser = asUser;
            this.port = port;
            this.adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            adminProps.setProperty("user", USER);
            adminProps.setProperty("password", PASSWORD);
        }

        /** Creates a cluster in a temporary folder and starts its server on a free port. */
        static Instance start() {
            Path bin = findBinaries();
            try {
                Path dir = Files.createTempDirectory("precis-pg-");
                Path pw = dir.resolve("pw");
                Files.writeString(pw, PASSWORD + "\n");
                List<String> asUser = asUnprivilegedUser(dir);
                run(dir, concat(asUser, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                        "-U", USER, "--pwfile=" + pw, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "-N")));
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                Instance instance = new Instance(bin, dir, asUser, port);
                instance.restart();
                return instance;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a test PostgreSQL server: " + e.getMessage(), e);
            }
        }

        /** A JDBC URL (user and password included) of a new, empty database on this server. */
        String freshDatabase() {
            return createDatabase(adminUrl, adminProps);
        }

        /** Starts the server (again) on its port and waits until it accepts connections. */
        void restart() throws IOException {
            server = new ProcessBuilder(concat(asUser, List.of(bin.resolve("postgres").toString(),
                    "-D", dir.resolve("data").toString(), "-p", String.valueOf(port),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + dir,
                    "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=50")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                    .start();
            waitUntilUp();
        }

        /**
         * Stops the server with PostgreSQL's fast shutdown (SIGINT): open sessions are terminated,
         * as in a restart by an administrator, and nothing listens on the port until {@link #restart()}.
         */
        void stop() {
            Process p = server;
            if (p == null) {
                return;
            }
            server = null;
            try {
                new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                p.destroy();
            }
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ignored) {
                p.destroyForcibly();
            }
        }

        /** Stops the server and deletes its folder. */
        @Override
        public void close() {
            stop();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp folder is harmless
            }
        }

        private void waitUntilUp() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try (Connection c = DriverManager.getConnection(adminUrl, adminProps)) {
                    return;
                } catch (SQLException e) {
                    if (!server.isAlive() || System.nanoTime() > deadline) {
                        throw new IOException("server did not come up: " + Files.readString(dir.resolve("server.log")).strip());
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", ie);
                    }
                }
            }
        }
    }

    private static Path findBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(PgTestServer::missing);
        } catch (IOException e) {
            throw missing();
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql: "
                + "install them ('apt-get install postgresql') or set PRECIS_TEST_PG to a JDBC URL of a server");
    }

    private static List<String> asUnprivilegedUser(Path dir) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String user = userExists("postgres") ? "postgres" : "nobody";
        run(dir, List.of("chown", "-R", user, dir.toString()));
        return List.of("setpriv", "--reuid=" + user, "--regid=" + groupOf(user), "--init-groups", "--");
    }

    private static boolean userExists(String user) throws IOException {
        return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
    }

    private static String groupOf(String user) throws IOException {
        return Files.readAllLines(Path.of("/etc/passwd")).stream().filter(l -> l.startsWith(user + ":"))
                .map(l -> l.split(":")[3]).findFirst().orElse("nogroup");
    }

    private static void run(Path dir, List<String> cmd) throws IOException {
        File log = dir.resolve("setup.log").toFile();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(log.toPath()).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
