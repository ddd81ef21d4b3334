package cc.console;

import cc.core.testkit.DomainPurity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleDomainPurityTest {
    @Test
    @DisplayName("the console's domain packages import no framework and never read the wall clock")
    void domainIsPure() throws Exception {
        DomainPurity.assertDomainPackagesArePure();
    }
}
