package cc.console.adapter.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The back-office API is in the OpenAPI document: every path it serves, each behind the API key, with its refusals. */
class BackOfficeOpenApiTest {

    @Test
    @DisplayName("every back-office path is documented, needs the bearer API key and lists 401, 403 and 429")
    @SuppressWarnings("unchecked")
    void documented() throws Exception {
        Map<String, Object> doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.yaml")) {
            assertNotNull(in);
            doc = new Yaml().load(in);
        }
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components"))
                .get("securitySchemes");
        assertEquals(Map.of("type", "http", "scheme", "bearer", "bearerFormat", "cck_<id>_<secret>"),
                schemes.get("apiKey"));
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        TreeSet<String> served = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (!path.getKey().startsWith(BackOfficeWeb.PREFIX)) {
                continue;
            }
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                served.add(op.getKey().toUpperCase() + " " + path.getKey().substring(BackOfficeWeb.PREFIX.length()));
                Map<String, Object> o = (Map<String, Object>) op.getValue();
                Map<String, Object> responses = (Map<String, Object>) o.get("responses");
                if (!List.of(Map.of("apiKey", List.of())).equals(o.get("security"))
                        || !responses.keySet().containsAll(Set.of("401", "403", "429"))) {
                    wrong.add(op.getKey() + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), wrong, "operations without the API key or its refusals");
        assertEquals(new TreeSet<>(List.of("GET /customers/external/{source}/{externalId}",
                "PUT /customers/external/{source}/{externalId}", "GET /customers/{id}", "POST /customers/import",
                "POST /customers/{id}/merge", "GET /interactions", "POST /callbacks", "GET /campaigns",
                "GET /campaigns/{id}", "PUT /campaigns/{id}", "POST /campaigns/{id}/start",
                "POST /campaigns/{id}/pause", "POST /campaigns/{id}/stop", "GET /campaigns/{id}/report",
                "GET /call-lists", "POST /call-lists/segment")), served);
    }
}
