package cc.core.contract;

import cc.core.domain.interaction.Interaction;

/** The reply to {@link FindInteractionByChannel}. */
public record InteractionFound(Interaction interaction) {}
