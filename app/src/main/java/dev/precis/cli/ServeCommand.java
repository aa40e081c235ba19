package dev.precis.cli;

import dev.precis.store.Store;
import dev.precis.web.Reader;
import dev.precis.web.ReaderServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code precis serve}: the web reader and JSON API over a real store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web reader and the JSON API (/api/v1) over the store.",
                "Listens on 127.0.0.1 unless --host says otherwise; beyond loopback, writes need --token."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:PRECIS_TOKEN}",
            description = "Bearer token for writes when listening beyond 127.0.0.1 (default: $PRECIS_TOKEN).")
    String token;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ListenOptions listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Store store = storeOptions.open();
        Reader reader;
        try {
            reader = Reader.start(store, new ReaderServer.Options(listen.host, listen.port, token, false, null), listen.allowPrivateHosts);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        startFeedPolling(reader);
        spec.commandLine().getOut().println("Precis reader for " + store.describe() + " at " + reader.url() + "  (Ctrl-C to stop)");
        if (!listen.host.equals("127.0.0.1") && (token == null || token.isEmpty())) {
            spec.commandLine().getOut().println("note: listening beyond 127.0.0.1 without --token: writes are refused");
        }
        spec.commandLine().getOut().flush();
        Serving.untilStopped(reader, () -> { });
        return ExitCodes.OK;
    }

    /** Polls the store's feeds in the background while serving (due feeds, checked every minute). */
    static void startFeedPolling(Reader reader) {
        reader.pollFeeds(java.time.Duration.ofMinutes(1));
    }
}
