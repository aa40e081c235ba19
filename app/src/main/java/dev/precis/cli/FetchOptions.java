package dev.precis.cli;

import dev.precis.fetch.PageFetcher;
import picocli.CommandLine.Option;

/** Options of commands that fetch URL inputs. */
final class FetchOptions {

    @Option(names = "--allow-private-hosts",
            description = "Allow fetching from loopback and private network addresses (also env PRECIS_ALLOW_PRIVATE_HOSTS=1).")
    boolean allowPrivateHosts;

    PageFetcher fetcher() {
        return PageFetcher.standard(allowPrivateHosts);
    }
}
