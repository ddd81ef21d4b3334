package cc.ivr.adapter.agi;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hosts FastAGI accepts connections from ({@code agi.allowFrom}): IPv4 or IPv6 addresses and CIDR blocks. A
 * FastAGI request can start any flow, read customers and put calls in queues, so only the Asterisk servers may
 * connect. Addresses only, never host names: a check that resolved names would depend on DNS at every connection.
 */
public final class AgiAllowList {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Loopback only, IPv4 and IPv6: the default, enough for an Asterisk on the same machine and the simulator. */
    public static final AgiAllowList LOOPBACK = parse(List.of("127.0.0.0/8", "::1"));

    private record Block(String text, BigInteger network, int bits, int length) {}

    private final List<Block> blocks;

    private AgiAllowList(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @throws IllegalArgumentException naming the entry that is not an address or CIDR block
     */
    public static AgiAllowList parse(List<String> entries) {
        List<Block> out = new ArrayList<>();
        for (String raw : entries) {
            String e = raw.strip();
            int slash = e.indexOf('/');
            String address = slash < 0 ? e : e.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException("\"" + raw + "\" is not an IP address or CIDR block such as "
                        + "10.0.0.5 or 10.0.0.0/24 (host names are not accepted)");
            }
            int length = bytes.length * 8;
            int bits = length;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    bits = -1;
                }
                if (bits < 0 || bits > length) {
                    throw new IllegalArgumentException("\"" + raw + "\": the prefix length must be 0 to " + length);
                }
            }
            out.add(new Block(e, masked(new BigInteger(1, bytes), bits, length), bits, length));
        }
        return new AgiAllowList(out);
    }

    /** Whether a connection from that address (as the socket reports it) may talk FastAGI. */
    public boolean allows(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        if (bytes.length == 16 && isMappedV4(bytes)) {
            // an IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d: judge it as the IPv4 address
            bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
        }
        BigInteger value = new BigInteger(1, bytes);
        for (Block b : blocks) {
            if (b.length() == bytes.length * 8 && masked(value, b.bits(), b.length()).equals(b.network())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgiAllowList && ((AgiAllowList) o).blocks.equals(blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    @Override
    public String toString() {
        return blocks.stream().map(Block::text).toList().toString();
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static BigInteger masked(BigInteger value, int bits, int length) {
        return value.shiftRight(length - bits);
    }

    /** The bytes of an address literal; null for anything else (never a DNS lookup: literals only reach it). */
    private static byte[] literal(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (!IPV4.matcher(a).matches() && !IPV6.matcher(a).matches()) {
            return null;
        }
        if (IPV4.matcher(a).matches()) {
            for (String part : a.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
