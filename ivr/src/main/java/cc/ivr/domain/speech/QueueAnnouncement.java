package cc.ivr.domain.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * What a waiting caller hears about their place in line: "you are caller number 3; your expected wait is about
 * 4 minutes", in Persian or English.
 *
 * <p>Rounding, so the caller is told something the estimate can keep: up to 10 minutes to the nearest minute,
 * above that to the nearest 5 minutes, above an hour only "more than an hour". Under a minute is said as "about one
 * minute", never "less than a minute": the estimate's own error is tens of seconds (acd/README.md), so a promise that
 * short would often be broken. An unknown estimate (negative seconds: nobody staffs the queue) says only the place.
 */
public final class QueueAnnouncement {
    /** Above this many minutes the estimate is said in steps of {@link #COARSE_STEP} minutes. */
    static final long FINE_UP_TO_MINUTES = 10;
    static final long COARSE_STEP = 5;
    static final long HOUR_MINUTES = 60;

    private QueueAnnouncement() {}

    /**
     * The prompt fragments to play.
     *
     * @param position    the place in line, 1 = next; below 1 the place is not said
     * @param waitSeconds the estimated wait, negative when there is no honest estimate
     */
    public static List<String> prompts(String language, int position, long waitSeconds) {
        Speech speech = Speech.of(language);
        String l = speech.language() + "/queue/";
        List<String> out = new ArrayList<>();
        if (position >= 1) {
            out.add(l + "you-are-caller");
            out.addAll(speech.number(position));
            if ("fa".equals(speech.language())) {
                out.add(l + "in-line");
            }
        }
        if (waitSeconds < 0) {
            return out;
        }
        long minutes = spokenMinutes(waitSeconds);
        out.add(l + "expected-wait");
        if (minutes > HOUR_MINUTES) {
            out.add(l + "more-than-an-hour");
            return out;
        }
        out.addAll(speech.number(minutes));
        if ("fa".equals(speech.language())) {
            // Persian keeps the noun singular after a number: "chahar daghighe"
            out.add(l + "minute");
            out.add(l + "is");
        } else {
            out.add(l + (minutes == 1 ? "minute" : "minutes"));
        }
        return out;
    }

    /** The minutes said for an estimate; more than {@link #HOUR_MINUTES} means "more than an hour". */
    static long spokenMinutes(long waitSeconds) {
        long minutes = Math.max(1, Math.round(waitSeconds / 60.0));
        if (minutes <= FINE_UP_TO_MINUTES) {
            return minutes;
        }
        long coarse = Math.round(minutes / (double) COARSE_STEP) * COARSE_STEP;
        return coarse > HOUR_MINUTES ? HOUR_MINUTES + 1 : coarse;
    }
}
