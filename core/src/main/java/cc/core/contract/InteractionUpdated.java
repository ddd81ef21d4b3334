package cc.core.contract;

import cc.core.domain.interaction.Interaction;

/** An interaction record changed and is stored. */
public record InteractionUpdated(Interaction interaction) {}
