package cc.console.adapter.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API description served at /api/openapi.yaml is one a client generator can read. */
class OpenApiDocumentTest {

    @Test
    @DisplayName("every schema the API description refers to is defined, and every operation needs a session but sign-in")
    @SuppressWarnings("unchecked")
    void referencesResolve() throws Exception {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.yaml")) {
            assertNotNull(in, "openapi.yaml on the console's classpath");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> doc = new Yaml().load(text);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components"))
                .get("schemas");
        TreeSet<String> missing = new TreeSet<>();
        Matcher m = Pattern.compile("#/components/schemas/([A-Za-z0-9_]+)").matcher(text);
        while (m.find()) {
            if (!schemas.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }

        assertEquals(new TreeSet<>(), missing, "schemas referred to but not under components.schemas");
        assertEquals(List.of(Map.of("session", List.of())), doc.get("security"), "the session is the default");
        assertTrue(((Map<String, Object>) doc.get("paths")).containsKey("/api/reports/pipeline"));
    }
}
