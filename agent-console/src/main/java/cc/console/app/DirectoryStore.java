package cc.console.app;

import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/** Queues, skills, question scripts and disposition codes: the console's reference tables. */
public interface DirectoryStore {

    record Queue(String name, String displayName, int serviceLevelSeconds, String questionScript) {}

    record Skill(String name, String description) {}

    record Disposition(String code, String labelEn, String labelFa, boolean solved) {}

    Future<List<Queue>> queues();

    Future<Void> saveQueue(Queue queue);

    Future<List<Skill>> skills();

    Future<Void> saveSkill(Skill skill);

    /** A user's skills with their levels (1..10), by skill name. */
    Future<java.util.Map<String, Integer>> userSkills(String username);

    /** Replaces a user's skills; unknown skills fail with {@link IllegalArgumentException}. */
    Future<Void> setUserSkills(String username, java.util.Map<String, Integer> skills);

    Future<List<Disposition>> dispositions();

    /** The question script of a queue, or of a campaign when {@code campaignId} is given. */
    Future<Optional<String>> questionScript(String queue, String campaignId);

    Future<Void> saveCampaignScript(String campaignId, String script);
}
