package cc.email.domain;

import java.util.Objects;

/**
 * A file attached to an email.
 *
 * @param name        the file name the sender gave it (may be empty)
 * @param contentType its MIME type, parameters left out
 * @param bytes       its content
 */
public record MailAttachment(String name, String contentType, byte[] bytes) {
    public MailAttachment {
        name = name == null ? "" : name;
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        Objects.requireNonNull(bytes, "bytes");
    }

    public int size() {
        return bytes.length;
    }
}
