package cc.core.domain.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The skill report: per skill and bucket, the calls that needed the skill, as the sum of the queue report's rows of
 * every queue that requires it.
 *
 * <p>Why a roll-up of queues: neither the interaction record nor its segments keep the skills a call needed, and
 * the ACD's routing adds to a queue's required skills only what the caller brings (none of our entry points give a
 * caller skills of their own today), so a call's required skills are its queue's ({@code acd.queues[].skills}).
 * A queue requiring two skills counts in both; a queue requiring none is in no skill's row. Levels are left out:
 * {@code fa:3} and {@code fa:5} are both skill {@code fa}. Service level is summed from each queue's own threshold.
 * Pure.
 */
public final class SkillRollUp {
    private SkillRollUp() {}

    /**
     * @param queueRows     the queue report's rows (every bucket of each queue present, as it gives them)
     * @param skillsByQueue each queue's required skill names
     * @param onlySkill     one skill, or empty for all
     */
    public static List<ReportRow<QueueFigures>> rows(List<ReportRow<QueueFigures>> queueRows,
                                                     Map<String, Set<String>> skillsByQueue,
                                                     Optional<String> onlySkill) {
        Map<String, Map<Bucket, QueueFigures>> bySkill = new TreeMap<>();
        for (ReportRow<QueueFigures> r : queueRows) {
            for (String skill : skillsByQueue.getOrDefault(r.subject(), Set.of())) {
                if (onlySkill.isPresent() && !onlySkill.get().equals(skill)) {
                    continue;
                }
                bySkill.computeIfAbsent(skill, k -> new LinkedHashMap<>()).merge(r.bucket(), r.figures(),
                        SkillRollUp::plus);
            }
        }
        List<ReportRow<QueueFigures>> out = new ArrayList<>();
        bySkill.forEach((skill, buckets) -> buckets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> out.add(new ReportRow<>(e.getKey(), skill, e.getValue()))));
        return out;
    }

    static QueueFigures plus(QueueFigures a, QueueFigures b) {
        return new QueueFigures(a.offered() + b.offered(), a.answered() + b.answered(),
                a.answeredInThreshold() + b.answeredInThreshold(), a.abandoned() + b.abandoned(),
                a.shortAbandoned() + b.shortAbandoned(), a.overflowed() + b.overflowed(),
                sum(a.answerWait(), b.answerWait()), sum(a.talk(), b.talk()), sum(a.hold(), b.hold()),
                sum(a.wrapUp(), b.wrapUp()), a.transfersOut() + b.transfersOut(), a.resolvable() + b.resolvable(),
                a.resolvedFirstTime() + b.resolvedFirstTime());
    }

    private static Duration sum(Duration a, Duration b) {
        return a.plus(b);
    }
}
