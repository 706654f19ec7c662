package nl.waarborg.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network a sign-in comes from, for the throttle and the audit log: the IPv4 /24 or IPv6 /64 around the address,
 * never the address itself. The same naming as the web layer's rate limiter (web.ClientNetwork, which is internal to
 * the web layer; accounts sits below it and may not depend on it), so the audit log names one network one way.
 */
public final class SignInNetwork {

    public static final String UNKNOWN = "unknown";

    // digits, hex letters, dots and colons only: never a host name, which getByName would look up
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private SignInNetwork() {
    }

    public static String of(String address) {
        if (address == null) {
            return UNKNOWN;
        }
        int zone = address.indexOf('%');
        String bare = zone < 0 ? address : address.substring(0, zone);
        if (!LITERAL.matcher(bare).matches() || (bare.indexOf(':') < 0 && !bare.matches("[0-9.]+"))) {
            return UNKNOWN;
        }
        byte[] b;
        try {
            b = InetAddress.getByName(bare).getAddress();
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
}
