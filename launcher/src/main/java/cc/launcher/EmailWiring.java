package cc.launcher;

import cc.console.app.ConsoleVerticle;
import cc.console.app.EmailCases;
import cc.core.adapter.jdbc.JdbcCustomerEmails;
import cc.email.app.ArticleSuggestions;
import cc.email.app.EmailDesk;
import cc.email.app.SenderLookup;
import cc.email.domain.Acknowledgement;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * The email module joined to the others: senders recognised from {@code customer_emails}, acknowledgements' articles
 * from the console's knowledge-base index, and the console's email panel over the email desk. Here because the
 * launcher is the one module that knows them all.
 */
final class EmailWiring {
    private static final int TIMELINE_CHARS = 300;
    private static final int SUMMARY_CHARS = 240;

    private EmailWiring() {}

    static SenderLookup senders(JdbcCustomerEmails emails) {
        return address -> emails.findByEmail(address).map(c -> c.map(x -> new SenderLookup.Sender(x.id(), x.name(),
                x.language())));
    }

    /**
     * The published knowledge-base articles that best match the customer's words: the public page's own index, so an
     * acknowledgement never quotes an unpublished article or a solved call's notes to a stranger.
     */
    static ArticleSuggestions articles(ConsoleVerticle console) {
        return (text, language, limit) -> Future.succeededFuture(limit <= 0 ? List.of()
                : console.answers().searchPublished(text, limit).stream()
                .map(r -> new Acknowledgement.Article(r.source().title(), summary(r.source().text()))).toList());
    }

    private static String summary(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= SUMMARY_CHARS ? t : t.substring(0, SUMMARY_CHARS) + "…";
    }

    static EmailCases cases(EmailDesk desk) {
        return new EmailCases() {
            @Override
            public Future<Optional<String>> holder(String interactionId) {
                return desk.holder(interactionId);
            }

            @Override
            public Future<Optional<JsonObject>> thread(String interactionId) {
                return desk.store().view(interactionId);
            }

            @Override
            public Future<Optional<File>> attachment(String interactionId, long attachmentId) {
                return desk.store().attachment(interactionId, attachmentId)
                        .map(f -> f.map(x -> new File(x.name(), x.contentType(), x.bytes())));
            }

            @Override
            public Future<JsonArray> templates(String interactionId, String agentName) {
                return desk.templates(interactionId, agentName);
            }

            @Override
            public Future<Void> reply(String interactionId, String agentId, boolean supervisor, String text) {
                return desk.reply(interactionId, agentId, supervisor, text);
            }

            @Override
            public Future<JsonArray> heldBy(String agentId) {
                return desk.store().heldBy(agentId);
            }

            @Override
            public Future<JsonArray> timeline(List<String> interactionIds) {
                return desk.store().timeline(interactionIds, TIMELINE_CHARS);
            }
        };
    }
}
