package cc.acd.domain.timer;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * Things due at a time, taken out earliest first, ties in the order given by a sequence number: the order of a
 * {@code PriorityQueue} compared on (time, sequence), which the router's timers and a simulation's future events need.
 *
 * <p>Why not a {@code PriorityQueue}: every comparison there reads two objects scattered over the heap, and the
 * router's timer queue holds thousands (a wait-limit timer stays until it falls due even when its caller was answered
 * long before), so taking one out meant a dozen cache misses. Here the times and sequence numbers sit in two arrays in
 * a four-ary heap (a node's children are next to each other), and the items are only touched when taken out.
 *
 * <p>Sequence numbers must be unique (then the order is total and does not depend on how the heap is laid out). Not
 * thread-safe.
 */
public final class TimerHeap<T> {
    private long[] at = new long[64];
    private long[] seq = new long[64];
    private Object[] items = new Object[64];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** When the earliest item is due, {@link Long#MAX_VALUE} when empty. */
    public long nextAt() {
        return size == 0 ? Long.MAX_VALUE : at[0];
    }

    /** The earliest item without taking it out, {@code null} when empty. */
    @SuppressWarnings("unchecked")
    public T peek() {
        return size == 0 ? null : (T) items[0];
    }

    public void add(long dueAt, long sequence, T item) {
        if (size == at.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            seq = Arrays.copyOf(seq, n);
            items = Arrays.copyOf(items, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(dueAt, sequence, at[parent], seq[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, dueAt, sequence, item);
    }

    /** Takes out the earliest item (smallest time, then smallest sequence). */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (size == 0) {
            throw new NoSuchElementException("no timer");
        }
        T first = (T) items[0];
        int last = --size;
        long lastAt = at[last];
        long lastSeq = seq[last];
        Object lastItem = items[last];
        items[last] = null;
        if (last > 0) {
            siftDown(lastAt, lastSeq, lastItem, last);
        }
        return first;
    }

    private void siftDown(long keyAt, long keySeq, Object item, int n) {
        int i = 0;
        while (true) {
            int child = (i << 2) + 1;
            if (child >= n) {
                break;
            }
            int best = child;
            int end = Math.min(child + 4, n);
            for (int c = child + 1; c < end; c++) {
                if (before(at[c], seq[c], at[best], seq[best])) {
                    best = c;
                }
            }
            if (!before(at[best], seq[best], keyAt, keySeq)) {
                break;
            }
            move(best, i);
            i = best;
        }
        set(i, keyAt, keySeq, item);
    }

    private static boolean before(long at1, long seq1, long at2, long seq2) {
        return at1 < at2 || at1 == at2 && seq1 < seq2;
    }

    private void move(int from, int to) {
        at[to] = at[from];
        seq[to] = seq[from];
        items[to] = items[from];
    }

    private void set(int i, long dueAt, long sequence, Object item) {
        at[i] = dueAt;
        seq[i] = sequence;
        items[i] = item;
    }
}
