package cc.warehouse.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a day's rows in a canonical text form (one separator between values, another between rows, null
 * apart from every value), so the same rows read in the same order give the same checksum whatever the file format,
 * and any changed value, added or removed row gives another. Not thread-safe: one per day being read.
 */
public final class RowDigest {
    private static final byte VALUE_END = 0x1f;
    private static final byte ROW_END = 0x1e;
    private static final byte NULL = 0x00;

    private final MessageDigest sha = sha256();
    private long rows;

    public void add(Object[] row) {
        for (Object v : row) {
            if (v == null) {
                sha.update(NULL);
            } else {
                String text = v instanceof BigDecimal ? ((BigDecimal) v).stripTrailingZeros().toPlainString()
                        : v.toString();
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            }
            sha.update(VALUE_END);
        }
        sha.update(ROW_END);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** The hex checksum; the digest is finished after this. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
