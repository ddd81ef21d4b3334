package cc.dialer.domain.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignStatusTest {
    @Test
    @DisplayName("start, pause and stop move a campaign only where the manager can expect it")
    void transitions() {
        assertEquals(Optional.of(CampaignStatus.RUNNING), CampaignStatus.DRAFT.after("START"));
        assertEquals(Optional.of(CampaignStatus.PAUSED), CampaignStatus.RUNNING.after("PAUSE"));
        assertEquals(Optional.of(CampaignStatus.RUNNING), CampaignStatus.PAUSED.after("START"));
        assertEquals(Optional.of(CampaignStatus.RUNNING), CampaignStatus.FINISHED.after("START"));
        assertEquals(Optional.of(CampaignStatus.STOPPED), CampaignStatus.PAUSED.after("STOP"));
        assertEquals(Optional.empty(), CampaignStatus.RUNNING.after("START"));
        assertEquals(Optional.empty(), CampaignStatus.DRAFT.after("PAUSE"));
        assertEquals(Optional.empty(), CampaignStatus.STOPPED.after("START"), "stopped is for good");
        assertEquals(Optional.empty(), CampaignStatus.STOPPED.after("STOP"));
        assertEquals(Optional.empty(), CampaignStatus.DRAFT.after("RESUME"));
        assertFalse(CampaignStatus.RUNNING.editable());
        assertTrue(CampaignStatus.PAUSED.editable());
    }
}
