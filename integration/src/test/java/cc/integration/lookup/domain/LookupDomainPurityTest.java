package cc.integration.lookup.domain;

import cc.core.testkit.DomainPurity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LookupDomainPurityTest {
    @Test
    @DisplayName("the integration module's domain packages (lookup definitions, URL templates, rows, reasons) import no framework and never read the wall clock")
    void domainIsPure() throws Exception {
        DomainPurity.assertDomainPackagesArePure();
    }
}
