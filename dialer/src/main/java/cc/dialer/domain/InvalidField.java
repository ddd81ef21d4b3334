package cc.dialer.domain;

import java.util.Objects;

/** A value a campaign manager gave is wrong: names the field (as the contract calls it) and why. */
public final class InvalidField extends RuntimeException {
    private final String field;

    public InvalidField(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
