package cc.dialer.domain.list;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactCsvImportTest {
    private final ContactCsvImport importer = new ContactCsvImport(new PhoneNumbers("98", "0", "00"),
            ZoneId.of("Asia/Tehran"));

    @Test
    @DisplayName("every bad row is named with its line number and reason; good rows become contacts")
    void validationReport() {
        String csv = String.join("\n",
                "phone,name,timezone,score,customer_id",
                "0912 345 6789,Sara Ahmadi,Asia/Tehran,0.9,17",
                "+44 20 7946 0958,\"Smith, John\",Europe/London,0.4,",
                "not-a-number,Bad Phone,,,",
                "09123456789,Same Number Again,,,",
                "0912 111 2222,Bad Zone,Mars/Olympus,,",
                "0912 111 3333,Bad Score,,high,",
                "0912 111 4444,Too,Many,Fields,1,2",
                "",
                "0912 111 5555,Bad Customer,,,x12",
                "0912 111 6666,,,,") + "\n";
        ContactCsvImport.ImportReport r = importer.read("list-a", csv);
        assertEquals(10, r.rows());
        assertEquals(r.rows(), r.accepted().size() + r.problems().size(), "nothing dropped silently");
        assertEquals(List.of("+989123456789", "+442079460958", "+989121116666"),
                r.accepted().stream().map(Contact::phone).toList());
        Contact smith = r.accepted().get(1);
        assertEquals("Smith, John", smith.name());
        assertEquals(ZoneId.of("Europe/London"), smith.zone());
        assertEquals(Optional.of(17L), r.accepted().get(0).customerId());
        assertEquals(ZoneId.of("Asia/Tehran"), r.accepted().get(2).zone(), "default zone");

        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10), r.problems().stream().map(ContactCsvImport.RowProblem::line)
                .toList());
        assertTrue(r.problems().get(0).reason().contains("not a phone number"), r.problems().get(0).reason());
        assertEquals("duplicate of line 2 (+989123456789)", r.problems().get(1).reason());
        assertTrue(r.problems().get(2).reason().contains("Mars/Olympus"));
        assertTrue(r.problems().get(3).reason().contains("score"));
        assertTrue(r.problems().get(4).reason().contains("expected 5 fields, found 6"));
        assertEquals("empty row", r.problems().get(5).reason());
        assertTrue(r.problems().get(6).reason().contains("customer_id"));
    }

    @Test
    @DisplayName("a quoted field may span lines; later rows keep their true line numbers")
    void multilineField() {
        String csv = "id,phone,name\r\na1,09120000001,\"first line\nsecond line\"\r\na2,bad,x\r\n";
        ContactCsvImport.ImportReport r = importer.read("l", csv);
        assertEquals("first line\nsecond line", r.accepted().get(0).name());
        assertEquals("a1", r.accepted().get(0).id());
        assertEquals(4, r.problems().get(0).line());
    }

    @Test
    @DisplayName("a bad header or an unclosed quote stops the import with the reason, importing nothing")
    void headerProblems() {
        ContactCsvImport.ImportReport noPhone = importer.read("l", "name,score\nA,1\n");
        assertEquals(0, noPhone.accepted().size());
        assertTrue(noPhone.problems().get(0).reason().contains("no 'phone' column"));
        ContactCsvImport.ImportReport unknown = importer.read("l", "phone,emial\n09120000001,a@b\n");
        assertTrue(unknown.problems().get(0).reason().contains("unknown column 'emial'"));
        ContactCsvImport.ImportReport open = importer.read("l", "phone,name\n09120000001,\"unclosed\n");
        assertEquals(2, open.problems().get(0).line());
        assertEquals(0, open.accepted().size());
        assertEquals(1, importer.read("l", "").problems().size());
    }

    @Test
    @DisplayName("a repeated id is reported, not overwritten")
    void duplicateIds() {
        ContactCsvImport.ImportReport r = importer.read("l", "id,phone\nx,09120000001\nx,09120000002\n");
        assertEquals(1, r.accepted().size());
        assertEquals("id 'x' already used on line 2", r.problems().get(0).reason());
    }
}
