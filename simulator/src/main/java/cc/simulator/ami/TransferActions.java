package cc.simulator.ami;

import cc.simulator.calls.Transfers;
import cc.simulator.channel.Channel;
import cc.simulator.channel.Pbx;
import cc.simulator.dialplan.DialplanExecutor;

/**
 * The transfer manager actions ({@code BlindTransfer}), answered with Asterisk 22's wording: the response comes
 * before any of the transfer's events (ami-22).
 *
 * <p>Threading: event loop only.
 */
final class TransferActions {
    private final Pbx pbx;
    private final Transfers transfers;

    TransferActions(Pbx pbx, DialplanExecutor executor) {
        this.pbx = pbx;
        this.transfers = new Transfers(pbx, executor);
    }

    void blindTransfer(AmiSession s, AmiMessage m, String id) {
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No channel specified"));
            return;
        }
        String exten = m.get("Exten");
        if (exten == null || exten.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No extension specified"));
            return;
        }
        Channel ch = pbx.find(name);
        if (ch == null) {
            s.write(AmiMessage.response("Error", id).add("Message", "Channel specified does not exist"));
            return;
        }
        String context = m.get("Context");
        if (context == null || context.isEmpty()) {
            String transferContext = ch.var("TRANSFER_CONTEXT");
            context = transferContext == null || transferContext.isEmpty() ? ch.context() : transferContext;
        }
        Channel transferee = transfers.transfereeOf(ch);
        if (transferee == null) {
            s.write(AmiMessage.response("Error", id).add("Message", "Transfer invalid"));
            transfers.refused(ch, context, exten);
            return;
        }
        s.write(AmiMessage.response("Success", id).add("Message", "Transfer succeeded"));
        transfers.blindTransfer(ch, transferee, context, exten);
    }
}
