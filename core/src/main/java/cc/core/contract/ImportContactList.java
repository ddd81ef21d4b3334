package cc.core.contract;

import java.util.Objects;

/** Import a call list from CSV text (header row with at least {@code phone}); {@code byUser} for the audit log. */
public record ImportContactList(String listId, String name, String csv, String byUser) {
    public ImportContactList {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(byUser, "byUser");
    }
}
