package io.masspay.infra.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses a webhook must not reach when the operator requires public https targets: loopback, the
 * private ranges, link-local (cloud metadata services live there), carrier-grade NAT, unique-local IPv6,
 * the unspecified address and multicast.
 */
final class PrivateAddresses {

    private PrivateAddresses() {
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127);
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }
}
