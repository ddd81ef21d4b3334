package cc.email;

import cc.core.testkit.DomainPurity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DomainPurityTest {
    @Test
    @DisplayName("email's domain packages import no framework and never read the wall clock")
    void domainIsPure() throws Exception {
        DomainPurity.assertDomainPackagesArePure();
    }
}
