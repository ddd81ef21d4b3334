package cc.dialer.domain.list;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewReservationsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final PreviewReservations desk = new PreviewReservations(Duration.ofMinutes(2));

    @Test
    @DisplayName("two agents never get the same record; an agent asking again gets the one they hold")
    void oneRecordOneAgent() {
        assertEquals("c1", desk.take("a1", List.of("c1", "c2"), T0).orElseThrow().contactId());
        assertEquals("c2", desk.take("a2", List.of("c1", "c2"), T0).orElseThrow().contactId());
        assertEquals("c1", desk.take("a1", List.of("c2", "c3"), T0.plusSeconds(5)).orElseThrow().contactId());
        assertEquals(Optional.empty(), desk.take("a3", List.of("c1", "c2"), T0));
        assertEquals(T0.plus(Duration.ofMinutes(2)), desk.heldBy("a1").orElseThrow().until());
    }

    @Test
    @DisplayName("only the holder may dial or skip, and a record being dialled cannot be dialled again")
    void onlyTheHolder() {
        desk.take("a1", List.of("c1"), T0);
        PreviewReservations.NotHeld other = assertThrows(PreviewReservations.NotHeld.class,
                () -> desk.check("c1", "a2"));
        assertEquals("contact c1 is reserved to another agent", other.getMessage());
        assertThrows(PreviewReservations.NotHeld.class, () -> desk.check("c9", "a1"));
        assertTrue(desk.dialling("c1", "a1").dialling());
        assertThrows(PreviewReservations.NotHeld.class, () -> desk.dialling("c1", "a1"));
        assertEquals("a1", desk.release("c1").orElseThrow().agentId());
        assertEquals("c1", desk.take("a2", List.of("c1"), T0).orElseThrow().contactId(), "free again");
    }

    @Test
    @DisplayName("a hold runs out at its time, not before; a record being dialled is kept")
    void holdsRunOut() {
        desk.take("a1", List.of("c1"), T0);
        desk.take("a2", List.of("c1", "c2"), T0.plusSeconds(30));
        desk.dialling("c2", "a2");
        assertEquals(List.of(), desk.expire(T0.plus(Duration.ofMinutes(2)).minusMillis(1)));
        List<PreviewReservations.Reservation> out = desk.expire(T0.plus(Duration.ofMinutes(10)));
        assertEquals(List.of("c1"), out.stream().map(PreviewReservations.Reservation::contactId).toList());
        assertTrue(desk.isHeld("c2"));
        assertEquals("c1", desk.take("a3", List.of("c1"), T0.plus(Duration.ofMinutes(10))).orElseThrow()
                .contactId());
    }
}
