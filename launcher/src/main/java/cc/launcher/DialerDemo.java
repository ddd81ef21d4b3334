package cc.launcher;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.contract.BuildSegmentList;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignList;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ListCampaigns;
import cc.core.contract.SaveCampaign;
import cc.core.domain.customer.Customer;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's outbound traffic (simulator only): twenty demo customers with scores, their simulated phones (most
 * answer, every fourth is an answering machine, every fifth is busy), a call list built from their segment, and a
 * predictive campaign over it started at boot, all through the dialer's own contract. Run again on the same data
 * directory it reuses what is there.
 */
final class DialerDemo {
    private static final Logger log = LoggerFactory.getLogger(DialerDemo.class);
    static final String SEGMENT = "demo-outbound";
    static final String CAMPAIGN = "demo";
    private static final int CUSTOMERS = 20;

    private DialerDemo() {}

    private static String number(int i) {
        return String.format("0912555%04d", i);
    }

    /**
     * The demo customers' phones, added to the simulator's under the endpoint the dialer's trunk pattern dials
     * ({@code PJSIP/{number}@trunk} reaches the simulated phone {@code <number>@trunk}).
     */
    static void phones(Phones.Builder phones, String trunkPattern) {
        String endpoint = trunkPattern.startsWith("PJSIP/") ? trunkPattern.substring("PJSIP/".length()) : trunkPattern;
        for (int i = 1; i <= CUSTOMERS; i++) {
            PhoneBehaviour answers = PhoneBehaviour.answersThenHangsUp(Distribution.uniform(2_000, 9_000),
                    Distribution.exponential(40_000));
            phones.number(endpoint.replace("{number}", number(i)), i % 5 == 0 ? PhoneBehaviour.busy()
                    : i % 4 == 0 ? answers.withAmd("MACHINE") : answers);
        }
    }

    /** Creates what is missing and starts the campaign on {@code queue}; failures are logged, never fatal. */
    static void start(Vertx vertx, Database db, JdbcCustomerStore customers, String queue) {
        customersExist(db).compose(exist -> exist ? Future.succeededFuture() : createCustomers(db, customers))
                .compose(v -> vertx.eventBus().request(DialerAddresses.LIST_FROM_SEGMENT, new BuildSegmentList(
                        SEGMENT, "Demo outbound customers", List.of(new BuildSegmentList.Condition("segment", "=",
                        SEGMENT)), 0, false, "demo")).recover(e -> Future.succeededFuture()))
                .compose(v -> vertx.eventBus().<CampaignList>request(DialerAddresses.CAMPAIGN_LIST,
                        new ListCampaigns()))
                .compose(list -> {
                    Optional<String> status = list.body().campaigns().stream()
                            .filter(c -> c.definition().id().equals(CAMPAIGN)).map(c -> c.status()).findFirst();
                    if (status.isPresent() && !status.get().equals("DRAFT") && !status.get().equals("PAUSED")) {
                        // an earlier run made it: it resumed by itself, or has called everybody
                        return Future.succeededFuture();
                    }
                    boolean exists = status.isPresent();
                    LocalDate today = LocalDate.now();
                    Future<?> saved = exists ? Future.succeededFuture() : vertx.eventBus().request(
                            DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(new CampaignDefinition(CAMPAIGN,
                                    "Demo renewals", List.of(SEGMENT), "PREDICTIVE", today.minusDays(1),
                                    today.plusYears(1), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Set.of(),
                                    Set.of(), Map.of("BUSY", Duration.ofMinutes(2), "NO_ANSWER", Duration.ofMinutes(10),
                                    "ABANDONED", Duration.ofMinutes(5)), 3, "USD", new BigDecimal("0.02"),
                                    new BigDecimal("0.01"), new BigDecimal("40"), "US-TSR", 6, queue, "MESSAGE"),
                                    "demo"));
                    return saved.compose(v -> vertx.eventBus().request(DialerAddresses.CAMPAIGN_CONTROL,
                            new ControlCampaign(CAMPAIGN, "START", "demo")));
                })
                .onSuccess(v -> log.info("demo campaign '{}' running: {} simulated customers called through queue {}",
                        CAMPAIGN, CUSTOMERS, queue))
                .onFailure(e -> log.info("demo campaign '{}' not started: {}", CAMPAIGN, e.getMessage()));
    }

    private static Future<Boolean> customersExist(Database db) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from customers where segment = ?")) {
                ps.setString(1, SEGMENT);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    private static Future<Void> createCustomers(Database db, JdbcCustomerStore customers) {
        List<Future<Customer>> saved = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            saved.add(customers.save(new Customer(0, "Demo Customer " + i, List.of(number(i)), null, "fa", SEGMENT)));
        }
        return Future.all(saved).compose(all -> db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into customer_scores (customer_id, name, score) values (?, 'value', ?)")) {
                for (int i = 0; i < saved.size(); i++) {
                    ps.setLong(1, saved.get(i).result().id());
                    ps.setDouble(2, 100 - i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        }));
    }
}
