package cc.acd.domain.media;

/** Where a chat or email is in the router: waiting in a queue, offered to an agent, or held by one. */
enum MediaPhase {
    WAITING, OFFERED, HELD;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

