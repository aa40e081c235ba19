package dev.precis.cli;

import dev.precis.store.SqliteStore;
import dev.precis.web.DemoArticles;
import dev.precis.web.Reader;
import dev.precis.web.ReaderServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code precis demo}: the web reader on a fresh embedded store loaded with sample articles. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the web reader on a fresh store (in a temporary folder) loaded with built-in",
                "sample articles from fictional outlets, and prints its address. Stop it with Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on; the next free one when taken (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--allow-private-hosts",
            description = "Let feeds added in the reader live on loopback or private addresses (also PRECIS_ALLOW_PRIVATE_HOSTS=1).")
    boolean allowPrivateHosts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("precis-demo-");
        Reader reader;
        try {
            var store = SqliteStore.open(dir);
            int loaded = Reader.loadDemo(store);
            reader = Reader.start(store, new ReaderServer.Options(host, port, null, true, DemoArticles.BANNER), allowPrivateHosts);
            spec.commandLine().getOut().println("Precis demo: " + loaded + " sample articles (fictional outlets and events) in " + dir);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        spec.commandLine().getOut().println("Reading at " + reader.url() + "  (Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        Serving.untilStopped(reader, () -> deleteTree(dir));
        return ExitCodes.OK;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
