package cc.console.domain.dialing;

import cc.console.domain.i18n.PersianDigits;
import cc.core.domain.dialing.DialDecision;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.dialing.DialPlanConfig;
import cc.core.domain.dialing.DialRequest;
import cc.core.domain.dialing.NumberClass;
import cc.core.domain.dialing.NumberPattern;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which numbers click-to-dial and callbacks may call: core's {@link DialPermissions}, the same rules the dialer
 * applies, after turning Persian digits into ASCII. Line caps are the dialer's business: the console asks with no
 * lines in use, and the dialer applies the caps when it places a callback.
 */
public final class DialRules {
    private final DialPermissions permissions;

    public DialRules(DialPlanConfig config) {
        this.permissions = new DialPermissions(config);
    }

    /** Iranian mobiles and landlines; premium (0909), emergency and international numbers refused. */
    public static DialRules iran() {
        return new DialRules(new DialPlanConfig("98", "0", "00", NumberPattern.iran(),
                Set.of(NumberClass.MOBILE, NumberClass.LANDLINE), false, Set.of(), Integer.MAX_VALUE, Map.of(),
                Integer.MAX_VALUE));
    }

    /** The decision for an agent's click-to-dial or callback, with the digits to dial when allowed. */
    public DialDecision check(String number, String requestedBy, Instant at) {
        return permissions.check(new DialRequest(PersianDigits.toAscii(number == null ? "" : number.strip()),
                Optional.empty(), requestedBy, 0, 0, at));
    }
}
