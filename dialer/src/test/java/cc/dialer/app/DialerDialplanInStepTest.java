package cc.dialer.app;

import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.dialplan.Dialplan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The simulator's built-in dialplan (what the demo and the whole-server tests run) is the shipped dialer.conf. */
class DialerDialplanInStepTest {
    @Test
    @DisplayName("the simulator's cc-dialer and cc-dialer-abandon are config/asterisk/dialer.conf step for step")
    void inStep() throws Exception {
        Dialplan.Builder shipped = Dialplan.builder();
        DialplanFile.addContexts(shipped, Path.of("../config/asterisk/dialer.conf"),
                Set.of(CampaignSettings.DIALER_CONTEXT, CampaignSettings.ABANDON_CONTEXT));
        Dialplan file = shipped.build();
        Dialplan simulator = DefaultDialplan.create("127.0.0.1", 4573, "main");
        for (String context : Set.of(CampaignSettings.DIALER_CONTEXT, CampaignSettings.ABANDON_CONTEXT)) {
            assertEquals(file.find(context, "s").steps(), simulator.find(context, "s").steps(), context);
        }
    }
}
