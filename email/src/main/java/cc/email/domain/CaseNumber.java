package cc.email.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The case number of a thread as it stands in a subject, {@code [#1234]}: how a reply without headers finds its case. */
public final class CaseNumber {
    private static final Pattern IN_SUBJECT = Pattern.compile("\\[#(\\d{1,18})]");

    private CaseNumber() {}

    public static String tag(long caseNumber) {
        return "[#" + caseNumber + "]";
    }

    /** The first case number tagged in the subject, if any. */
    public static Optional<Long> in(String subject) {
        Matcher m = IN_SUBJECT.matcher(subject == null ? "" : subject);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /**
     * The subject of our message about a case: the customer's subject with "Re:" once and the case tag once, so a
     * long exchange does not grow "Re: Re: [#1] [#1]".
     */
    public static String subject(String customerSubject, long caseNumber) {
        String s = IN_SUBJECT.matcher(customerSubject == null ? "" : customerSubject).replaceAll("");
        s = s.replaceAll("(?i)^(\\s*(re|aw|fwd?|پاسخ)\\s*:\\s*)+", "").trim().replaceAll("\\s{2,}", " ");
        return "Re: " + tag(caseNumber) + (s.isEmpty() ? "" : " " + s);
    }
}
