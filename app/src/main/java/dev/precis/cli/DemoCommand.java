package dev.precis.cli;

import dev.precis.store.SqliteStore;
import dev.precis.web.DemoArticles;
import dev.precis.web.Reader;
import dev.precis.web.ReaderServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code precis demo}: the web reader on a fresh embedded store loaded with sample articles. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the web reader on built-in sample articles.",
                "A fresh store in a temporary folder is loaded with sample articles from fictional outlets;",
                "the reader's address is printed. Stop it with Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ListenOptions listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("precis-demo-");
        Reader reader;
        try {
            var store = SqliteStore.open(dir);
            int loaded = Reader.loadDemo(store);
            reader = Reader.start(store, new ReaderServer.Options(listen.host, listen.port, null, true, DemoArticles.BANNER), listen.allowPrivateHosts);
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
