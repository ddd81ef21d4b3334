package cc.simulator.channel;

/**
 * A party's number and name as a channel holds them (its caller ID, or its connected line). Empty means not known:
 * Asterisk prints an empty value as {@code <unknown>} in AMI channel headers (ami-20: a number-only CallerID leaves
 * {@code CallerIDName: <unknown>}), but as {@code ""} inside the Cdr's {@code CallerID}.
 */
public record CallerId(String num, String name) {
    public static final CallerId UNKNOWN = new CallerId("", "");

    private static final String SHOWN_WHEN_EMPTY = "<unknown>";

    public CallerId {
        num = num == null ? "" : num;
        name = name == null ? "" : name;
    }

    /**
     * Parses an AMI or dialplan caller ID: {@code "Name" <number>}, {@code Name <number>} or a bare number (no name).
     * Null or blank gives {@link #UNKNOWN}.
     */
    public static CallerId parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String s = text.trim();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = s.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new CallerId(s.substring(lt + 1, gt).trim(), name);
        }
        return new CallerId(s, "");
    }

    public boolean isUnknown() {
        return num.isEmpty() && name.isEmpty();
    }

    public CallerId withNum(String newNum) {
        return new CallerId(newNum, name);
    }

    public CallerId withName(String newName) {
        return new CallerId(num, newName);
    }

    /** The number as AMI channel headers show it. */
    public String shownNum() {
        return num.isEmpty() ? SHOWN_WHEN_EMPTY : num;
    }

    /** The name as AMI channel headers show it. */
    public String shownName() {
        return name.isEmpty() ? SHOWN_WHEN_EMPTY : name;
    }

    /** The Cdr's {@code CallerID}: {@code "Sara Ahmadi" <09121234567>}, {@code "" <09121234567>} without a name. */
    public String cdrText() {
        return "\"" + name + "\" <" + num + ">";
    }
}
