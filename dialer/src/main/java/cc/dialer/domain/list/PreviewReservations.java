package cc.dialer.domain.list;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which preview contacts are held by which agent. An agent holds at most one record and a record is held by at most
 * one agent, until the agent dials it (then the call owns it), skips it, or the hold runs out. Time is passed in.
 * Mutable; owned by the campaign's runner.
 */
public final class PreviewReservations {

    /** A record held by an agent; {@code dialling}: the agent dialled it, the hold no longer runs out. */
    public record Reservation(String contactId, String agentId, Instant until, boolean dialling) {
        public Reservation {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(until, "until");
        }
    }

    /** Why an agent may not act on a record. */
    public static final class NotHeld extends RuntimeException {
        public NotHeld(String message) {
            super(message, null, false, false);
        }
    }

    private final Duration hold;
    private final Map<String, Reservation> byContact = new LinkedHashMap<>();

    public PreviewReservations(Duration hold) {
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("hold must be positive, was " + hold);
        }
        this.hold = hold;
    }

    /**
     * The record {@code agentId} holds, else the first of {@code callable} (best first) nobody holds, reserved to
     * them from {@code now}; empty when there is none.
     */
    public Optional<Reservation> take(String agentId, List<String> callable, Instant now) {
        Optional<Reservation> held = heldBy(agentId);
        if (held.isPresent()) {
            return held;
        }
        for (String contactId : callable) {
            if (!byContact.containsKey(contactId)) {
                Reservation r = new Reservation(contactId, agentId, now.plus(hold), false);
                byContact.put(contactId, r);
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Optional<Reservation> heldBy(String agentId) {
        for (Reservation r : byContact.values()) {
            if (r.agentId().equals(agentId)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public boolean isHeld(String contactId) {
        return byContact.containsKey(contactId);
    }

    /** The agent's reservation of the contact; {@link NotHeld} naming why when it is not theirs. */
    public Reservation check(String contactId, String agentId) {
        Reservation r = byContact.get(contactId);
        if (r == null) {
            throw new NotHeld("contact " + contactId + " is not reserved to anyone: take it first");
        }
        if (!r.agentId().equals(agentId)) {
            throw new NotHeld("contact " + contactId + " is reserved to another agent");
        }
        if (r.dialling()) {
            throw new NotHeld("contact " + contactId + " is being dialled already");
        }
        return r;
    }

    /** The agent dials the record: it stays theirs until {@link #release} (the call's end), whatever the time. */
    public Reservation dialling(String contactId, String agentId) {
        Reservation r = check(contactId, agentId);
        Reservation d = new Reservation(r.contactId(), r.agentId(), r.until(), true);
        byContact.put(contactId, d);
        return d;
    }

    /** Frees the contact (skipped, or its call is over); empty when nobody held it. */
    public Optional<Reservation> release(String contactId) {
        return Optional.ofNullable(byContact.remove(contactId));
    }

    /** Frees and returns the holds that ran out by {@code now} (those being dialled never do). */
    public List<Reservation> expire(Instant now) {
        List<Reservation> out = new ArrayList<>();
        byContact.values().removeIf(r -> {
            if (!r.dialling() && !now.isBefore(r.until())) {
                out.add(r);
                return true;
            }
            return false;
        });
        return out;
    }
}
