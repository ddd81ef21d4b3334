package cc.warehouse.adapter.file;

import cc.warehouse.domain.ExportFormat;
import cc.warehouse.domain.ExportedDay;
import cc.warehouse.domain.RowDigest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;

/**
 * The export directory, laid out as BI tools read partitioned data: {@code <root>/<view>/date=<day>/part-0.<ext>}
 * with {@code _manifest.json} beside it. Files are written under a hidden temporary name ({@code .part-0.<ext>.tmp},
 * which Spark, Hive, DuckDB and pandas globs skip) and renamed into place only when whole, so a reader never sees half
 * a file and a crash leaves at most a hidden temporary one, replaced by the next run.
 */
public final class DayDirectory {
    public static final String MANIFEST = "_manifest.json";

    private final Path root;

    public DayDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code <view>/date=<day>}: the partition directory, relative to the root. */
    public static String partition(String view, LocalDate day) {
        return view + "/date=" + day;
    }

    /** The day's file relative to the root, as the log and the manifest name it. */
    public static String relativeFile(String view, LocalDate day, ExportFormat format) {
        return partition(view, day) + "/" + format.fileName();
    }

    /** The hidden name the day's file is written under, its directory created. */
    public Path temporary(String view, LocalDate day, ExportFormat format) throws IOException {
        Path dir = Files.createDirectories(root.resolve(partition(view, day)));
        return dir.resolve("." + format.fileName() + ".tmp");
    }

    /** Size and SHA-256 of a finished file. */
    public record Published(long bytes, String sha256) {}

    /**
     * Moves the finished temporary file to its name, atomically, replacing an earlier export of the day (and removing
     * one in the other format, so a partition holds one file).
     */
    public Published publish(Path temporary, String view, LocalDate day, ExportFormat format) throws IOException {
        Published p = new Published(Files.size(temporary), sha256(temporary));
        Path target = root.resolve(relativeFile(view, day, format));
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (ExportFormat other : ExportFormat.values()) {
            if (other != format) {
                Files.deleteIfExists(root.resolve(relativeFile(view, day, other)));
            }
        }
        return p;
    }

    /** Writes the day's {@value #MANIFEST} (also through a temporary name). */
    public void writeManifest(ExportedDay d, ZoneId zone) throws IOException {
        JsonObject m = new JsonObject()
                .put("view", d.view())
                .put("date", d.day().toString())
                .put("zone", zone.getId())
                .put("format", d.format().configName())
                .put("file", d.format().fileName())
                .put("rows", d.rows())
                .put("bytes", d.bytes())
                .put("sha256", d.fileSha256())
                .put("rowsSha256", d.rowsSha256())
                .put("exportedAt", d.exportedAt().toString());
        Path dir = root.resolve(partition(d.view(), d.day()));
        Path tmp = dir.resolve("." + MANIFEST + ".tmp");
        Files.writeString(tmp, m.encodePrettily() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = RowDigest.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
