package cc.warehouse;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import cc.launcher.ServerConfig;
import cc.warehouse.app.WarehouseSettings;
import cc.warehouse.domain.ExportFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseConfigTest {
    private static ServerConfig read(String yaml) {
        return ServerConfig.read(ConfigNode.parse("my.yaml", yaml, Map.<String, String>of()::get));
    }

    @Test
    @DisplayName("left out, the export is off, Parquet at 02:00 into data/warehouse, seven days back")
    void defaults() {
        WarehouseSettings w = read("{}").warehouse();
        assertFalse(w.enabled());
        assertEquals(Path.of("data/warehouse"), w.directory());
        assertEquals(2, w.hour());
        assertEquals(ExportFormat.PARQUET, w.format());
        assertEquals(7, w.catchUpDays());
    }

    @Test
    @DisplayName("the keys are read, and days are cut in the report zone")
    void keys() {
        WarehouseSettings w = read("reports: {zone: Asia/Tehran}\nwarehouse: {enabled: true, directory: /srv/dw, "
                + "hour: 23, format: csv, catchUpDays: 30}").warehouse();
        assertTrue(w.enabled());
        assertEquals(Path.of("/srv/dw"), w.directory());
        assertEquals(23, w.hour());
        assertEquals(ExportFormat.CSV, w.format());
        assertEquals(30, w.catchUpDays());
        assertEquals(ZoneId.of("Asia/Tehran"), w.zone());
    }

    @Test
    @DisplayName("a bad value or an unknown key names the file and the key")
    void refused() {
        String format = assertThrows(ConfigException.class, () -> read("warehouse: {format: orc}")).getMessage();
        assertTrue(format.contains("my.yaml") && format.contains("warehouse.format"), format);
        String hour = assertThrows(ConfigException.class, () -> read("warehouse: {hour: 24}")).getMessage();
        assertTrue(hour.contains("warehouse.hour"), hour);
        String unknown = assertThrows(ConfigException.class, () -> read("warehouse: {folder: /x}")).getMessage();
        assertTrue(unknown.contains("warehouse.folder"), unknown);
    }
}
