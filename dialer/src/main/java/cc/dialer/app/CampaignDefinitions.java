package cc.dialer.app;

import cc.core.contract.CampaignDefinition;
import cc.dialer.domain.InvalidField;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.CallingHours;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.campaign.CampaignEconomics;
import cc.dialer.domain.campaign.Money;
import cc.dialer.domain.campaign.RetryPolicy;
import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.RegulatorRule;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a campaign manager's {@link CampaignDefinition} into the domain's {@link Campaign}, naming the first wrong
 * field ({@link InvalidField}) the way the contract names it.
 */
public final class CampaignDefinitions {
    private CampaignDefinitions() {}

    /** The campaign, with the server's weekly days off added to its own. */
    public static Campaign toCampaign(CampaignDefinition d, Set<DayOfWeek> serverDaysOff) {
        if (!d.id().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidField("id", "must be 1 to 64 letters, digits, '-' or '_', was '" + d.id() + "'");
        }
        if (d.name().isBlank()) {
            throw new InvalidField("name", "must not be empty");
        }
        if (d.listIds().isEmpty()) {
            throw new InvalidField("listIds", "name at least one call list");
        }
        PacingMode mode = mode(d.mode());
        if (d.firstDay() == null) {
            throw new InvalidField("firstDay", "missing");
        }
        if (d.lastDay() == null) {
            throw new InvalidField("lastDay", "missing");
        }
        if (d.lastDay().isBefore(d.firstDay())) {
            throw new InvalidField("lastDay", d.lastDay() + " is before firstDay " + d.firstDay());
        }
        if (d.opens() == null) {
            throw new InvalidField("opens", "missing");
        }
        if (d.closes() == null || !d.closes().isAfter(d.opens())) {
            throw new InvalidField("closes", "must be after opens (" + d.opens() + "), was " + d.closes());
        }
        Set<DayOfWeek> daysOff = new HashSet<>(d.daysOff());
        daysOff.addAll(serverDaysOff);
        if (daysOff.size() == 7) {
            throw new InvalidField("daysOff", "every day of the week is a day off");
        }
        Map<AttemptOutcome, Duration> delays = new EnumMap<>(AttemptOutcome.class);
        for (Map.Entry<String, Duration> e : d.retryDelays().entrySet()) {
            AttemptOutcome o;
            try {
                o = AttemptOutcome.valueOf(e.getKey().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                o = AttemptOutcome.CONNECTED;
            }
            if (o == AttemptOutcome.CONNECTED) {
                throw new InvalidField("retryDelays", "'" + e.getKey()
                        + "' is not one of BUSY, NO_ANSWER, MACHINE, ABANDONED, FAILED");
            }
            if (e.getValue() == null || e.getValue().isNegative()) {
                throw new InvalidField("retryDelays", e.getKey() + " must not be negative");
            }
            delays.put(o, e.getValue());
        }
        if (d.maxAttempts() < 1 || d.maxAttempts() > 100) {
            throw new InvalidField("maxAttempts", "must be 1 to 100, was " + d.maxAttempts());
        }
        Currency currency;
        try {
            currency = Currency.getInstance(d.currency() == null ? "" : d.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("currency", "'" + d.currency() + "' is not an ISO 4217 code (USD, IRR, GBP...)");
        }
        Money perDial = money("costPerDial", d.costPerDial(), currency);
        Money perMinute = money("costPerMinute", d.costPerMinute(), currency);
        Money perConversion = money("revenuePerConversion", d.revenuePerConversion(), currency);
        RegulatorRule rule = regulator(d.regulator());
        if (d.maxLines() < 1) {
            throw new InvalidField("maxLines", "must be at least 1, was " + d.maxLines());
        }
        if (d.queue() == null || d.queue().isBlank()) {
            throw new InvalidField("queue", "name the ACD queue whose agents take the calls");
        }
        machineAction(d.machineAction());
        RecordingChoice.of(d.recording());
        return new Campaign(d.id(), d.name(), d.listIds(), mode, d.firstDay(), d.lastDay(),
                new CallingHours(d.opens(), d.closes(), daysOff, d.holidays()),
                new RetryPolicy(delays, d.maxAttempts()), new CampaignEconomics(perDial, perMinute, perConversion),
                rule, d.maxLines());
    }

    public static MachineAction machineAction(String value) {
        try {
            return MachineAction.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("machineAction", "'" + value + "' is not one of HANGUP, MESSAGE, AGENT");
        }
    }

    private static PacingMode mode(String value) {
        try {
            return PacingMode.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("mode", "'" + value + "' is not one of PREVIEW, PROGRESSIVE, PREDICTIVE");
        }
    }

    private static RegulatorRule regulator(String value) {
        for (RegulatorRule r : new RegulatorRule[] {RegulatorRule.US_TSR, RegulatorRule.UK_OFCOM}) {
            if (r.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return r;
            }
        }
        throw new InvalidField("regulator", "'" + value + "' is not one of US-TSR, UK-Ofcom");
    }

    private static Money money(String field, BigDecimal amount, Currency currency) {
        if (amount == null) {
            throw new InvalidField(field, "missing");
        }
        if (amount.signum() < 0) {
            throw new InvalidField(field, "must not be negative, was " + amount.toPlainString());
        }
        return new Money(amount, currency);
    }
}
