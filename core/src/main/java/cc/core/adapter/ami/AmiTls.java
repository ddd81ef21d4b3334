package cc.core.adapter.ami;

import java.nio.file.Path;
import java.util.Optional;

/**
 * AMI over TLS (Asterisk's manager.conf {@code tlsenable=yes}, port 5039 by convention).
 *
 * @param enabled   whether to speak TLS to this server
 * @param trustedCa a PEM file of the certificate(s) to trust for this server (its own self-signed certificate or the
 *                  CA that signed it); empty: the JVM's trust store. The server's name is checked against the
 *                  certificate either way.
 */
public record AmiTls(boolean enabled, Optional<Path> trustedCa) {
    public static final AmiTls OFF = new AmiTls(false, Optional.empty());
}
