package cc.dialer.domain.list;

import java.util.Set;

/** Numbers that must not be called (national registry and our own opt-outs), in E.164 form. */
public record DoNotCallList(Set<String> numbers) {
    public DoNotCallList {
        numbers = Set.copyOf(numbers);
    }

    public static DoNotCallList empty() {
        return new DoNotCallList(Set.of());
    }

    public boolean blocks(String e164) {
        return numbers.contains(e164);
    }
}
