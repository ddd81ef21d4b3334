package cc.simulator.calls;

import cc.simulator.ami.AmiMessage;
import cc.simulator.channel.Bridge;
import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.Location;
import cc.simulator.channel.Pbx;
import cc.simulator.dialplan.DialplanExecutor;

/**
 * Blind transfer (AMI {@code BlindTransfer}, ami-22): the transferer's bridge peer leaves the bridge into a new
 * extension and the transferer is hung up.
 *
 * <p>Threading: event loop only.
 */
public final class Transfers {
    private final Pbx pbx;
    private final DialplanExecutor executor;

    public Transfers(Pbx pbx, DialplanExecutor executor) {
        this.pbx = pbx;
        this.executor = executor;
    }

    /** Who a blind transfer of {@code transferer} would move: its one bridge peer, or null when it has none. */
    public Channel transfereeOf(Channel transferer) {
        Bridge br = transferer.bridge();
        if (br == null || transferer.hangupRequested()) {
            return null;
        }
        for (Channel c : br.members()) {
            if (c != transferer && c.isAlive()) {
                return c;
            }
        }
        return null;
    }

    /** The refused transfer's event: only the transferer, {@code Result: Invalid} (ami-22). */
    public void refused(Channel transferer, String context, String exten) {
        AmiMessage m = AmiMessage.event("BlindTransfer", "call,all").add("Result", "Invalid");
        Pbx.appendChannel(m, "Transferer", transferer);
        pbx.emit(m.add("IsExternal", "Yes").add("Context", context).add("Extension", exten));
    }

    /**
     * Carries out the transfer, in the recorded order: Unhold on the transferer, BLINDTRANSFER on both, the
     * BlindTransfer event, the transferee leaves the bridge (which ends it for the transferer too), the transferer
     * hangs up with cause 16 and the transferee runs {@code exten@context} from priority 1.
     */
    public void blindTransfer(Channel transferer, Channel transferee, String context, String exten) {
        pbx.counters().inc("transfers.blind");
        pbx.emit(Pbx.channelEvent("Unhold", "call,all", transferer));
        pbx.setVar(transferer, "BLINDTRANSFER", transferee.name());
        pbx.setVar(transferee, "BLINDTRANSFER", transferer.name());
        Bridge br = transferer.bridge();
        AmiMessage m = AmiMessage.event("BlindTransfer", "call,all").add("Result", "Success");
        Pbx.appendChannel(m, "Transferer", transferer);
        Pbx.appendChannel(m, "Transferee", transferee);
        Pbx.appendBridge(m, br, br.members().size());
        pbx.emit(m.add("IsExternal", "Yes").add("Context", context).add("Extension", exten));

        // the transferee keeps the after-bridge location it had: when the transferred call's bridge ends it goes on
        // there, not after the transfer extension (ami-22: s,4@cc-hold). A channel pulled into a bridge already shows
        // the priority after the one it was on; a Dial() caller still shows its Dial.
        if (transferee.ranDialplan()) {
            int after = "Dial".equalsIgnoreCase(transferee.app()) ? transferee.priority() + 1 : transferee.priority();
            transferee.setAfterBridgeGoto(new Location(transferee.context(), transferee.exten(), after));
        }
        transferee.bumpPbxGeneration();
        transferee.setActivity(null);

        // whatever the transferer ran (Bridge(), a Dial) is over: it is hung up as soon as the bridge ends
        transferer.bumpPbxGeneration();
        boolean bridgeApp = "Bridge".equalsIgnoreCase(transferer.app());
        transferer.setActivity(new Pbx.BridgedActivity(() -> {
            if (!transferer.isAlive()) {
                return;
            }
            if (bridgeApp) {
                pbx.setVar(transferer, "BRIDGERESULT", "SUCCESS");
            }
            transferer.setHangupCause(Causes.NORMAL_CLEARING);
            pbx.finish(transferer, false);
        }));
        pbx.leaveBridge(transferee, new Location(context, exten, 1));
        executor.run(transferee);
    }
}
