package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentCapacity;
import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.media.MediaSettings;
import cc.acd.domain.media.MediaView;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.SkillRequirement;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cc.acd.domain.routing.Scenario.T0;
import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.only;
import static cc.acd.domain.routing.Scenario.t;
import static cc.core.domain.interaction.InteractionChannel.CHAT;
import static cc.core.domain.interaction.InteractionChannel.EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chats and emails routed beside calls, with an agent's capacity per channel, on a virtual clock. */
class MediaRoutingTest {
    private final List<AcdCommand> log = new ArrayList<>();
    private AcdState acd;

    private void start(MediaSettings settings, List<QueueConfig> queues, AgentProfile... agents) {
        acd = new AcdState(Duration.ofSeconds(30), queues, List.of(agents), T0, settings);
    }

    private void start(AgentProfile... agents) {
        start(MediaSettings.DEFAULT, List.of(QueueConfig.of("support"), QueueConfig.of("sales")), agents);
    }

    private List<AcdCommand> apply(AcdEvent e) {
        List<AcdCommand> cmds = acd.apply(e);
        log.addAll(cmds);
        return cmds;
    }

    private List<AcdCommand> available(double at, String agentId) {
        return apply(new AcdEvent.AgentStateChanged(agentId, AgentStatus.AVAILABLE, "", t(at)));
    }

    private List<AcdCommand> chat(double at, String id, String queue) {
        return media(at, id, CHAT, queue, 0);
    }

    private List<AcdCommand> media(double at, String id, InteractionChannel channel, String queue, int priority) {
        return apply(new AcdEvent.MediaArrived(id, channel, queue, List.of(), priority, Map.of("topic", "t-" + id),
                t(at), t(at)));
    }

    private List<AcdCommand> accept(double at, String id, String agentId) {
        return apply(new AcdEvent.MediaAnswered(id, agentId, true, t(at)));
    }

    private List<AcdCommand> decline(double at, String id, String agentId) {
        return apply(new AcdEvent.MediaAnswered(id, agentId, false, t(at)));
    }

    private List<AcdCommand> close(double at, String id, String reason) {
        return apply(new AcdEvent.MediaClosed(id, reason, t(at)));
    }

    private List<AcdCommand> call(double at, String callId) {
        return apply(new AcdEvent.CallArrived(callId, "support", List.of(), 0, "", t(at)));
    }

    private static List<String> offers(List<AcdCommand> cmds) {
        return only(AcdCommand.OfferMedia.class, cmds).stream().map(o -> o.interactionId() + "->" + o.agentId())
                .toList();
    }

    private static List<String> offerEnds(List<AcdCommand> cmds) {
        return only(AcdCommand.MediaOfferClosed.class, cmds).stream()
                .map(o -> o.interactionId() + ":" + o.agentId() + ":" + o.outcome()).toList();
    }

    private String phase(String id) {
        return acd.media().contact(id).map(MediaView::phase).orElse("gone");
    }

    @Test
    @DisplayName("an agent on a call is offered no chat; after the call the chat is offered")
    void callThenChat() {
        start(agent("a1", "support"));
        available(0, "a1");
        Scenario.assertOffered("c1", "a1", call(1, "c1"));
        assertEquals(List.of(), offers(chat(2, "chat-1", "support")), "ringing agent gets no chat");
        apply(new AcdEvent.AgentAnswered("c1", "a1", t(3)));
        assertEquals(List.of(), offers(apply(new AcdEvent.Tick(t(4)))), "agent on a call gets no chat");
        List<AcdCommand> ended = apply(new AcdEvent.CallEnded("c1", t(60)));
        assertEquals(List.of("chat-1->a1"), offers(ended), "the chat is offered once the call is over");
        assertEquals(AgentStatus.AVAILABLE, acd.agentState("a1").orElseThrow().status());
    }

    @Test
    @DisplayName("three chats fill a capacity of three: no fourth chat and no call; a call waits for the last chat")
    void capacityOfThreeChats() {
        start(agent("a1", "support"));
        available(0, "a1");
        for (int i = 1; i <= 4; i++) {
            chat(i, "chat-" + i, "support");
        }
        assertEquals(List.of("chat-1->a1", "chat-2->a1", "chat-3->a1"), offers(log));
        assertEquals("waiting", phase("chat-4"));
        accept(5, "chat-1", "a1");
        accept(5, "chat-2", "a1");
        accept(5, "chat-3", "a1");
        assertEquals(Map.of(CHAT, 3), acd.media().held("a1"));
        Scenario.assertNoOffer(call(6, "c1"));
        List<AcdCommand> one = close(7, "chat-1", "closed");
        assertEquals(List.of("chat-4->a1"), offers(one), "the room freed goes to the waiting chat, not the call");
        Scenario.assertNoOffer(one);
        accept(8, "chat-4", "a1");
        close(9, "chat-2", "closed");
        close(9, "chat-3", "closed");
        Scenario.assertOffered("c1", "a1", close(10, "chat-4", "closed"));
    }

    @Test
    @DisplayName("chats and emails mix, each to its own capacity; capacities may differ per agent")
    void chatAndEmailMix() {
        MediaSettings s = new MediaSettings(new AgentCapacity(1, 1, 2, AgentCapacity.Mix.VOICE_ALONE),
                Map.of("a2", new AgentCapacity(1, 0, 1, AgentCapacity.Mix.VOICE_ALONE)), Duration.ofSeconds(30),
                Map.of());
        start(s, List.of(QueueConfig.of("support")), agent("a1", "support"), agent("a2", "support"));
        available(0, "a1");
        chat(1, "chat-1", "support");
        chat(2, "chat-2", "support");
        media(3, "mail-1", EMAIL, "support", 0);
        media(4, "mail-2", EMAIL, "support", 0);
        media(5, "mail-3", EMAIL, "support", 0);
        assertEquals(List.of("chat-1->a1", "mail-1->a1", "mail-2->a1"), offers(log));
        List<AcdCommand> second = available(6, "a2");
        assertEquals(List.of("mail-3->a2"), offers(second), "a2 takes no chat (capacity 0) and one email");
        assertEquals("waiting", phase("chat-2"));
    }

    @Test
    @DisplayName("with mix: free an agent holding chats still takes a call, and on a call still takes chats")
    void freeMix() {
        MediaSettings s = new MediaSettings(new AgentCapacity(1, 2, 2, AgentCapacity.Mix.FREE), Map.of(),
                Duration.ofSeconds(30), Map.of());
        start(s, List.of(QueueConfig.of("support")), agent("a1", "support"));
        available(0, "a1");
        chat(1, "chat-1", "support");
        accept(2, "chat-1", "a1");
        Scenario.assertOffered("c1", "a1", call(3, "c1"));
        apply(new AcdEvent.AgentAnswered("c1", "a1", t(4)));
        assertEquals(List.of("chat-2->a1"), offers(chat(5, "chat-2", "support")));
    }

    @Test
    @DisplayName("an offer not accepted in time goes back ahead of later arrivals, to another agent first")
    void offerTimeout() {
        start(agent("a1", "support"), agent("a2", "support"));
        available(0, "a1");
        chat(1, "chat-1", "support");
        assertEquals("offered", phase("chat-1"));
        List<AcdCommand> timeout = apply(new AcdEvent.Tick(t(31)));
        assertEquals(List.of("chat-1:a1:" + Segment.NO_ANSWER), offerEnds(timeout));
        assertEquals(List.of(), offers(timeout), "not offered to the same agent again at once");
        chat(32, "chat-2", "support");
        // chat-2 went to a1 (the only agent), chat-1 waits for a1's skip to pass or another agent
        assertEquals("offered", phase("chat-2"));
        List<AcdCommand> a2 = available(33, "a2");
        assertEquals(List.of("chat-1->a2"), offers(a2), "the timed-out chat is first in line");
    }

    @Test
    @DisplayName("a declined chat goes to the next agent; the one who declined gets it again only after the timeout")
    void decline() {
        start(agent("a1", "support"), agent("a2", "support"));
        available(0, "a1");
        available(0, "a2");
        chat(1, "chat-1", "support");
        String first = offers(log).get(0).split("->")[1];
        String other = first.equals("a1") ? "a2" : "a1";
        List<AcdCommand> d = decline(2, "chat-1", first);
        assertEquals(List.of("chat-1:" + first + ":" + Segment.REFUSED), offerEnds(d));
        assertEquals(List.of("chat-1->" + other), offers(d));
        List<AcdCommand> d2 = decline(3, "chat-1", other);
        assertEquals(List.of(), offers(d2), "both declined: it waits");
        List<AcdCommand> later = apply(new AcdEvent.Tick(t(32.5)));
        assertEquals(List.of("chat-1->" + first), offers(later), "retried after the offer timeout");
    }

    @Test
    @DisplayName("a customer who leaves is removed while waiting and while offered; the agent's room is freed")
    void customerLeft() {
        start(agent("a1", "support"));
        chat(1, "chat-1", "support");
        List<AcdCommand> gone = close(2, "chat-1", "customer-left");
        AcdCommand.MediaReleased r = only(AcdCommand.MediaReleased.class, gone).get(0);
        assertEquals(Optional.empty(), r.agentId());
        assertEquals("gone", phase("chat-1"));
        available(3, "a1");
        chat(4, "chat-2", "support");
        List<AcdCommand> left = close(5, "chat-2", "customer-left");
        assertEquals(List.of("chat-2:a1:" + Segment.CALLER_LEFT), offerEnds(left));
        assertEquals(Map.of(), acd.media().held("a1"));
        Scenario.assertOffered("c1", "a1", call(6, "c1"));
    }

    @Test
    @DisplayName("a transfer puts the chat in the target queue with its first waiting time and frees the agent")
    void transfer() {
        start(agent("a1", "support"), agent("a2", "sales"));
        available(0, "a1");
        chat(1, "chat-1", "support");
        accept(2, "chat-1", "a1");
        media(50, "chat-2", CHAT, "sales", 0);
        assertEquals("waiting", phase("chat-2"));
        List<AcdCommand> t = apply(new AcdEvent.MediaTransferred("chat-1", "a1", "sales", t(60)));
        assertEquals(Map.of(), acd.media().held("a1"));
        assertEquals("sales", acd.media().contact("chat-1").orElseThrow().queueId());
        assertEquals(1, acd.media().position("chat-1"), "waited since 1 s, ahead of chat-2 (50 s)");
        assertEquals(List.of("chat-1->a2", "chat-2->a2"), offers(available(61, "a2")), "first waiting first");
        assertEquals(List.of(), offers(t));
        assertTrue(only(AcdCommand.EventRefused.class,
                apply(new AcdEvent.MediaTransferred("chat-1", "a1", "sales", t(62)))).size() == 1,
                "only the holder may transfer");
    }

    @Test
    @DisplayName("priority and waiting time order the line across queues")
    void order() {
        MediaSettings one = new MediaSettings(new AgentCapacity(1, 1, 1, AgentCapacity.Mix.VOICE_ALONE), Map.of(),
                Duration.ofSeconds(30), Map.of());
        acd = new AcdState(Duration.ofSeconds(30), List.of(QueueConfig.of("support"), QueueConfig.of("sales")),
                List.of(agent("a1", "support", "sales")), T0, one);
        media(0, "low", CHAT, "support", 0);
        media(10, "vip", CHAT, "sales", 1);
        media(20, "late", CHAT, "support", 0);
        available(21, "a1");
        assertEquals(List.of("vip->a1"), offers(log), "priority 1 is worth 30 s of waiting: vip 'arrived' at -20 s");
        accept(22, "vip", "a1");
        assertEquals(List.of("low->a1"), offers(close(23, "vip", "closed")));
    }

    @Test
    @DisplayName("skills: only an agent with the queue's skills is offered its chats")
    void skills() {
        QueueConfig billing = new QueueConfig("billing", cc.acd.domain.queue.RoutingStrategy.LONGEST_IDLE,
                Duration.ofSeconds(20), 0, Duration.ZERO, new cc.acd.domain.queue.OverflowTarget.ToVoicemail("b"),
                true, new cc.acd.domain.queue.OverflowTarget.ToVoicemail("b"),
                List.of(new SkillRequirement("billing", 3)), cc.acd.domain.queue.SkillRelaxation.NONE, 0,
                Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(180));
        start(MediaSettings.DEFAULT, List.of(billing), agent("novice", Map.of("billing", 1), "billing"),
                agent("expert", Map.of("billing", 5), "billing"));
        available(0, "novice");
        chat(1, "chat-1", "billing");
        assertEquals(List.of(), offers(log));
        assertEquals(List.of("chat-1->expert"), offers(available(2, "expert")));
    }

    @Test
    @DisplayName("media wrap-up keeps the agent's room taken, and calls away, until it is over")
    void mediaWrapUp() {
        MediaSettings s = new MediaSettings(AgentCapacity.DEFAULT, Map.of(), Duration.ofSeconds(30),
                Map.of(CHAT, Duration.ofSeconds(10)));
        start(s, List.of(QueueConfig.of("support")), agent("a1", "support"));
        available(0, "a1");
        chat(1, "chat-1", "support");
        accept(2, "chat-1", "a1");
        List<AcdCommand> closed = close(3, "chat-1", "closed");
        assertEquals(1, only(AcdCommand.MediaReleased.class, closed).size());
        Scenario.assertNoOffer(call(4, "c1"));
        Scenario.assertOffered("c1", "a1", apply(new AcdEvent.Tick(t(13))));
    }

    @Test
    @DisplayName("an agent logged out while offered a chat gives the offer back")
    void logoutGivesOfferBack() {
        start(agent("a1", "support"), agent("a2", "support"));
        available(0, "a1");
        chat(1, "chat-1", "support");
        available(2, "a2");
        List<AcdCommand> out = apply(new AcdEvent.AgentStateChanged("a1", AgentStatus.LOGGED_OUT, "", t(3)));
        assertEquals(List.of("chat-1:a1:" + Segment.NO_ANSWER), offerEnds(out));
        assertEquals(List.of("chat-1->a2"), offers(out));
    }

    @Test
    @DisplayName("an agent kept out of calls (chat only, or busy with chats) pauses and logs out while others are free")
    void voiceBlockedAgentLeavesWhileOthersAreAvailable() {
        // the blocked agent was never in the queues' index of available agents: leaving it must not look there
        MediaSettings chatOnly = new MediaSettings(AgentCapacity.DEFAULT,
                Map.of("chatter", new AgentCapacity(0, 3, 3, AgentCapacity.Mix.FREE)), Duration.ofSeconds(30),
                Map.of());
        start(chatOnly, List.of(QueueConfig.of("support")), agent("a1", "support"), agent("chatter", "support"));
        available(0, "a1");
        available(1, "chatter");
        apply(new AcdEvent.AgentStateChanged("chatter", AgentStatus.PAUSED, "break", t(2)));
        assertEquals(AgentStatus.PAUSED, acd.agentState("chatter").orElseThrow().status());
        available(3, "chatter");
        apply(new AcdEvent.AgentStateChanged("chatter", AgentStatus.LOGGED_OUT, "", t(4)));
        assertEquals(AgentStatus.LOGGED_OUT, acd.agentState("chatter").orElseThrow().status());
        Scenario.assertOffered("c1", "a1", call(5, "c1"));
    }

    @Test
    @DisplayName("the same events give the same commands (replay)")
    void replay() {
        List<List<AcdCommand>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            log.clear();
            start(agent("a1", "support"), agent("a2", "support", "sales"));
            available(0, "a1");
            available(0, "a2");
            call(1, "c1");
            for (int i = 0; i < 6; i++) {
                media(2 + i, "m" + i, i % 2 == 0 ? CHAT : EMAIL, i % 3 == 0 ? "sales" : "support", i % 2);
            }
            decline(10, "m1", acd.media().contact("m1").map(MediaView::agentId).orElse(""));
            apply(new AcdEvent.Tick(t(100)));
            runs.add(List.copyOf(log));
        }
        assertEquals(runs.get(0).toString(), runs.get(1).toString());
    }

    @Test
    @DisplayName("takeover: restored contacts keep their place, a held one counts against its agent's capacity")
    void restoredAtTakeover() {
        MediaSettings s = new MediaSettings(new AgentCapacity(1, 2, 1, AgentCapacity.Mix.VOICE_ALONE), Map.of(),
                Duration.ofSeconds(30), Map.of());
        start(s, List.of(QueueConfig.of("support")), agent("a1", "support"));
        apply(new AcdEvent.MediaRestored("held", CHAT, "support", 0, Map.of(), t(0), "a1", t(100)));
        apply(new AcdEvent.MediaRestored("late", CHAT, "support", 0, Map.of(), t(50), "", t(100)));
        apply(new AcdEvent.MediaRestored("early", CHAT, "support", 0, Map.of(), t(10), "", t(100)));
        assertEquals("held", phase("held"));
        assertEquals(Map.of(CHAT, 1), acd.media().held("a1"));
        List<AcdCommand> back = available(101, "a1");
        assertEquals(List.of("early->a1"), offers(back), "one room left, to the one who waited longest");
        Scenario.assertNoOffer(call(102, "c1"));
        assertEquals(1, only(AcdCommand.EventRefused.class, apply(new AcdEvent.MediaRestored("held", CHAT,
                "support", 0, Map.of(), t(0), "a1", t(103)))).size(), "a contact is restored once");
    }
}
