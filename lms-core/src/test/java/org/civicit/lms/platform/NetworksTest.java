package org.civicit.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void anAddressIsInsideItsNetworkAndNotOutside() {
        Networks hall = Networks.parse(List.of("10.20.0.0/16", " 192.168.1.7 ", "2001:db8::/32"));
        assertThat(hall.contains("10.20.255.1")).isTrue();
        assertThat(hall.contains("10.21.0.1")).isFalse();
        assertThat(hall.contains("192.168.1.7")).isTrue();
        assertThat(hall.contains("192.168.1.8")).isFalse();
        assertThat(hall.contains("2001:db8:0:1::5")).isTrue();
        assertThat(hall.contains("2001:db9::1")).isFalse();
        assertThat(hall.written()).containsExactly("10.20.0.0/16", "192.168.1.7", "2001:db8::/32");
    }

    @Test
    void aPrefixThatIsNotAWholeByteCounts() {
        Networks networks = Networks.parse(List.of("172.16.0.0/12"));
        assertThat(networks.contains("172.31.255.255")).isTrue();
        assertThat(networks.contains("172.32.0.0")).isFalse();
        assertThat(networks.contains("172.15.255.255")).isFalse();
        assertThat(Networks.parse(List.of("0.0.0.0/0")).contains("8.8.8.8")).isTrue();
    }

    @Test
    void anIpv4AddressIsNotInAnIpv6NetworkNorIsRubbishInAny() {
        Networks networks = Networks.parse(List.of("::/0"));
        assertThat(networks.contains("10.0.0.1")).isFalse();
        assertThat(networks.contains("not an address")).isFalse();
        assertThat(networks.contains(null)).isFalse();
    }

    @Test
    void whatIsNotANetworkIsRefusedByName() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "hall.example", "10.0.0.0/8/8", "",
                "::1/129", "300.1.1.1")) {
            assertThatThrownBy(() -> Networks.parse(List.of(bad))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(bad.strip());
        }
    }
}
