package cc.core.app.report;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.report.StateSpell;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What reports are computed from, handed over a record at a time so a month of calls never sits in memory.
 *
 * <p>Threading: each method returns at once; the sink is called on the source's worker thread, one record after
 * another, and never again once the future completes (which happens after the last call, so the caller may read
 * what the sink built when it does).
 */
public interface ReportSource {

    /** Every interaction offered in [from, to), with its segments and IVR path, in the order (offered at, id). */
    Future<Long> interactions(Instant from, Instant to, Consumer<Interaction> sink);

    /**
     * The interactions offered in [from, to) as bare contacts, for telling whether a customer called again: id,
     * direction, offer time, caller number and customer only (no segments, no IVR path), in the order (offered at,
     * id). Much lighter than {@link #interactions} for the repeat window after a report's range.
     */
    Future<Long> contacts(Instant from, Instant to, Consumer<Interaction> sink);

    /** Every agent state spell that overlaps [from, to) (of one agent, or all), in no particular order. */
    Future<Long> spells(Instant from, Instant to, Optional<String> agent, Consumer<StateSpell> sink);
}
