package dev.precis.cli;

import picocli.CommandLine.Option;

/** Where the web reader listens, and whether feeds it adds may live on private addresses. */
final class ListenOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--allow-private-hosts",
            description = "Let feeds added in the reader live on loopback or private addresses (also PRECIS_ALLOW_PRIVATE_HOSTS=1).")
    boolean allowPrivateHosts;
}
