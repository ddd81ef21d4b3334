package cc.ivr.adapter.yaml;

import cc.ivr.app.FlowLibrary;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The running poller picks up an edited flow file by itself (real time, so an IT rather than a unit test). */
class YamlFlowDirectoryIT {

    @Test
    @DisplayName("An edited flow file is in service within a few poll intervals, with no restart")
    void pollsForChanges(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.yaml"), YamlFlowDirectoryTest.V1);
        FlowLibrary library = new FlowLibrary("main", "support");
        YamlFlowDirectory watcher = new YamlFlowDirectory(dir, library);
        Vertx vertx = Vertx.vertx();
        try {
            watcher.start(vertx, Duration.ofMillis(50)).await();
            String v1 = library.resolve("main").version();
            Files.writeString(dir.resolve("main.yaml"), YamlFlowDirectoryTest.V1.replace("v1-", "v2-"));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (library.resolve("main").version().equals(v1) && System.nanoTime() < deadline) {
                vertx.timer(50).await();
            }
            assertNotEquals(v1, library.resolve("main").version());
            Files.writeString(dir.resolve("extra.yaml"), YamlFlowDirectoryTest.V1);
            while (library.find("extra").isEmpty() && System.nanoTime() < deadline) {
                vertx.timer(50).await();
            }
            assertTrue(library.find("extra").isPresent());
            assertEquals(2, library.all().size());
        } finally {
            watcher.stop(vertx);
            vertx.close().await();
        }
    }
}
