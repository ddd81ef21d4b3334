package cc.core.contract;

import java.util.List;
import java.util.Objects;

/**
 * Build a call list from the customers that meet every condition, highest score first.
 *
 * @param listId     the new list's id
 * @param name       shown to managers
 * @param conditions all must hold
 * @param limit      the most contacts to take (0 = no limit)
 * @param preview    count and sample only; nothing is saved
 * @param byUser     who asked, for the audit log
 */
public record BuildSegmentList(String listId, String name, List<Condition> conditions, int limit, boolean preview,
                               String byUser) {
    public BuildSegmentList {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(name, "name");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(byUser, "byUser");
    }

    /**
     * One filter on the customer data. Fields: {@code segment}, {@code language}, {@code timeZone},
     * {@code score.<name>} (a customer score such as {@code score.value} or {@code score.churnRisk}), and
     * {@code daysSinceLastContact}. Operators: {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
     * {@code in} (comma-separated values).
     */
    public record Condition(String field, String operator, String value) {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }
    }
}
