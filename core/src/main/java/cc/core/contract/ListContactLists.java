package cc.core.contract;

/** Ask for the call lists there are (reply {@link ContactListIndex}). */
public record ListContactLists() {}
