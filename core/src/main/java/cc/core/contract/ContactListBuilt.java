package cc.core.contract;

import java.util.List;
import java.util.Objects;

/**
 * What building or importing a call list did. Every row is accounted for: {@code rows = accepted + duplicates +
 * problems.size()}.
 *
 * @param listId     the list
 * @param name       its name
 * @param saved      false for a preview
 * @param rows       rows read (CSV) or customers matched (segment)
 * @param accepted   contacts on the list
 * @param duplicates rows left out because their number was already on the list
 * @param problems    rows refused, each with its line and reason
 * @param sample     the first few accepted contacts, as "name &lt;phone&gt;"
 */
public record ContactListBuilt(String listId, String name, boolean saved, int rows, int accepted, int duplicates,
                               List<Problem> problems, List<String> sample) {
    public ContactListBuilt {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(name, "name");
        problems = List.copyOf(problems);
        sample = List.copyOf(sample);
    }

    /** A refused row: its line (1 = the header; 0 for a customer of a segment), why, and the row as read. */
    public record Problem(int line, String reason, String row) {}
}
