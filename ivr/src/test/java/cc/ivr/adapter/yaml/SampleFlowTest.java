package cc.ivr.adapter.yaml;

import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.IvrStep;
import cc.ivr.domain.engine.AgiOutcome;
import cc.ivr.domain.engine.FlowInterpreter;
import cc.ivr.domain.engine.IvrAction;
import cc.ivr.domain.engine.IvrDecision;
import cc.ivr.domain.engine.IvrSession;
import cc.ivr.domain.flow.Flow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped sample flow, walked by the interpreter with a virtual clock, as callers would walk it. */
class SampleFlowTest {
    static Flow main;
    final FlowInterpreter interpreter = new FlowInterpreter();
    final List<String> path = new ArrayList<>();
    /** Monday 2026-11-23 10:00 Tehran: open. */
    Instant now = Instant.parse("2026-11-23T06:30:00Z");

    @BeforeAll
    static void load() throws Exception {
        main = new YamlFlowLoader().load("main.yaml", Files.readString(Path.of("..", "config", "ivr", "main.yaml")));
    }

    IvrDecision track(IvrDecision d) {
        d.entered().stream().map(IvrStep::node).forEach(path::add);
        return d;
    }

    IvrDecision start(String callerId) {
        return track(interpreter.next(IvrSession.start("1.1", "Local/100@ivr-in-1;2", main, "fa",
                Map.of("caller.id", callerId), now), new AgiOutcome.Started(now)));
    }

    IvrDecision next(IvrDecision d, AgiOutcome o) {
        return track(interpreter.next(d.session(), o));
    }

    IvrDecision done(IvrDecision d) {
        return next(d, new AgiOutcome.Completed(now));
    }

    IvrDecision keys(IvrDecision d, String k) {
        return next(d, new AgiOutcome.Digits(k, now));
    }

    @Test
    @DisplayName("A known gold customer chooses English, hears the balance, and is queued with top priority")
    void goldCustomerBalanceThenAgent() {
        IvrDecision d = done(done(start("5551234")));
        assertTrue(d.actions().get(0) instanceof IvrAction.CollectDigits, "language choice");
        d = keys(d, "2");
        assertEquals(new IvrAction.SetChannelVariable("CHANNEL(language)", "en"), d.actions().get(0));
        assertEquals(new IvrAction.LookupCustomer(cc.ivr.domain.flow.Node.LookupBy.CALLER_ID, "5551234"),
                d.actions().get(1));
        Customer gold = new Customer(7, "Sara Ahmadi", List.of("5551234"), "49927395", "en", "gold");
        d = next(d, new AgiOutcome.CustomerFound(Optional.of(gold), now));
        assertEquals(List.of(new IvrAction.Play(List.of("en/ivr/welcome-back"))), d.actions());
        d = keys(done(d), "1");
        assertEquals(List.of(new IvrAction.QuerySelfService(cc.ivr.domain.flow.Node.Query.BALANCE, "49927395")),
                d.actions(), "the customer's own account, no need to key it");
        d = next(d, new AgiOutcome.DataFound(Optional.of(Map.of("amount", "1234.56", "currency", "dollar")), now));
        assertEquals(List.of(new IvrAction.Play(List.of("en/ivr/your-balance-is", "en/num/1", "en/num/thousand",
                "en/num/2", "en/num/hundred", "en/num/30", "en/num/4", "en/cur/dollars", "en/cur/and", "en/num/50",
                "en/num/6", "en/cur/cents"))), d.actions());
        d = keys(done(d), "2");
        assertEquals(List.of(new IvrAction.Play(List.of("en/ivr/may-be-recorded"))), d.actions(),
                "told the call may be recorded before the hand-off");
        d = done(d);
        IvrAction.Enqueue q = (IvrAction.Enqueue) d.actions().get(0);
        assertEquals(10, q.priority());
        assertEquals("support", q.queue());
        assertEquals("49927395", q.data().get("account"));
        d = next(d, new AgiOutcome.EnqueueAnswered(true, "1", now));
        assertEquals(Optional.of("enqueued"), d.ended());
        assertEquals(List.of("answer", "welcome", "choose-language", "identify-caller", "greet-customer",
                "main-menu", "account-known", "use-customer-account", "balance", "say-balance", "anything-else",
                "office-hours", "recording-notice", "to-agent"), path);
    }

    @Test
    @DisplayName("An unknown caller on Nowruz keys a checked account number, then leaves a callback and rates 5")
    void unknownCallerOnHoliday() {
        now = Instant.parse("2027-03-21T06:30:00Z");
        IvrDecision d = keys(keys(done(done(start("5550000"))), ""), "");
        d = next(d, new AgiOutcome.CustomerFound(Optional.empty(), now));
        assertEquals(List.of(new IvrAction.CollectDigits(List.of("fa/ivr/main-menu"), java.time.Duration.ofSeconds(6),
                1, "")), d.actions(), "no choice: Persian stays");
        d = keys(keys(d, "1"), "49927394");
        assertEquals(new IvrAction.Play(List.of("fa/ivr/account-invalid")), d.actions().get(0));
        d = keys(d, "49927395");
        d = next(d, new AgiOutcome.CustomerFound(Optional.empty(), now));
        d = next(d, new AgiOutcome.DataFound(Optional.empty(), now));
        assertEquals(List.of(new IvrAction.Play(List.of("fa/ivr/no-record"))), d.actions());
        d = keys(done(d), "2");
        assertEquals(List.of(new IvrAction.CollectDigits(List.of("fa/ivr/closed-menu"), java.time.Duration.ofSeconds(6),
                1, "")), d.actions(), "Nowruz: closed");
        d = keys(d, "1");
        IvrAction.RequestCallback cb = (IvrAction.RequestCallback) d.actions().get(0);
        assertEquals("5550000", cb.number());
        d = keys(done(d), "5");
        assertEquals(new IvrAction.AnswerSurvey(5), d.actions().get(0));
        assertEquals(Optional.of("completed"), d.ended());
        assertTrue(path.contains("office-hours") && path.contains("closed-menu") && path.contains("survey"));
    }
}
