package nl.waarborg.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network a client calls from, as the audit log names it — the rate limiter, the refused-call counts, the
 * sign-in throttle and every sign-in event alike: the IPv4 /24 or the IPv6 /64 around its address ({@code 203.0.113.0/24}, {@code 2001:db8:0:1::/64}). Never the full address: an
 * address can identify a person, and these names go into the audit log. One network is one limit, so an
 * attacker cannot get fresh limits by changing the last byte of an address (or the 64 interface bits of IPv6).
 */
public final class ClientNetwork {

    public static final String UNKNOWN = "unknown";

    private ClientNetwork() {
    }

    /** The network of {@code address} (an IP literal as the servlet container gives it), or {@value #UNKNOWN}. */
    public static String of(String address) {
        if (address == null || address.isEmpty() || !literal(address)) {
            return UNKNOWN;
        }
        int zone = address.indexOf('%');
        String bare = zone < 0 ? address : address.substring(0, zone);
        byte[] b;
        try {
            b = InetAddress.getByName(bare).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException | IllegalArgumentException e) {
            return UNKNOWN;
        }
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        StringBuilder s = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return s.append(":/64").toString();
    }

    // only digits, hex letters, dots, colons and a zone: never a host name, which getByName would look up
    private static boolean literal(String address) {
        if (address.length() > 64) {
            return false;
        }
        boolean colon = false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '%') {
                return colon && i > 0;
            }
            colon |= c == ':';
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return colon || address.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }
}
