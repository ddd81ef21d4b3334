package cc.dialer.domain.list;

import cc.dialer.domain.campaign.CallingHours;
import cc.dialer.domain.campaign.Campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which decisions not to dial a campaign's contacts have been written to the dial audit, so each is written once per
 * contact and reason, not once per pacing tick (the runner asks {@link Eligibility} about every contact every second).
 *
 * <p>What counts as one decision: a contact is remembered with the reason last audited for it. The same reason again
 * writes nothing; another audited reason writes a row and replaces it; a tick where the contact may be dialled
 * forgets it. So a customer outside their hours tonight gets one row tonight, and, if the campaign could have called
 * them tomorrow but did not get to them, one more tomorrow night: that is a new decision on a new day, and a
 * regulator asking about tomorrow should find it. A contact that stays on the do-not-call list gets one row for the
 * whole campaign.
 *
 * <p>Not audited (they write nothing and leave the memory as it is): a retry or callback not yet due (the outcome or
 * callback row that set the time says when) and a contact finished on a final outcome or refusal (its own row says
 * so). Attempts used up are audited ({@link SkipReason#MAX_ATTEMPTS}): the last outcome row only says the contact is
 * finished.
 *
 * <p>Not thread-safe: owned by one campaign's runner. Pure: times are passed in.
 */
public final class AuditedSkips {

    /** The reasons that are a decision not to dial and get an audit row. */
    private static final Set<SkipReason> AUDITED = EnumSet.of(SkipReason.DO_NOT_CALL, SkipReason.OUTSIDE_HOURS,
            SkipReason.DAY_OFF, SkipReason.HOLIDAY, SkipReason.OUTSIDE_CAMPAIGN_DAYS, SkipReason.MAX_ATTEMPTS,
            SkipReason.NOT_IN_CAMPAIGN_LISTS, SkipReason.UNKNOWN_TIME_ZONE);

    /** Reasons that pass with the clock: the contact's calling hours opening since the row ends them. */
    private static final Set<SkipReason> TIME_BOUND = EnumSet.of(SkipReason.OUTSIDE_HOURS, SkipReason.DAY_OFF,
            SkipReason.HOLIDAY, SkipReason.OUTSIDE_CAMPAIGN_DAYS);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A skip audited before, as read back from the audit (the latest row of the contact in the campaign).
     *
     * @param contactId the contact
     * @param reason    the reason the row gave
     * @param at        when it was written
     */
    public record Audited(String contactId, SkipReason reason, Instant at) {
        public Audited {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    private final Map<String, SkipReason> lastAudited = new HashMap<>();

    /** An empty memory: a campaign run that has audited nothing yet. */
    public AuditedSkips() {}

    /**
     * The memory after a restart, from the skips audited before it. A time-bound reason is kept only while the
     * contact's calling hours have not opened since its row: if they have, the contact may have been callable
     * meanwhile (the server was down, or nothing was written for it becoming callable), so the next skip is a new
     * decision and writes again. When in doubt this writes a row twice rather than miss one.
     */
    public static AuditedSkips resumed(Iterable<Audited> before, Campaign campaign, Map<String, ZoneId> zones,
                                       Instant now) {
        AuditedSkips memory = new AuditedSkips();
        for (Audited a : before) {
            ZoneId zone = zones.get(a.contactId());
            if (zone == null || !AUDITED.contains(a.reason())) {
                continue;
            }
            if (TIME_BOUND.contains(a.reason())) {
                Optional<Instant> opened = campaign.hours().nextOpening(a.at(), zone);
                if (opened.isPresent() && !opened.get().isAfter(now)) {
                    continue;
                }
            }
            memory.lastAudited.put(a.contactId(), a.reason());
        }
        return memory;
    }

    /**
     * The contact was looked at ({@code why} empty: it may be dialled now). Returns the reason to write an audit row
     * for, empty when there is nothing new to write.
     */
    public Optional<SkipReason> observe(String contactId, Optional<SkipReason> why) {
        if (why.isEmpty()) {
            lastAudited.remove(contactId);
            return Optional.empty();
        }
        SkipReason reason = why.get();
        if (!AUDITED.contains(reason) || lastAudited.get(contactId) == reason) {
            return Optional.empty();
        }
        lastAudited.put(contactId, reason);
        return why;
    }

    /** The reason last audited for the contact and still remembered. */
    public Optional<SkipReason> remembered(String contactId) {
        return Optional.ofNullable(lastAudited.get(contactId));
    }

    /**
     * The audit row's detail for a skip: the reason's code, a colon, then the particulars a person needs (the
     * contact's local time and the hours, the attempts used...).
     */
    public static String detail(SkipReason reason, Campaign campaign, Contact contact, ContactProgress progress,
                                Instant now) {
        ZonedDateTime local = now.atZone(contact.zone());
        String where = LOCAL.format(local) + " " + local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " in " + contact.zone().getId();
        CallingHours hours = campaign.hours();
        String next = hours.nextOpening(now, contact.zone()).map(t -> "; callable again from " + t).orElse("");
        String why;
        switch (reason) {
            case DO_NOT_CALL:
                why = contact.phone() + " is on the do-not-call list; never dialled while it stays there";
                break;
            case OUTSIDE_HOURS:
                why = where + ", calling hours " + hours.opens() + "-" + hours.closes() + next;
                break;
            case DAY_OFF:
                why = where + " is a day off" + next;
                break;
            case HOLIDAY:
                why = where + " is a holiday" + next;
                break;
            case OUTSIDE_CAMPAIGN_DAYS:
                why = where + ", the campaign runs " + campaign.firstDay() + " to " + campaign.lastDay();
                break;
            case UNKNOWN_TIME_ZONE:
                why = "time zone '" + contact.unknownZone() + "' is unknown, so its calling hours cannot be kept;"
                        + " not dialled until the contact's zone is corrected";
                break;
            case MAX_ATTEMPTS:
                why = progress.attempts() + " of " + campaign.retries().maxAttempts() + " attempts used"
                        + progress.lastOutcome().map(o -> ", the last " + o).orElse("");
                break;
            default:
                why = reason.name();
        }
        return reason.code() + ": " + why;
    }
}
