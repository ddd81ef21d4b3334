package cc.core.contract;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign as a campaign manager defines it. Plain values, so the console needs no dialer types; the dialer
 * validates it and names the field that is wrong.
 *
 * @param id                   stable id (letters, digits, '-', '_')
 * @param name                 shown to managers
 * @param listIds              the call lists it dials
 * @param mode                 {@code PREVIEW}, {@code PROGRESSIVE} or {@code PREDICTIVE}
 * @param firstDay             first calling day (the customer's local date)
 * @param lastDay              last calling day, inclusive
 * @param opens                calling window start, the customer's local time
 * @param closes               calling window end (exclusive)
 * @param daysOff              weekly days off (Friday in Iran, Sunday elsewhere)
 * @param holidays             dates with no calls
 * @param retryDelays          retry delay by outcome name ({@code BUSY}, {@code NO_ANSWER}, {@code MACHINE},
 *                             {@code ABANDONED}, {@code FAILED}); outcomes without one are final
 * @param maxAttempts          the most dial attempts per contact
 * @param currency             ISO 4217 code of the money below
 * @param costPerDial          charged for every dial
 * @param costPerMinute        charged per started minute of an answered call
 * @param revenuePerConversion earned per converted contact
 * @param regulator            the abandon rule: {@code US-TSR} (3 % over 30 days) or {@code UK-Ofcom} (3 % over 24 h)
 * @param maxLines             the most lines it may use at once (the server's global cap applies as well)
 * @param queue                the ACD queue whose agents take its answered calls
 * @param machineAction        on an answering machine: {@code HANGUP}, {@code MESSAGE} or {@code AGENT}
 * @param recording            call recording of its answers that reach an agent through the ACD: {@code inherit} (the
 *                             queue's policy), {@code always}, {@code never} or {@code on-demand}; {@code null} means
 *                             {@code inherit}, so definitions made before recording existed keep their queue's policy
 */
public record CampaignDefinition(String id, String name, List<String> listIds, String mode, LocalDate firstDay,
                                 LocalDate lastDay, LocalTime opens, LocalTime closes, Set<DayOfWeek> daysOff,
                                 Set<LocalDate> holidays, Map<String, Duration> retryDelays, int maxAttempts,
                                 String currency, BigDecimal costPerDial, BigDecimal costPerMinute,
                                 BigDecimal revenuePerConversion, String regulator, int maxLines, String queue,
                                 String machineAction, String recording) {
    /** The recording value that leaves the choice to the campaign's queue. */
    public static final String RECORDING_INHERIT = "inherit";
    /** Every value {@link #recording()} may take; the dialer refuses others, naming the field. */
    public static final List<String> RECORDING_CHOICES = List.of(RECORDING_INHERIT, "always", "never", "on-demand");

    public CampaignDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        listIds = List.copyOf(listIds);
        daysOff = Set.copyOf(daysOff);
        holidays = Set.copyOf(holidays);
        retryDelays = Map.copyOf(retryDelays);
        recording = recording == null ? RECORDING_INHERIT : recording;
    }

    /**
     * A definition without a recording choice ({@code inherit}): kept so callers written before campaigns had a
     * recording policy still compile and keep the queue's policy.
     */
    public CampaignDefinition(String id, String name, List<String> listIds, String mode, LocalDate firstDay,
                              LocalDate lastDay, LocalTime opens, LocalTime closes, Set<DayOfWeek> daysOff,
                              Set<LocalDate> holidays, Map<String, Duration> retryDelays, int maxAttempts,
                              String currency, BigDecimal costPerDial, BigDecimal costPerMinute,
                              BigDecimal revenuePerConversion, String regulator, int maxLines, String queue,
                              String machineAction) {
        this(id, name, listIds, mode, firstDay, lastDay, opens, closes, daysOff, holidays, retryDelays, maxAttempts,
                currency, costPerDial, costPerMinute, revenuePerConversion, regulator, maxLines, queue, machineAction,
                RECORDING_INHERIT);
    }

    /** The same definition with another recording choice. */
    public CampaignDefinition withRecording(String choice) {
        return new CampaignDefinition(id, name, listIds, mode, firstDay, lastDay, opens, closes, daysOff, holidays,
                retryDelays, maxAttempts, currency, costPerDial, costPerMinute, revenuePerConversion, regulator,
                maxLines, queue, machineAction, choice);
    }
}
