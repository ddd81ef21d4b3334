package cc.core.domain.interaction;

/** The medium of a contact; every channel lands on the same customer timeline. */
public enum InteractionChannel { VOICE, WEB, EMAIL, FAX, CHAT }
