package cc.console.domain.backoffice;

import cc.core.domain.customer.CustomerProfile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerInputTest {

    private static String reason(CustomerInput.Result r) {
        return assertInstanceOf(CustomerInput.Invalid.class, r).reason();
    }

    @Test
    @DisplayName("a JSON customer becomes a profile: Persian digits to ASCII, addresses in lower case, fa by default")
    void json() {
        CustomerInput.Result r = CustomerInput.fromMap("crm", Optional.of("C-1"), Map.of("name", " مریم ",
                "phones", List.of("۰۹۱۲ ۱۱۱ ۲۲۳۳"), "emails", List.of("M@X.IR")));
        CustomerProfile p = assertInstanceOf(CustomerInput.Valid.class, r).profile();
        assertEquals(new CustomerProfile("crm", "C-1", "مریم", List.of("0912 111 2233"), List.of("m@x.ir"), "", "fa",
                "", ""), p);
        assertEquals("C-9", assertInstanceOf(CustomerInput.Valid.class, CustomerInput.fromMap("crm", Optional.empty(),
                Map.of("externalId", "C-9", "name", "x"))).profile().externalId());
    }

    @Test
    @DisplayName("every refusal names its field")
    void refusals() {
        assertTrue(reason(CustomerInput.fromMap("crm", Optional.of("C-1"), Map.of("nmae", "x"))).startsWith("nmae:"));
        assertTrue(reason(CustomerInput.fromMap("crm", Optional.of("C-1"), Map.of("name", ""))).startsWith("name:"));
        assertTrue(reason(CustomerInput.fromMap("crm", Optional.of("C-1"), Map.of("name", "x", "phones", "0912")))
                .startsWith("phones:"));
        assertTrue(reason(CustomerInput.fromMap("crm", Optional.of("C-1"), Map.of("name", "x", "emails",
                List.of("nobody")))).startsWith("emails:"));
        assertTrue(reason(CustomerInput.fromMap("crm", Optional.of("C-1"), Map.of("name", "x", "timeZone",
                "Tehran"))).startsWith("timeZone:"));
        assertTrue(reason(CustomerInput.fromMap("c rm", Optional.of("C-1"), Map.of("name", "x"))).startsWith("source:"));
        assertTrue(reason(CustomerInput.fromMap("crm", Optional.of("C-1"), Map.of("name", "x", "externalId", "C-2")))
                .startsWith("externalId:"));
        assertTrue(reason(CustomerInput.fromMap("crm", Optional.empty(), Map.of("name", "x")))
                .startsWith("externalId:"));
    }

    @Test
    @DisplayName("a CSV line under its header: quoted commas kept, phones split on ';'; a wrong header is refused")
    void csv() {
        List<String> header = List.of("externalId", "name", "phones");
        CustomerProfile p = assertInstanceOf(CustomerInput.Valid.class, CustomerInput.fromCsv("erp", header,
                CsvLine.split("E-1,\"Karimi, \"\"Maryam\"\"\",0912 111 2233; 021-8877"))).profile();
        assertEquals("Karimi, \"Maryam\"", p.name());
        assertEquals(List.of("0912 111 2233", "021-8877"), p.phones());
        assertTrue(reason(CustomerInput.fromCsv("erp", header, List.of("E-1", "x"))).contains("fields"));
        assertTrue(CustomerInput.checkHeader(List.of("externalId", "mobile")).orElseThrow().contains("mobile"));
        assertTrue(CustomerInput.checkHeader(List.of("externalId", "phones")).orElseThrow().contains("name"));
        assertTrue(CustomerInput.checkHeader(header).isEmpty());
    }
}
