package cc.core.adapter.ami;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariableFilterTest {

    @Test
    @DisplayName("only the configured variable names and CC_ prefix become VariableSet events")
    void defaults() {
        VariableFilter f = VariableFilter.defaults();
        assertTrue(f.accepts("AMDSTATUS"));
        assertTrue(f.accepts("AMDCAUSE"));
        assertTrue(f.accepts("CC_LEAD"));
        assertFalse(f.accepts("QUEUENAME"));
        assertFalse(f.accepts("AMDSTATUSX"));
        assertFalse(f.accepts(null));
    }

    @Test
    @DisplayName("patterns are trimmed and empty ones ignored")
    void patterns() {
        VariableFilter f = VariableFilter.of(List.of(" IVR_* ", "", "ACCOUNT"));
        assertTrue(f.accepts("IVR_CHOICE"));
        assertTrue(f.accepts("ACCOUNT"));
        assertFalse(f.accepts("ACCOUNTCODE"));
        assertFalse(f.accepts(""));
    }
}
