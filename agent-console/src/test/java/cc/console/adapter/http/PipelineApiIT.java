package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opportunities from the pop and the pipeline report over HTTP, against the real console and PostgreSQL: the server
 * refuses stages and losses the configuration does not allow and edits by anyone but the owner or a supervisor, and
 * the report counts what agents recorded, per currency, with the contacts behind it, as JSON and as CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineApiIT {
    private ConsoleFixture fx;
    private long customer;
    private String today;

    @BeforeAll
    void start() {
        fx = new ConsoleFixture();
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("mina", Role.SUPERVISOR, "", "fa");
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("reza", Role.AGENT, "a2", "en");
        customer = Await.result(fx.customers.save(new Customer(0, "Sara Ahmadi", List.of("09121112233"), null, "fa",
                ""))).id();
        today = LocalDate.now(ConsoleFixture.REPORTS.zone()).toString();
    }

    @AfterAll
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private JsonObject opportunity(String title, String amount, String currency, String stage) {
        return new JsonObject().put("customerId", customer).put("title", title).put("amount", amount)
                .put("currency", currency).put("stage", stage);
    }

    private static JsonObject created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    @Test
    @Order(1)
    @DisplayName("agents record opportunities with stage, product and expected close; refused: unknown stages, losses"
            + " without a configured reason, others' opportunities; the pipeline adds amounts only within a currency")
    void pipeline() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient reza = fx.signIn("reza");
        JsonObject gold = created(ali.change("POST", "/api/opportunities", opportunity("Gold card", "۲۵۰۰۰۰۰۰", "IRR",
                "propose").put("product", "gold-card").put("expectedClose", "2026-12-20")));
        assertEquals(40, gold.getInteger("probability"), "the stage's default probability");
        assertEquals("2026-12-20", gold.getString("expectedClose"));
        JsonObject cloud = created(ali.change("POST", "/api/opportunities", opportunity("Cloud plan", "1000", "USD",
                "qualify").put("probability", 10).put("product", "cloud")));
        JsonObject support = created(ali.change("POST", "/api/opportunities", opportunity("Support", "500", "EUR",
                "qualify")));

        assertEquals(400, ali.change("POST", "/api/opportunities", opportunity("X", "1", "EUR", "demo")).statusCode(),
                "a stage not configured");
        HttpResponse<String> noReason = ali.change("PUT", "/api/opportunities/" + support.getLong("id"),
                new JsonObject().put("stage", "lost"));
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("needs a lost reason"), noReason.body());
        assertEquals(403, reza.change("PUT", "/api/opportunities/" + gold.getLong("id"),
                new JsonObject().put("stage", "negotiate")).statusCode(), "another agent's opportunity");
        assertEquals(403, reza.change("POST", "/api/opportunities", opportunity("Y", "1", "EUR", "qualify")
                .put("owner", "ali")).statusCode(), "an agent records only in their own name");
        HttpResponse<String> lost = ali.change("PUT", "/api/opportunities/" + support.getLong("id"),
                new JsonObject().put("stage", "lost").put("lostReason", "price"));
        assertEquals(200, lost.statusCode(), lost.body());
        assertEquals(0, new JsonObject(lost.body()).getInteger("probability"));
        assertTrue(new JsonObject(lost.body()).getString("closedAt") != null, "closing time stamped");

        // a call with the customer after the opportunities were recorded: 90 s of talk
        Instant at = Instant.now();
        Await.result(fx.interactions.save(Interaction.newCall("pipe-1", Direction.INBOUND, "pbx", "pipe-1",
                        "09121112233", "", "100", at).withCustomer(customer)
                .withSegment(new Segment(SegmentKind.TALK, at, Optional.of(at.plusSeconds(90)), "a1", "sales", "",
                        Segment.CALLER_HUNG_UP, "")).ended(at.plusSeconds(90), "normal")));

        assertEquals(403, ali.get("/api/reports/pipeline?from=" + today).statusCode(), "reports are for managers");
        HttpResponse<String> r = fx.signIn("sara").get("/api/reports/pipeline?from=" + today + "&to=" + today);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = new JsonObject(r.body());
        assertEquals(List.of("qualify USD 1 1000 100", "propose IRR 1 25000000 10000000"),
                rows(body, "stages", "stage", "currency", "count", "amount", "weighted"),
                "one row per stage and currency: no sum of rials and dollars");
        assertEquals(List.of("price EUR 1 500"), rows(body, "reasons", "reason", "currency", "count", "amount"));
        assertEquals(List.of("ali EUR 0 0 1 500"), rows(body, "closed", "owner", "currency", "won", "wonAmount", "lost",
                "lostAmount"));
        assertEquals(0.0, body.getJsonObject("outcome").getDouble("winRate"));
        assertEquals(List.of("Cloud plan 1 90.0", "Gold card 1 90.0", "Support 0 0.0"),
                rows(body, "effort", "title", "contacts", "talkSeconds"),
                "the loss closed before the call, so the call is not behind it");
        assertEquals(List.of("ali 2 0 1 1 90.0"), rows(body, "owners", "owner", "open", "won", "lost", "contacts",
                "talkSeconds"), "one call behind two of ali's opportunities counts once for him");
        assertEquals(cloud.getLong("id"), body.getJsonObject("effort").getJsonArray("rows").getJsonObject(0)
                .getLong("id"));
    }

    @Test
    @Order(2)
    @DisplayName("the CSV of a pipeline table opens in Excel with Persian headers and stage names; bad parameters"
            + " are refused by name")
    void csvAndParameters() {
        ConsoleClient mina = fx.signIn("mina");
        created(fx.signIn("ali").change("POST", "/api/opportunities", opportunity("Service", "7", "EUR",
                "negotiate")));
        HttpResponse<String> r = mina.get("/api/reports/pipeline?calendar=gregorian&from=" + today
                + "&format=csv&part=open");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("\uFEFF"), "UTF-8 byte-order mark for Excel");
        String text = r.body().substring(1);
        assertTrue(text.startsWith("مرحله,مسئول,محصول,ارز,فرصت‌ها,مبلغ,مبلغ وزن‌دار\r\n"), text);
        assertTrue(text.contains("\r\nمذاکره,ali,,EUR,1,7,4.9\r\n"), text);

        assertEquals(400, mina.get("/api/reports/pipeline?from=" + today + "&part=everything").statusCode());
        assertEquals(400, mina.get("/api/reports/pipeline?from=1405-13-01&calendar=jalali").statusCode());
        assertEquals(400, mina.get("/api/reports/pipeline").statusCode());
    }

    private static List<String> rows(JsonObject body, String part, String... keys) {
        JsonArray rows = body.getJsonObject(part).getJsonArray("rows");
        return rows.stream().map(o -> {
            JsonObject row = (JsonObject) o;
            StringBuilder s = new StringBuilder();
            for (String k : keys) {
                s.append(s.length() == 0 ? "" : " ").append(row.getValue(k));
            }
            return s.toString();
        }).toList();
    }
}
