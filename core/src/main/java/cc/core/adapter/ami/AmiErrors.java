package cc.core.adapter.ami;

import cc.core.app.telephony.TelephonyException;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.TimeoutException;

import java.io.IOException;
import java.util.Locale;

/** Turns AMI error responses and asterisk-java failures into {@link TelephonyException}s that name server and cause. */
final class AmiErrors {
    private AmiErrors() {}

    /** An AMI {@code Response: Error}: unknown channels are NO_SUCH_CHANNEL, the rest REFUSED. */
    static TelephonyException errorResponse(String server, String action, String message) {
        String text = message == null ? "(no message)" : message;
        String lower = text.toLowerCase(Locale.ROOT);
        TelephonyException.Kind kind = lower.startsWith("no such channel") || lower.contains("does not exist")
                ? TelephonyException.Kind.NO_SUCH_CHANNEL
                : TelephonyException.Kind.REFUSED;
        return new TelephonyException(kind, "AMI " + action + " on " + server + " failed: " + text);
    }

    static TelephonyException notConnected(String server, String action) {
        return new TelephonyException(TelephonyException.Kind.NOT_CONNECTED,
                "AMI " + action + " on " + server + " not sent: the link is down");
    }

    static TelephonyException lostBeforeResponse(String server, String action) {
        return new TelephonyException(TelephonyException.Kind.NOT_CONNECTED,
                "AMI " + action + " on " + server + ": the link dropped before the response");
    }

    static TelephonyException timeout(String server, String action, long millis) {
        return new TelephonyException(TelephonyException.Kind.TIMEOUT,
                "AMI " + action + " on " + server + ": no response within " + millis + " ms");
    }

    /** A failed login attempt, with the address and user so the operator sees which configuration is wrong. */
    static TelephonyException loginFailure(AmiServerConfig config, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof AuthenticationFailedException)) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (cause instanceof AuthenticationFailedException) {
            return new TelephonyException(TelephonyException.Kind.REFUSED,
                    "AMI login to " + config.describe() + " refused: " + detail);
        }
        if (cause instanceof TimeoutException) {
            return new TelephonyException(TelephonyException.Kind.TIMEOUT,
                    "AMI login to " + config.describe() + " timed out: " + detail);
        }
        if (cause instanceof IOException) {
            return new TelephonyException(TelephonyException.Kind.NOT_CONNECTED,
                    "AMI connection to " + config.describe() + " failed: " + detail);
        }
        return new TelephonyException(TelephonyException.Kind.NOT_CONNECTED,
                "AMI login to " + config.describe() + " failed: " + detail);
    }
}
