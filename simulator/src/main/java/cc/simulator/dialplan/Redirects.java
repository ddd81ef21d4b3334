package cc.simulator.dialplan;

import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.Pbx;
import java.util.ArrayList;
import java.util.List;

/**
 * AMI Redirect of one channel, or two with ExtraChannel, also out of a two-party bridge. Taking a party out ends
 * the bridge for the other one too (BridgeLeave x2, BridgeDestroy); a channel that runs Bridge() as its Originate's
 * application cannot be moved: it shows a Newexten of the new place with its old application and hangs up (cause
 * 16, BRIDGERESULT=SUCCESS), while the response still says the redirect worked (ami-24, ami-25).
 *
 * <p>Threading: event loop only.
 */
public final class Redirects {
    /** Where one channel goes. */
    public record Target(Channel channel, String context, String exten, int priority) {
    }

    private final Pbx pbx;
    private final DialplanExecutor executor;

    public Redirects(Pbx pbx, DialplanExecutor executor) {
        this.pbx = pbx;
        this.executor = executor;
    }

    /**
     * Moves the targets in the order given: the one that moves first reaches the new place first, which decides who
     * hears conf-onlyperson in a conference (ami-24 shows the ExtraChannel arriving first).
     */
    public void redirect(List<Target> targets) {
        List<Target> bridged = new ArrayList<>();
        List<Target> free = new ArrayList<>();
        for (Target t : targets) {
            Channel c = t.channel();
            boolean twoParty = c.inBridge() && !c.bridge().isConference();
            (twoParty ? bridged : free).add(t);
        }
        leaveBridges(bridged);
        for (Target t : targets) {
            Channel c = t.channel();
            if (!c.isAlive()) {
                continue;
            }
            if (free.contains(t)) {
                executor.redirect(c, t.context(), t.exten(), t.priority());
            } else if (!executor.exists(t.context(), t.exten())) {
                pbx.hangupAfterBadRedirect(c, t.context(), t.exten(), t.priority());
            } else {
                executor.run(c);
            }
        }
    }

    private void leaveBridges(List<Target> bridged) {
        if (bridged.isEmpty()) {
            return;
        }
        // application channels first: left as the last party of a bridge they would run their own after-bridge path
        List<Target> order = new ArrayList<>();
        for (Target t : bridged) {
            if (!t.channel().ranDialplan()) {
                order.add(t);
            }
        }
        for (Target t : bridged) {
            if (t.channel().ranDialplan()) {
                order.add(t);
            }
        }
        for (Target t : order) {
            Channel c = t.channel();
            c.bumpPbxGeneration();
            c.setDtmfListener(null);
            pbx.stopMoh(c);
            if (c.ranDialplan()) {
                // its after-bridge continuation is replaced by the new place
                c.setActivity(null);
                c.setAdvanceOnBridge(false);
            }
        }
        boolean[] moved = {false};
        Runnable moveAll = () -> {
            if (moved[0]) {
                return;
            }
            moved[0] = true;
            for (Target t : order) {
                Channel c = t.channel();
                c.setLocation(t.context(), t.exten(), t.priority());
                if (!c.ranDialplan()) {
                    pbx.newExten(c, c.app(), c.appData());
                }
            }
        };
        for (Target t : order) {
            Channel c = t.channel();
            if (c.inBridge()) {
                pbx.leaveBridge(c, moveAll);
            } else {
                moveAll.run();
            }
            if (!c.ranDialplan() && c.isAlive()) {
                c.setHangupCause(Causes.NORMAL_CLEARING);
                pbx.finish(c, false);
            }
        }
    }
}
