package cc.simulator.channel;

/** Q.850 hangup causes and the Cause-txt Asterisk prints for them. */
public final class Causes {
    public static final int UNKNOWN = 0;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_ANSWER = 19;
    public static final int CALL_REJECTED = 21;
    public static final int ANSWERED_ELSEWHERE = 26;
    public static final int CONGESTION = 34;

    private Causes() {
    }

    public static String text(int cause) {
        switch (cause) {
            case 1: return "Unallocated (unassigned) number";
            case 16: return "Normal Clearing";
            case 17: return "User busy";
            case 18: return "No user responding";
            case 19: return "User alerting, no answer";
            case 21: return "Call Rejected";
            case 26: return "Answered elsewhere";
            case 27: return "Destination out of order";
            case 31: return "Normal, unspecified";
            case 34: return "Circuit/channel congestion";
            case 38: return "Network out of order";
            case 41: return "Temporary failure";
            default: return "Unknown";
        }
    }
}
