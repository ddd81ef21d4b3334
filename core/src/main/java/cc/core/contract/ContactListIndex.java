package cc.core.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The call lists there are, newest first. */
public record ContactListIndex(List<Entry> lists) {
    public ContactListIndex {
        lists = List.copyOf(lists);
    }

    /** One list: id, name, where it came from ({@code segment} or {@code csv}), size, when and by whom. */
    public record Entry(String listId, String name, String source, int contacts, Instant createdAt,
                        String createdBy) {
        public Entry {
            Objects.requireNonNull(listId, "listId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(createdBy, "createdBy");
        }
    }
}
