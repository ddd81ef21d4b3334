package cc.console.adapter.http;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * How the console's API reads a request's JSON body and answers: the JSON error shape, and what a failure becomes
 * (a bus reply's status, the database away as 503, a value the database refuses as 400 or 409, anything else 500).
 * Static, shared by every {@code *Web} class of the API.
 */
final class ApiReplies {
    private static final Logger log = LoggerFactory.getLogger(ApiReplies.class);

    private ApiReplies() {
    }

    /**
     * The request's JSON object without its null members, or null after answering 400/415. JSON only: a cross-site
     * HTML form cannot send {@code application/json} without the browser's CORS preflight, which this server never
     * grants.
     */
    static JsonObject body(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            fail(rc, 415, "send Content-Type: application/json");
            return null;
        }
        try {
            JsonObject b = rc.body().asJsonObject();
            if (b == null) {
                fail(rc, 400, "send a JSON object");
                return null;
            }
            // a member sent as null is one not sent: the handlers' defaults apply (getString(key, default) gives
            // null for a null member, which a handler would meet later, inside a callback, and never answer)
            b.getMap().values().removeIf(java.util.Objects::isNull);
            if (holdsNul(b)) {
                // PostgreSQL stores no NUL in text: refused here rather than failed at the write
                fail(rc, 400, "text may not contain the NUL character (\\u0000)");
                return null;
            }
            return b;
        } catch (DecodeException | ClassCastException e) {
            fail(rc, 400, "the body is not a JSON object");
            return null;
        }
    }

    /** Whether any string in the JSON value (member names included) holds U+0000. */
    static boolean holdsNul(Object v) {
        if (v instanceof String) {
            return ((String) v).indexOf('\u0000') >= 0;
        }
        if (v instanceof JsonObject) {
            for (java.util.Map.Entry<String, Object> e : (JsonObject) v) {
                if (e.getKey().indexOf('\u0000') >= 0 || holdsNul(e.getValue())) {
                    return true;
                }
            }
        } else if (v instanceof io.vertx.core.json.JsonArray) {
            for (Object item : (io.vertx.core.json.JsonArray) v) {
                if (holdsNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static long longParam(RoutingContext rc, String name) {
        try {
            return Long.parseLong(rc.pathParam(name));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void json(RoutingContext rc, int status, JsonObject body) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(body.encode());
    }

    /**
     * A NUL character (%00) in the address reached PostgreSQL as a text parameter and came back as a 500 ("invalid
     * byte sequence for encoding UTF8: 0x00", found by fuzzing); no id, name or filter of ours holds one.
     */
    static void refuseNul(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.indexOf('\0') >= 0 || uri.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            fail(rc, 400, "the address holds a NUL character (%00)");
            return;
        }
        rc.next();
    }

    static void fail(RoutingContext rc, int status, String message) {
        json(rc, status, new JsonObject().put("error", message));
    }

    /**
     * Whether {@code e} says the database could not be reached or dropped the connection (SQL state class 08, or the
     * pool found no connection in time), as opposed to a refused statement, which is a bug and stays a 500.
     */
    static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The database's refusal of a request's values, as the client's mistake: the status and what to tell. */
    record Refused(int status, String message) {}

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Key \\(([^)]+)\\)=");

    /**
     * What the database said of a value it cannot store, as the client's mistake: a text longer than its column, a
     * character it cannot hold (SQL states 22001, 22021, 22P05: 400), a value another row already has where it must
     * be unique (23505: 409, naming the field when the database does); null for any other failure. A handler should
     * check such limits itself; this is the net under the ones it does not.
     */
    static Refused refusedByTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                String state = ((java.sql.SQLException) t).getSQLState();
                if ("22001".equals(state)) {
                    return new Refused(400, "a value is longer than its field allows");
                }
                if ("22021".equals(state) || "22P05".equals(state)) {
                    return new Refused(400, "a value holds a character that cannot be stored");
                }
                if ("23505".equals(state)) {
                    java.util.regex.Matcher m = DUPLICATE_KEY.matcher(String.valueOf(t.getMessage()));
                    return new Refused(409, m.find() ? "another record already has this " + m.group(1)
                            : "another record already has one of these values");
                }
            }
        }
        return null;
    }

    static void error(RoutingContext rc, Throwable e) {
        Refused refused = refusedByTheDatabase(e);
        if (e instanceof ReplyException r) {
            if (r.failureType() == ReplyFailure.NO_HANDLERS) {
                fail(rc, 503, "the service behind this request is not running");
            } else if (r.failureType() == ReplyFailure.TIMEOUT) {
                fail(rc, 504, "no answer in time");
            } else {
                int code = r.failureCode();
                fail(rc, code >= 400 && code < 600 ? code : 409, String.valueOf(r.getMessage()));
            }
        } else if (databaseAway(e)) {
            // said as what it is, so the console shows why the action did not happen instead of "internal error"
            fail(rc, 503, "the database is not answering; this cannot be done until it is back (calls go on, and "
                    + "what they leave is written once it returns)");
        } else if (e instanceof IllegalArgumentException) {
            fail(rc, 400, e.getMessage());
        } else if (refused != null) {
            fail(rc, refused.status(), refused.message());
        } else if (e instanceof IllegalStateException) {
            fail(rc, 409, e.getMessage());
        } else {
            log.warn("console request {} {} failed", rc.request().method(), rc.request().path(), e);
            fail(rc, 500, "internal error");
        }
    }
}
