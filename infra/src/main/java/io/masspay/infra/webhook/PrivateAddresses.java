package io.masspay.infra.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Addresses a webhook must not reach when the operator requires public https targets: every special-use
 * range of the IANA IPv4 and IPv6 special-purpose registries (RFC 6890 and successors), not only the private
 * ones. Loopback, private, link-local (cloud metadata services live there), carrier-grade NAT, the
 * unspecified address, benchmarking, documentation, reserved (240/4, with the broadcast address) and
 * multicast; in IPv6 also unique-local, the IPv4-compatible and IPv4-mapped forms, NAT64 (64:ff9b::/96,
 * 64:ff9b:1::/48), the IETF protocol block with Teredo (2001::/23), and 6to4 (2002::/16) when the IPv4 address
 * it carries is itself special-use. Each of these can lead back to the service's own host or network.
 */
final class PrivateAddresses {

    private static final List<Range> SPECIAL_V4 = List.of(
            Range.of("0.0.0.0", 8), Range.of("10.0.0.0", 8), Range.of("100.64.0.0", 10), Range.of("127.0.0.0", 8),
            Range.of("169.254.0.0", 16), Range.of("172.16.0.0", 12), Range.of("192.0.0.0", 24),
            Range.of("192.0.2.0", 24), Range.of("192.88.99.0", 24), Range.of("192.168.0.0", 16),
            Range.of("198.18.0.0", 15), Range.of("198.51.100.0", 24), Range.of("203.0.113.0", 24),
            Range.of("224.0.0.0", 4), Range.of("240.0.0.0", 4));

    private static final List<Range> SPECIAL_V6 = List.of(
            Range.of("::", 96),              // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d
            Range.of("::ffff:0:0", 96),      // IPv4-mapped (Java usually reads these as IPv4 already)
            Range.of("64:ff9b::", 96),       // NAT64, well-known prefix
            Range.of("64:ff9b:1::", 48),     // NAT64, local use
            Range.of("100::", 64),           // discard-only
            Range.of("2001::", 23),          // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID
            Range.of("2001:db8::", 32),      // documentation
            Range.of("3fff::", 20),          // documentation
            Range.of("5f00::", 16),          // segment routing SIDs
            Range.of("fc00::", 7),           // unique-local
            Range.of("fe80::", 10),          // link-local
            Range.of("fec0::", 10),          // site-local (deprecated)
            Range.of("ff00::", 8));          // multicast

    private static final Range SIX_TO_FOUR = Range.of("2002::", 16);

    private PrivateAddresses() {
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return SPECIAL_V4.stream().anyMatch(range -> range.contains(bytes));
        }
        if (SPECIAL_V6.stream().anyMatch(range -> range.contains(bytes))) {
            return true;
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            byte[] embedded = Arrays.copyOfRange(bytes, 2, 6);
            return SPECIAL_V4.stream().anyMatch(range -> range.contains(embedded));
        }
        return false;
    }

    /** A CIDR block: the first {@code bits} bits of {@code prefix}. */
    private record Range(byte[] prefix, int bits) {

        static Range of(String literal, int bits) {
            try {
                byte[] bytes = InetAddress.getByName(literal).getAddress(); // a literal: no lookup
                if (bytes.length == 4 && literal.contains(":")) { // Java reads ::ffff:a.b.c.d as IPv4
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(bytes, 0, mapped, 12, 4);
                    bytes = mapped;
                }
                return new Range(bytes, bits);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
