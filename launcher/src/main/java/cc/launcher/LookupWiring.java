package cc.launcher;

import cc.console.app.PopLookups;
import cc.integration.lookup.LookupSettings;
import cc.integration.lookup.LookupVerticle;
import cc.integration.lookup.adapter.http.HttpLookupClient;
import cc.integration.lookup.domain.LookupDefinition;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.InstantSource;

/**
 * Lookups into other systems, wired: the lookup verticle when any lookup is configured, and the pop's lookups with
 * the labels of {@code config/lookups.yaml} handed to the console (which knows the lookups only by the event bus).
 */
final class LookupWiring {
    private LookupWiring() {}

    /** Deploys the lookup verticle; nothing when no lookup is configured. */
    static Future<Void> start(Vertx vertx, LookupSettings settings) {
        if (settings.lookups().isEmpty()) {
            return Future.succeededFuture();
        }
        return vertx.deployVerticle(new LookupVerticle(settings, v -> new HttpLookupClient(v, InstantSource.system())))
                .mapEmpty();
    }

    /** The lookups the pop shows, in the configured order, with their headings and columns. */
    static PopLookups pop(LookupSettings settings) {
        return new PopLookups(settings.pop().budget(), settings.pop().show().stream()
                .map(name -> shown(settings.find(name).orElseThrow())).toList());
    }

    private static PopLookups.Shown shown(LookupDefinition d) {
        return new PopLookups.Shown(d.name(), d.title().en(), d.title().fa(), d.fields().stream()
                .map(f -> new PopLookups.Column(f.key(), f.en(), f.fa())).toList());
    }
}
