package cc.dialer.domain.segment;

import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.PhoneNumbers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SegmentListBuilderTest {
    private final SegmentListBuilder builder = new SegmentListBuilder(new PhoneNumbers("98", "0", "00"),
            ZoneId.of("Asia/Tehran"));

    private static SegmentListBuilder.CustomerRow row(long id, String zone, double score, String... phones) {
        return new SegmentListBuilder.CustomerRow(id, "Customer " + id, Optional.ofNullable(zone), score,
                List.of(phones));
    }

    @Test
    @DisplayName("customers become contacts in order, numbers in E.164; every customer is accounted for")
    void everyCustomerAccountedFor() {
        SegmentListBuilder.Built b = builder.build("gold", List.of(
                row(1, "Europe/London", 9, "0912 000 0001"),
                row(2, null, 8),
                row(3, null, 7, "hello", "021-5555-0003"),
                row(4, null, 6, "+98 912 000 0001"),
                row(5, null, 5, "not a number"),
                row(6, "Mars/Base", 4, "09120000006")), 0);

        assertEquals(6, b.rows());
        assertEquals(List.of("+989120000001", "+982155550003"), b.accepted().stream().map(Contact::phone).toList());
        Contact first = b.accepted().get(0);
        assertEquals("gold-1", first.id());
        assertEquals(ZoneId.of("Europe/London"), first.zone());
        assertEquals(Optional.of(1L), first.customerId());
        assertEquals(ZoneId.of("Asia/Tehran"), b.accepted().get(1).zone(), "no zone: the default");
        assertEquals(1, b.duplicates(), "customer 4 has customer 1's number");
        assertEquals(List.of(
                new SegmentListBuilder.Problem(2, "no phone number", "Customer 2 (customer 2)"),
                new SegmentListBuilder.Problem(5, "'not a number' is not a phone number", "Customer 5 (customer 5)"),
                new SegmentListBuilder.Problem(6, "unknown time zone 'Mars/Base'", "Customer 6 (customer 6)")),
                b.problems());
        assertEquals(b.rows(), b.accepted().size() + b.duplicates() + b.problems().size());
    }

    @Test
    @DisplayName("the limit stops the list once that many contacts are taken")
    void limit() {
        SegmentListBuilder.Built b = builder.build("top", List.of(row(1, null, 9, "09120000001"),
                row(2, null, 8), row(3, null, 7, "09120000003"), row(4, null, 6, "09120000004")), 2);

        assertEquals(2, b.accepted().size());
        assertEquals(3, b.rows(), "the customer without a phone was read and reported on the way");
        assertEquals(1, b.problems().size());
    }
}
