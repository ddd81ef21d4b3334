package cc.acd.domain.media;

import cc.acd.domain.queue.SkillRequirement;
import cc.core.domain.interaction.InteractionChannel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A chat or email as {@link MediaRouter} keeps it (mutable; the router's own). */
final class MediaContact {
    final String id;
    final InteractionChannel channel;
    final List<SkillRequirement> ownSkills;
    final int basePriority;
    final Map<String, String> data;
    final long enqueuedAt;
    final long seq;
    List<SkillRequirement> required = List.of();
    String queueId = "";
    int priority;
    long sortKey;
    MediaPhase phase = MediaPhase.WAITING;
    String agentId = "";
    /** Agents who declined it or let it time out, and until when they are passed over. */
    final Map<String, Long> skips = new HashMap<>(2);
    long gen;

    MediaContact(String id, InteractionChannel channel, List<SkillRequirement> ownSkills, int basePriority,
            Map<String, String> data, long enqueuedAt, long seq) {
        this.id = id;
        this.channel = channel;
        this.ownSkills = ownSkills;
        this.basePriority = basePriority;
        this.data = data;
        this.enqueuedAt = enqueuedAt;
        this.seq = seq;
    }
}

