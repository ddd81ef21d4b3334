package cc.core.domain.interaction;

/** Who started the contact. */
public enum Direction { INBOUND, OUTBOUND }
