package dev.precis.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A name resolver for tests, installed for the whole test JVM through {@code META-INF/services}:
 * names under {@code .rebind.test} get scripted answers, one list of addresses per lookup (the last
 * one repeating), as a DNS server that rebinds a name would give; every other name goes to the
 * system resolver. The test JVM caches no lookups ({@code sun.net.inetaddr.ttl=0} in the pom), so
 * every lookup reaches this resolver.
 */
public final class ScriptedResolver extends InetAddressResolverProvider {

    private static final String SUFFIX = ".rebind.test";
    private static final Map<String, List<List<InetAddress>>> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /** Scripts the answers for {@code host} (a name ending in {@code .rebind.test}), lookup by lookup. */
    public static void answer(String host, List<List<InetAddress>> answers) {
        ANSWERS.put(host, List.copyOf(answers));
        LOOKUPS.put(host, new AtomicInteger());
    }

    /** How many times {@code host} was looked up since it was scripted. */
    public static int lookups(String host) {
        return LOOKUPS.getOrDefault(host, new AtomicInteger()).get();
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver system = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (!host.endsWith(SUFFIX)) {
                    return system.lookupByName(host, policy);
                }
                List<List<InetAddress>> script = ANSWERS.get(host);
                if (script == null) {
                    throw new UnknownHostException(host);
                }
                int n = LOOKUPS.get(host).getAndIncrement();
                return script.get(Math.min(n, script.size() - 1)).stream();
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "scripted answers for .rebind.test names";
    }
}
