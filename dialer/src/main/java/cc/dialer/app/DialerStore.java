package cc.dialer.app;

import cc.core.contract.CampaignDefinition;
import cc.core.contract.ContactListIndex;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.ContactProgress;
import cc.dialer.domain.report.AgentTime;
import cc.dialer.domain.report.AttemptRecord;
import cc.dialer.domain.segment.SegmentListBuilder;
import cc.dialer.domain.segment.SegmentQuery;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dialer keeps: campaigns and their status, call lists, each contact's retry state, every attempt, agent
 * time, and the customer data segments are built from. Threading: callable from any context; futures complete on
 * the caller's, and writes from one context apply in the order made.
 */
public interface DialerStore {

    /** A campaign as stored. */
    record StoredCampaign(CampaignDefinition definition, String status, Instant changedAt, String changedBy) {}

    /**
     * The latest row a campaign's dial audit ({@code dialer_audit}) holds for a contact.
     *
     * @param event  the row's event ({@code SKIPPED}, {@code DIALLED}...)
     * @param detail the row's detail
     */
    record LastAudit(String contactId, String event, String detail, Instant at) {}

    /** A call list's header. */
    record ListHeader(String listId, String name, String source, int contacts, Instant createdAt, String createdBy) {}

    Future<List<StoredCampaign>> campaigns();

    Future<Optional<StoredCampaign>> campaign(String id);

    /** Creates or replaces the campaign. */
    Future<Void> saveCampaign(StoredCampaign campaign);

    Future<Void> setStatus(String campaignId, String status, Instant at, String byUser);

    /** Saves a list and its contacts in one transaction; fails when a list with that id exists. */
    Future<Void> saveList(ListHeader header, List<Contact> contacts);

    /** Every list, newest first. */
    Future<List<ContactListIndex.Entry>> lists();

    /** The contacts of these lists, by list then contact id. */
    Future<List<Contact>> contacts(List<String> listIds);

    /** The customers a segment matches, highest order score first, with their numbers. */
    Future<List<SegmentListBuilder.CustomerRow>> segment(SegmentQuery query, Instant now);

    /** Each contact's retry state in the campaign, by contact id. */
    Future<Map<String, ContactProgress>> progress(String campaignId);

    Future<Void> saveProgress(String campaignId, ContactProgress progress);

    /** Inserts or replaces the attempt's row. */
    Future<Void> saveAttempt(AttemptState attempt);

    /** The highest attempt id and the number of machine verdicts of the campaign so far. */
    /**
     * When each attempt of any campaign still open (no end written) was placed, for those placed since {@code since}:
     * the lines a dialer that died may still hold, counted by the node taking over.
     */
    Future<List<OpenAttempt>> openAttemptsPlacedSince(Instant since);

    /** An attempt with no end written: its call may still be up (placed by a dialer that died). */
    record OpenAttempt(String campaignId, String contactId, Instant placedAt) {}

    Future<long[]> attemptCounters(String campaignId);

    /** The campaign's attempts placed in {@code [from, to)}, as the reports need them. */
    Future<List<AttemptRecord>> attempts(String campaignId, Instant from, Instant to);

    /** Marks the attempts whose call is this interaction converted; completes with how many there were. */
    Future<Integer> markConverted(String interactionId);

    /** Adds agent time to the campaign's day. */
    Future<Void> addAgentTime(String campaignId, LocalDate day, double seconds);

    /** The campaign's agent time per day in {@code [from, to]}. */
    Future<List<AgentTime>> agentTime(String campaignId, LocalDate from, LocalDate to);

    /**
     * Puts the number (E.164) on the do-not-call list; a number already on it keeps its first reason and time.
     * Completes with whether it was new.
     */
    Future<Boolean> addDoNotCall(String number, String reason, String byUser, Instant at);

    /** The do-not-call numbers (E.164). */
    Future<java.util.Set<String>> doNotCall();

    /**
     * The campaign's live outcomes of attempts placed since {@code from}: connected, abandoned, and machine verdicts
     * counted as AMD false positives (what a regulator's window holds).
     */
    Future<long[]> liveOutcomes(String campaignId, Instant from);

    /**
     * The latest dial-audit row of each contact of the campaign (by the order rows were written), for a resumed
     * campaign to know which skips it has audited already.
     */
    Future<List<LastAudit>> lastAudits(String campaignId);

    /** Dial attempts so far and contacts finished, for the campaign views. */
    Future<long[]> dialledAndFinished(String campaignId);
}
