package dev.precis.feeds;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;

/**
 * Keeps fetches from being turned against the machine Precis runs on or its network (SSRF): refuses
 * loopback, private, carrier-grade NAT, link-local, multicast, broadcast and unspecified addresses, unless
 * the operator allows private hosts ({@code --allow-private-hosts} or {@code PRECIS_ALLOW_PRIVATE_HOSTS=1}).
 *
 * @param allowPrivate whether every address is allowed
 * @param exceptions   non-public addresses allowed all the same (an intranet feed server, say)
 */
public record AddressGuard(boolean allowPrivate, Set<InetAddress> exceptions) {

    public AddressGuard {
        exceptions = Set.copyOf(exceptions);
    }

    /** A guard that refuses every non-public address, or (with {@code allowPrivate}) none. */
    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, Set.of());
    }

    /** The guard the environment asks for: private hosts allowed only when {@code PRECIS_ALLOW_PRIVATE_HOSTS=1}. */
    public static AddressGuard fromEnvironment(boolean allowFlag) {
        return new AddressGuard(allowFlag || "1".equals(System.getenv("PRECIS_ALLOW_PRIVATE_HOSTS")));
    }

    /** Whether a connection to {@code address} is allowed. */
    public boolean allows(InetAddress address) {
        return allowPrivate || isPublic(address) || exceptions.contains(address);
    }

    /** Whether {@code address} is a public unicast address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first != 0 && first < 224                       // 0/8 "this network", 224+ multicast/reserved
                    && !(first == 100 && second >= 64 && second < 128) // 100.64/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xFF) == 0); // 192.0.0/24 protocol assignments
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {                          // fc00::/7 unique local
                return false;
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (java.net.UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
