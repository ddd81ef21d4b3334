package cc.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The console's first admin when the server runs as a demo (the simulator in-process) and nobody set
 * {@code CC_CONSOLE_ADMIN_PASSWORD}: a random password kept in a file only its owner can read, next to the embedded
 * database, so a newcomer can sign in and watch the wallboard. Never printed or logged; the same file is read again on
 * the next run, because the admin is created only once.
 */
final class DemoAdmin {
    static final String FILE_NAME = "demo-admin-password";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoAdmin() {}

    /** Who signs in, and the file holding the password. */
    record SignIn(String user, Path passwordFile) {}

    /** The password in {@code <dataDir>/demo-admin-password}, made there first when missing. */
    static String password(Path dataDir) {
        Path file = file(dataDir);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, generate(20) + "\n", StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("demo admin password file " + file + ": " + e.getMessage(), e);
        }
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    private static String generate(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
