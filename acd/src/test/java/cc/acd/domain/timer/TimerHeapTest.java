package cc.acd.domain.timer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimerHeapTest {
    private record Entry(long at, long seq) {}

    @Test
    @DisplayName("takes items out in the order of a PriorityQueue on (time, sequence), adds and takes interleaved")
    void sameOrderAsPriorityQueue() {
        Random rnd = new Random(3);
        PriorityQueue<Entry> reference = new PriorityQueue<>(
                Comparator.comparingLong(Entry::at).thenComparingLong(Entry::seq));
        TimerHeap<Entry> heap = new TimerHeap<>();
        long seq = 0;
        long now = 0;
        for (int i = 0; i < 300_000; i++) {
            // bursts of adds and of takes, with many equal times so the sequence decides
            if (rnd.nextInt(100) < 52 || reference.isEmpty()) {
                Entry e = new Entry(now + rnd.nextInt(rnd.nextBoolean() ? 5 : 5_000), ++seq);
                reference.add(e);
                heap.add(e.at(), e.seq(), e);
            } else {
                assertEquals(reference.peek().at(), heap.nextAt());
                assertEquals(reference.peek(), heap.peek());
                Entry e = heap.poll();
                assertEquals(reference.poll(), e, "take #" + i);
                now = e.at();
            }
            assertEquals(reference.size(), heap.size());
        }
        while (!reference.isEmpty()) {
            assertEquals(reference.poll(), heap.poll());
        }
        assertTrue(heap.isEmpty());
    }

    @Test
    @DisplayName("empty: no next time, nothing to peek, taking fails")
    void empty() {
        TimerHeap<String> heap = new TimerHeap<>();
        assertEquals(Long.MAX_VALUE, heap.nextAt());
        assertNull(heap.peek());
        assertThrows(NoSuchElementException.class, heap::poll);
        heap.add(5, 1, "x");
        assertEquals("x", heap.poll());
        assertThrows(NoSuchElementException.class, heap::poll);
    }
}
