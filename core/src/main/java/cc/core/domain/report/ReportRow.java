package cc.core.domain.report;

/**
 * One line of a report: a bucket, what it is about (a queue, an agent), and its figures.
 *
 * @param subject the queue or agent id
 */
public record ReportRow<F>(Bucket bucket, String subject, F figures) {
}
