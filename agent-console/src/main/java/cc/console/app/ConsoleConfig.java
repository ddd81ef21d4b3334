package cc.console.app;

import cc.console.domain.dialing.DialRules;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the console runs.
 *
 * @param secureCookies      mark the session cookie Secure (true behind HTTPS; false only for plain-HTTP labs)
 * @param zone               the organisation's time zone for dates shown to users
 * @param firstAdminUser     the admin created at start when there is none (from configuration)
 * @param firstAdminPassword that admin's password, from the environment ({@value #ADMIN_PASSWORD_ENV}); empty to
 *                           create none. Never stored anywhere but as a hash.
 * @param sessionIdle        how long a session lives without requests
 * @param telephonyServer    the telephony server that rings users' phones for click-to-dial and listening in
 * @param outboundContext    the dialplan context click-to-dial sends the answered agent phone to
 * @param dialRules          the numbers click-to-dial may call
 * @param sessionLifetime    the longest a session lives after sign-in, however busy (the absolute timeout)
 */
public record ConsoleConfig(boolean secureCookies, ZoneId zone, String firstAdminUser, String firstAdminPassword,
                            Duration sessionIdle, String telephonyServer, String outboundContext, DialRules dialRules,
                            Duration sessionLifetime) {
    public static final String ADMIN_USER_ENV = "CC_CONSOLE_ADMIN_USER";
    public static final String ADMIN_PASSWORD_ENV = "CC_CONSOLE_ADMIN_PASSWORD";
    /** {@code false} drops the Secure cookie flag, for plain-HTTP labs only. */
    public static final String SECURE_COOKIES_ENV = "CC_CONSOLE_SECURE_COOKIES";

    public ConsoleConfig {
        Objects.requireNonNull(zone, "zone");
        firstAdminUser = firstAdminUser == null || firstAdminUser.isBlank() ? "admin" : firstAdminUser;
        firstAdminPassword = firstAdminPassword == null ? "" : firstAdminPassword;
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        telephonyServer = telephonyServer == null ? "" : telephonyServer;
        outboundContext = outboundContext == null || outboundContext.isBlank() ? "outbound" : outboundContext;
        Objects.requireNonNull(dialRules, "dialRules");
        sessionLifetime = sessionLifetime == null ? Sessions.DEFAULT_LIFETIME : sessionLifetime;
    }

    /** With the default absolute timeout ({@link Sessions#DEFAULT_LIFETIME}). */
    public ConsoleConfig(boolean secureCookies, ZoneId zone, String firstAdminUser, String firstAdminPassword,
                         Duration sessionIdle, String telephonyServer, String outboundContext, DialRules dialRules) {
        this(secureCookies, zone, firstAdminUser, firstAdminPassword, sessionIdle, telephonyServer, outboundContext,
                dialRules, Sessions.DEFAULT_LIFETIME);
    }

    /** The same with the sessions' idle and absolute timeouts ({@code console.sessionIdle}, {@code .sessionLifetime}). */
    public ConsoleConfig withSessions(Duration idle, Duration lifetime) {
        return new ConsoleConfig(secureCookies, zone, firstAdminUser, firstAdminPassword, idle, telephonyServer,
                outboundContext, dialRules, lifetime);
    }

    /** Defaults, with the first admin and the cookie flag taken from the environment. */
    public static ConsoleConfig fromEnvironment() {
        String secure = System.getenv(SECURE_COOKIES_ENV);
        if (secure != null && !secure.equals("true") && !secure.equals("false")) {
            throw new IllegalArgumentException(SECURE_COOKIES_ENV + " must be true or false, was '" + secure + "'");
        }
        return new ConsoleConfig(!"false".equals(secure), ZoneId.of("Asia/Tehran"), System.getenv(ADMIN_USER_ENV),
                System.getenv(ADMIN_PASSWORD_ENV), Duration.ofHours(10), "", "outbound", DialRules.iran());
    }

    @Override
    public String toString() {
        return "ConsoleConfig[secureCookies=" + secureCookies + ", zone=" + zone + ", firstAdminUser=" + firstAdminUser
                + ", firstAdminPassword=" + (firstAdminPassword.isEmpty() ? "" : "***") + ", sessionIdle=" + sessionIdle
                + ", sessionLifetime=" + sessionLifetime
                + ", telephonyServer=" + telephonyServer + ", outboundContext=" + outboundContext + "]";
    }
}
