package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client is named by its network, never its address: the /24 of IPv4, the /64 of IPv6. */
class ClientNetworkTest {

    @Test
    void ipv4IsNamedByItsSlash24() {
        assertThat(ClientNetwork.of("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(ClientNetwork.of("127.0.0.1")).isEqualTo("127.0.0.0/24");
    }

    @Test
    void ipv6IsNamedByItsSlash64() {
        assertThat(ClientNetwork.of("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientNetwork.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientNetwork.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientNetwork.of("::ffff:198.51.100.9")).as("IPv4-mapped").isEqualTo("198.51.100.0/24");
    }

    @Test
    void anythingButAnAddressIsUnknownAndNeverLookedUp() {
        assertThat(ClientNetwork.of(null)).isEqualTo("unknown");
        assertThat(ClientNetwork.of("")).isEqualTo("unknown");
        assertThat(ClientNetwork.of("example.org")).isEqualTo("unknown");
        assertThat(ClientNetwork.of("localhost")).isEqualTo("unknown");
        assertThat(ClientNetwork.of("1.2.3.4.5")).isEqualTo("unknown");
    }
}
