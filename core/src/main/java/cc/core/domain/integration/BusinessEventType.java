package cc.core.domain.integration;

import java.util.Arrays;
import java.util.Optional;

/**
 * What other systems are told happened in the contact center. The wire name ({@code interaction.ended}) is what a
 * webhook subscription names and what a receiver reads in {@code type}; the family ({@code interaction}) names the
 * Kafka topic, so one entity's events share a topic and keep their order there.
 */
public enum BusinessEventType {
    INTERACTION_STARTED("interaction.started"),
    /** Says who answered: an agent, the IVR or a machine (AMD); never "answered" alone. */
    INTERACTION_ANSWERED("interaction.answered"),
    INTERACTION_TRANSFERRED("interaction.transferred"),
    INTERACTION_ENDED("interaction.ended"),
    INTERACTION_DISPOSED("interaction.disposed"),
    CUSTOMER_CREATED("customer.created"),
    CUSTOMER_CHANGED("customer.changed"),
    /** Entity: the customer kept; the payload names the one merged into it. */
    CUSTOMER_MERGED("customer.merged"),
    OPPORTUNITY_CHANGED("opportunity.changed"),
    /** A campaign's attempt and its outcome, a skipped dial included (a decision not to act is a fact too). */
    CAMPAIGN_ATTEMPT("campaign.attempt"),
    AGENT_STATE_CHANGED("agent.state");

    private final String wire;

    BusinessEventType(String wire) {
        this.wire = wire;
    }

    /** {@code interaction.ended}. */
    public String wire() {
        return wire;
    }

    /** {@code interaction}: the part before the dot; one Kafka topic per family. */
    public String family() {
        return wire.substring(0, wire.indexOf('.'));
    }

    public static Optional<BusinessEventType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
