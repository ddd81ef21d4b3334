package cc.core.domain.recording;

import java.util.regex.Pattern;

/**
 * Which recording file names may be opened under the recordings directory: relative paths of plain segments, so no
 * name a client sends can reach a file outside it. The file system adapter checks again after resolving links.
 */
public final class RecordingName {
    private RecordingName() {}

    /** Letters, digits, {@code . _ - +} and {@code @} in each segment; nothing a shell or a URL would reinterpret. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._@+\\-]{1,200}");
    private static final int MAX_LENGTH = 400;

    /**
     * Whether {@code name} is a safe relative file name: not empty, not absolute, no {@code .} or {@code ..}
     * segments, no empty segment, no back-slash, drive letter or control character, at most {@value #MAX_LENGTH}
     * characters.
     */
    public static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || name.startsWith("/")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }
}
