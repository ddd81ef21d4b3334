package cc.core.adapter.jdbc;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.report.StateSpell;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;

/**
 * Writes generated call history with batched inserts, on PostgreSQL or H2 (the demo's embedded database):
 * interactions with their segments and IVR steps, and agent state spells ({@code acd_agent_state_spell}). For
 * millions of rows on PostgreSQL, {@link PostgresCallCopier} is much faster.
 *
 * <p>Threading: as {@link Database}; each call is one transaction.
 */
public final class JdbcCallHistoryLoader {
    private final Database db;

    public JdbcCallHistoryLoader(Database db) {
        this.db = db;
    }

    public Future<Void> load(List<Interaction> calls, List<StateSpell> spells) {
        return db.inTransaction(c -> {
            try (PreparedStatement ins = c.prepareStatement("insert into interactions (" + JdbcInteractionStore.COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement seg = c.prepareStatement("insert into interaction_segments (interaction_id, seq,"
                         + " kind, started_at, ended_at, agent_id, queue, flow, outcome, detail)"
                         + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement step = c.prepareStatement("insert into interaction_ivr_steps (interaction_id, seq,"
                         + " node, input, at) values (?, ?, ?, ?, ?)");
                 PreparedStatement spell = c.prepareStatement("insert into acd_agent_state_spell (agent_id, state,"
                         + " reason, call_id, started_at, ended_at) values (?, ?, ?, '', ?, ?)")) {
                for (Interaction i : calls) {
                    int n = 1;
                    ins.setString(n++, i.id());
                    ins.setString(n++, i.channel().name().toLowerCase(java.util.Locale.ROOT));
                    ins.setString(n++, i.direction().name().toLowerCase(java.util.Locale.ROOT));
                    ins.setString(n++, i.server());
                    ins.setString(n++, i.callId());
                    ins.setString(n++, i.callerNumber());
                    ins.setString(n++, i.callerName());
                    ins.setString(n++, i.dialedNumber());
                    ins.setObject(n++, JdbcInteractionStore.timestamp(i.offeredAt()));
                    ins.setObject(n++, i.answeredAt().map(JdbcInteractionStore::timestamp).orElse(null));
                    ins.setObject(n++, i.endedAt().map(JdbcInteractionStore::timestamp).orElse(null));
                    ins.setString(n++, i.queue().orElse(null));
                    ins.setString(n++, i.agentId().orElse(null));
                    ins.setString(n++, i.disposition().orElse(null));
                    ins.setString(n++, i.notes());
                    ins.setString(n++, i.endCause());
                    ins.setObject(n++, i.customerId().orElse(null), Types.BIGINT);
                    ins.setString(n++, i.campaignId().orElse(null));
                    ins.setObject(n++, i.satisfaction().orElse(null), Types.SMALLINT);
                    ins.setObject(n++, i.agentAnsweredAt().map(JdbcInteractionStore::timestamp).orElse(null));
                    ins.setString(n++, String.join(",", i.handledBy()));
                    ins.setString(n++, i.abandonedWhere().orElse(null));
                    ins.setBoolean(n, i.segmentsKept());
                    ins.addBatch();
                    int seq = 0;
                    for (Segment s : i.segments()) {
                        seg.setString(1, i.id());
                        seg.setInt(2, seq++);
                        seg.setString(3, s.kind().wireName());
                        seg.setObject(4, JdbcInteractionStore.timestamp(s.startedAt()));
                        seg.setObject(5, s.endedAt().map(JdbcInteractionStore::timestamp).orElse(null));
                        seg.setString(6, s.agentId());
                        seg.setString(7, s.queue());
                        seg.setString(8, s.flow());
                        seg.setString(9, s.outcome());
                        seg.setString(10, s.detail());
                        seg.addBatch();
                    }
                    seq = 0;
                    for (IvrStep v : i.ivrPath()) {
                        step.setString(1, i.id());
                        step.setInt(2, seq++);
                        step.setString(3, v.node());
                        step.setString(4, v.input());
                        step.setObject(5, JdbcInteractionStore.timestamp(v.at()));
                        step.addBatch();
                    }
                }
                ins.executeBatch();
                seg.executeBatch();
                step.executeBatch();
                for (StateSpell s : spells) {
                    spell.setString(1, s.agentId());
                    spell.setString(2, s.state());
                    spell.setString(3, s.reason());
                    spell.setObject(4, JdbcInteractionStore.timestamp(s.start()));
                    spell.setObject(5, s.end().map(JdbcInteractionStore::timestamp).orElse(null));
                    spell.addBatch();
                }
                spell.executeBatch();
            }
            // calls written past the interaction store: their customers' opportunities are counted again
            JdbcSalesEffort.forget(c, calls.stream().flatMap(i -> i.customerId().stream()).toList());
            return null;
        });
    }
}
