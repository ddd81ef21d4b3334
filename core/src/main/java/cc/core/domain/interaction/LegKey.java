package cc.core.domain.interaction;

/** A channel on one server: Uniqueids are unique per Asterisk server only. */
record LegKey(String server, String uniqueId) {}
