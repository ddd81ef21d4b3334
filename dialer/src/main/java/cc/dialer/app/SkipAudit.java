package cc.dialer.app;

import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.list.AuditedSkips;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.ContactProgress;
import cc.dialer.domain.list.DoNotCallList;
import cc.dialer.domain.list.Eligibility;
import cc.dialer.domain.list.SkipReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One campaign's decisions not to dial its contacts, written to the {@link DialAudit} as {@code SKIPPED} rows whose
 * detail starts with the reason's code ({@code do-not-call: ...}, {@code outside-hours: ...}), once per contact and
 * reason ({@link AuditedSkips} decides what is new). Split from {@link CampaignRunner}, which asks it every tick.
 *
 * <p>Threading: called on the runner's context only.
 */
final class SkipAudit {
    private static final Logger LOG = LoggerFactory.getLogger(SkipAudit.class);

    private final Campaign campaign;
    private final DialAudit audit;
    private final AuditedSkips memory;

    SkipAudit(Campaign campaign, DialAudit audit, AuditedSkips memory) {
        this.campaign = Objects.requireNonNull(campaign, "campaign");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /**
     * Picks up where the last run left off: the latest audit row of each contact, where it is a {@code SKIPPED} row
     * with a reason code, seeds the memory (see {@link AuditedSkips#resumed}), so a restart does not write the same
     * skips again.
     */
    static SkipAudit resumed(Campaign campaign, DialAudit audit, List<DialerStore.LastAudit> latest,
                             List<Contact> contacts, Instant now) {
        Map<String, ZoneId> zones = new HashMap<>();
        contacts.forEach(c -> zones.put(c.id(), c.zone()));
        List<AuditedSkips.Audited> before = new ArrayList<>();
        for (DialerStore.LastAudit row : latest) {
            reasonOf(row).ifPresent(r -> before.add(new AuditedSkips.Audited(row.contactId(), r, row.at())));
        }
        return new SkipAudit(campaign, audit, AuditedSkips.resumed(before, campaign, zones, now));
    }

    /** The reason a {@code SKIPPED} row's detail starts with ({@code "do-not-call: ..."}), if any. */
    static Optional<SkipReason> reasonOf(DialerStore.LastAudit row) {
        int colon = row.detail().indexOf(':');
        if (!AuditEntry.Event.SKIPPED.name().equals(row.event()) || colon < 0) {
            return Optional.empty();
        }
        return SkipReason.ofCode(row.detail().substring(0, colon));
    }

    /**
     * Looks at every contact not being dialled, as the pacer's tick sees them, and audits the skips that are new.
     * Runs whether or not the pacer dials this tick: a contact is passed over even when nobody is picked.
     */
    void tick(List<Contact> idle, Function<String, ContactProgress> progress, DoNotCallList dnc, Instant now) {
        for (Contact c : idle) {
            ContactProgress p = progress.apply(c.id());
            Optional<SkipReason> why = Eligibility.check(campaign, c, p, dnc, now);
            memory.observe(c.id(), why).ifPresent(r -> write(c, p, r, "", now));
        }
    }

    /**
     * A contact the pick allowed was stopped right before its dial ({@code context} says by what); written through
     * the same memory, so a stop for a reason already audited adds no row.
     */
    void atDialTime(Contact c, ContactProgress p, SkipReason reason, String context, Instant now) {
        memory.observe(c.id(), Optional.of(reason)).ifPresent(r -> write(c, p, r, context, now));
    }

    private void write(Contact c, ContactProgress p, SkipReason reason, String context, Instant now) {
        String detail = AuditedSkips.detail(reason, campaign, c, p, now) + context;
        // debug: a large list can skip thousands of contacts at once when hours close; the audit is the record
        LOG.debug("campaign {}: contact {} not dialled: {}", campaign.id(), c.id(), detail);
        audit.record(new AuditEntry(campaign.id(), c.id(), Optional.empty(), c.phone(), AuditEntry.Event.SKIPPED,
                detail, Optional.empty(), now)).onFailure(err -> LOG.error(
                        "campaign {}: audit of skip {} for contact {} not written: {}", campaign.id(), reason.code(),
                        c.id(), err.getMessage()));
    }
}
