package cc.email.domain;

import java.util.List;

/**
 * The automatic acknowledgement of a new (or reopened) case, in the customer's language: the case number to quote,
 * and the knowledge-base articles that best match the subject, which may answer the question before an agent does.
 *
 * @param subject the subject line (with the case tag)
 * @param body    the plain-text body
 */
public record Acknowledgement(String subject, String body) {

    /** An article suggested in the acknowledgement. */
    public record Article(String title, String summary) {}

    public static Acknowledgement of(String language, long caseNumber, String customerName, String customerSubject,
                                     List<Article> articles) {
        boolean fa = "fa".equals(language);
        StringBuilder b = new StringBuilder();
        String name = customerName == null ? "" : customerName.trim();
        if (fa) {
            b.append(name.isEmpty() ? "سلام،" : name + " عزیز، سلام.").append("\n\n")
                    .append("پیام شما رسید و با شماره پرونده ").append(caseNumber).append(" ثبت شد. ")
                    .append("یکی از همکاران ما به زودی پاسخ می‌دهد. لطفاً در پاسخ‌ها موضوع را تغییر ندهید.\n");
            if (!articles.isEmpty()) {
                b.append("\nشاید این مطالب پاسخ پرسش شما باشد:\n");
            }
        } else {
            b.append(name.isEmpty() ? "Hello," : "Dear " + name + ",").append("\n\n")
                    .append("We received your message and opened case ").append(caseNumber).append(". ")
                    .append("An agent will answer you soon. Please keep the case number in the subject when you reply.\n");
            if (!articles.isEmpty()) {
                b.append("\nThese articles may already answer your question:\n");
            }
        }
        for (Article a : articles) {
            b.append("\n* ").append(a.title());
            if (!a.summary().isBlank()) {
                b.append("\n  ").append(a.summary().strip().replace("\n", "\n  "));
            }
            b.append('\n');
        }
        b.append(fa ? "\nاین پیام خودکار است." : "\nThis message was sent automatically.");
        return new Acknowledgement(CaseNumber.subject(customerSubject, caseNumber), b.toString());
    }
}
