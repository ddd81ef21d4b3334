package cc.core.adapter.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI actions Asterisk 22 has and asterisk-java does not: the library writes each bean property as a header, in the
 * names Asterisk expects (traces ami-22 and ami-23). Public only because the library reads them by reflection.
 */
public final class AmiCallControlActions {
    private AmiCallControlActions() {}

    /** {@code BlindTransfer}: Channel (the transferer), Context, Exten. */
    public static final class BlindTransfer extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private final String channel;
        private final String context;
        private final String exten;

        BlindTransfer(String channel, String context, String exten) {
            this.channel = channel;
            this.context = context;
            this.exten = exten;
        }

        @Override
        public String getAction() {
            return "BlindTransfer";
        }

        public String getChannel() {
            return channel;
        }

        public String getContext() {
            return context;
        }

        public String getExten() {
            return exten;
        }
    }

    /** {@code CancelAtxfer}: Channel (the transferer). */
    public static final class CancelAtxfer extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private final String channel;

        CancelAtxfer(String channel) {
            this.channel = channel;
        }

        @Override
        public String getAction() {
            return "CancelAtxfer";
        }

        public String getChannel() {
            return channel;
        }
    }
}
