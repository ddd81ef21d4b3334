package cc.dialer.domain.list;

import cc.dialer.domain.campaign.Campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the next contacts to dial: only eligible ones ({@link Eligibility}), due callbacks first (oldest first),
 * then by customer score (highest first), then fewer attempts, then id, so the order is stable.
 */
public final class NextNumberPicker {

    /** The contacts to dial, and how many were passed over for each reason. */
    public record Selection(List<Contact> picked, Map<SkipReason, Integer> skipped) {
        public Selection {
            picked = List.copyOf(picked);
            skipped = Map.copyOf(skipped);
        }
    }

    private record Candidate(Contact contact, ContactProgress progress, boolean callbackDue) {}

    private static final Comparator<Candidate> ORDER = Comparator
            .comparing((Candidate c) -> !c.callbackDue)
            .thenComparing(c -> c.progress.callbackAt().orElse(Instant.MAX))
            .thenComparing(Comparator.comparingDouble((Candidate c) -> c.contact.score()).reversed())
            .thenComparingInt(c -> c.progress.attempts())
            .thenComparing(c -> c.contact.id());

    /**
     * Up to {@code count} contacts to dial now. {@code progress} holds each contact's state by id; contacts without
     * one are fresh.
     */
    public Selection pick(Campaign campaign, List<Contact> contacts, Map<String, ContactProgress> progress,
                          DoNotCallList dnc, Instant now, int count) {
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        List<Candidate> eligible = new ArrayList<>();
        for (Contact c : contacts) {
            ContactProgress p = progress.getOrDefault(c.id(), ContactProgress.fresh(c.id()));
            Optional<SkipReason> why = Eligibility.check(campaign, c, p, dnc, now);
            if (why.isPresent()) {
                skipped.merge(why.get(), 1, Integer::sum);
            } else {
                eligible.add(new Candidate(c, p, p.callbackAt().isPresent()));
            }
        }
        eligible.sort(ORDER);
        List<Contact> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(count, eligible.size()); i++) {
            picked.add(eligible.get(i).contact);
        }
        return new Selection(picked, skipped);
    }
}
