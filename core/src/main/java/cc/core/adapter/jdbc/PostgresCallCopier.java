package cc.core.adapter.jdbc;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.report.StateSpell;
import io.vertx.core.Future;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes call history in bulk into PostgreSQL with COPY (generated history, for benchmarks, tests and the demo):
 * interactions with their segments and IVR steps, and agent state spells ({@code acd_agent_state_spell}, the ACD's
 * table). Tens of thousands of rows a second where one insert per row manages a few thousand. PostgreSQL only.
 *
 * <p>Threading: as {@link Database}; each call is one transaction on a pooled connection.
 */
public final class PostgresCallCopier {
    private final Database db;

    public PostgresCallCopier(Database db) {
        if (!db.isPostgres()) {
            throw new IllegalArgumentException("COPY needs PostgreSQL, not " + db.url());
        }
        this.db = db;
    }

    /** Writes the calls (with segments and IVR steps) and the spells in one transaction; completes with the rows. */
    public Future<Long> copy(List<Interaction> calls, List<StateSpell> spells) {
        return db.inTransaction(c -> {
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            StringBuilder interactions = new StringBuilder(calls.size() * 200);
            StringBuilder segments = new StringBuilder(calls.size() * 400);
            StringBuilder steps = new StringBuilder(calls.size() * 150);
            for (Interaction i : calls) {
                row(interactions, i.id(), i.channel().name().toLowerCase(Locale.ROOT),
                        i.direction().name().toLowerCase(Locale.ROOT), i.server(), i.callId(), i.callerNumber(),
                        i.callerName(), i.dialedNumber(), ts(i.offeredAt()), i.answeredAt().map(Instant::toString)
                                .orElse(null), i.endedAt().map(Instant::toString).orElse(null), i.queue().orElse(null),
                        i.agentId().orElse(null), i.disposition().orElse(null), i.notes(), i.endCause(),
                        i.customerId().map(String::valueOf).orElse(null), i.campaignId().orElse(null),
                        i.satisfaction().map(String::valueOf).orElse(null), i.agentAnsweredAt().map(Instant::toString)
                                .orElse(null), String.join(",", i.handledBy()), i.abandonedWhere().orElse(null),
                        String.valueOf(i.segmentsKept()));
                int seq = 0;
                for (Segment s : i.segments()) {
                    row(segments, i.id(), String.valueOf(seq++), s.kind().wireName(), ts(s.startedAt()),
                            s.endedAt().map(Instant::toString).orElse(null), s.agentId(), s.queue(), s.flow(),
                            s.outcome(), s.detail());
                }
                seq = 0;
                for (IvrStep v : i.ivrPath()) {
                    row(steps, i.id(), String.valueOf(seq++), v.node(), v.input(), ts(v.at()));
                }
            }
            StringBuilder spellRows = new StringBuilder(spells.size() * 100);
            for (StateSpell s : spells) {
                row(spellRows, s.agentId(), s.state(), s.reason(), "", ts(s.start()),
                        s.end().map(Instant::toString).orElse(null));
            }
            // calls written past the interaction store: their customers' opportunities are counted again
            JdbcSalesEffort.forget(c, calls.stream().flatMap(i -> i.customerId().stream()).toList());
            try {
                return copy.copyIn("copy interactions (" + JdbcInteractionStore.COLUMNS + ") from stdin",
                        new StringReader(interactions.toString()))
                        + copy.copyIn("copy interaction_segments (interaction_id, seq, kind, started_at, ended_at,"
                        + " agent_id, queue, flow, outcome, detail) from stdin", new StringReader(segments.toString()))
                        + copy.copyIn("copy interaction_ivr_steps (interaction_id, seq, node, input, at) from stdin",
                        new StringReader(steps.toString()))
                        + copy.copyIn("copy acd_agent_state_spell (agent_id, state, reason, call_id, started_at,"
                        + " ended_at) from stdin", new StringReader(spellRows.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), e);
            }
        });
    }

    private static String ts(Instant at) {
        return at.toString();
    }

    /** One line of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    private static void row(StringBuilder out, String... values) {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.append('\t');
            }
            String v = values[k];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}
