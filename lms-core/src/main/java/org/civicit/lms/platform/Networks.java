package org.civicit.lms.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of networks in CIDR notation ({@code 10.20.0.0/16}, {@code 2001:db8::/32}, or one
 * address), and whether an address lies in one of them. Parsing never looks a name up: only
 * literal IPv4 and IPv6 addresses are accepted.
 */
public final class Networks {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private record Network(byte[] prefix, int bits) {

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
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Network> networks;
    private final List<String> written;

    private Networks(List<Network> networks, List<String> written) {
        this.networks = networks;
        this.written = written;
    }

    /**
     * Parses networks written one per item.
     *
     * @throws IllegalArgumentException naming the first item that is not a network
     */
    public static Networks parse(List<String> items) {
        List<Network> networks = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String item : items) {
            String text = item == null ? "" : item.strip();
            String[] parts = text.split("/", -1);
            byte[] address = literal(parts[0]);
            int max = address == null ? 0 : address.length * 8;
            int bits;
            try {
                bits = parts.length == 1 ? max : parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (address == null || bits < 0 || bits > max) {
                throw new IllegalArgumentException(text);
            }
            networks.add(new Network(address, bits));
            written.add(text);
        }
        return new Networks(List.copyOf(networks), List.copyOf(written));
    }

    /** Whether the address is in one of the networks; an unreadable address is in none. */
    public boolean contains(String address) {
        byte[] bytes = address == null ? null : literal(address.strip());
        return bytes != null && networks.stream().anyMatch(network -> network.contains(bytes));
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** The networks as they were written, trimmed. */
    public List<String> written() {
        return written;
    }

    private static byte[] literal(String text) {
        Matcher ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(ipv4.group(i + 1));
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (!IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            // A text with a colon is read as an IPv6 literal, never looked up as a name.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return bytes.length == 16 ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
