package org.asteriskjava.manager.internal;

import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;
import org.asteriskjava.util.internal.SocketConnectionFacadeImpl;
import org.asteriskjava.util.internal.streamreader.FastScanner;
import org.asteriskjava.util.internal.streamreader.FastScannerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only: runs asterisk-java's own AMI reader ({@link ManagerReaderImpl}, its event builder and event pump) over
 * bytes in memory, as {@code DefaultManagerConnection} runs it over a socket, and returns what it dispatched. It lives
 * in asterisk-java's package because the reader's {@link Dispatcher} interface is package-private; the fuzz
 * properties use it to push thousands of mutated streams through the real decoder without a socket each.
 */
public final class AmiDecoderProbe {
    private AmiDecoderProbe() {}

    /** What the reader dispatched, in order: events and responses; the last is the DisconnectEvent at the end. */
    public record Decoded(List<ManagerEvent> events, List<ManagerResponse> responses, boolean ended) {}

    public static Decoded decode(byte[] wire) throws InterruptedException {
        return decode(wire, reader -> { }, socket -> socket);
    }

    /** Decodes with {@code prepare} applied to the reader first (as the adapter prepares the library's reader). */
    public static Decoded decode(byte[] wire, java.util.function.Consumer<Object> prepare,
                                 java.util.function.UnaryOperator<SocketConnectionFacade> socket)
            throws InterruptedException {
        List<ManagerEvent> events = new ArrayList<>();
        List<ManagerResponse> responses = new ArrayList<>();
        CountDownLatch end = new CountDownLatch(1);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public void dispatchResponse(ManagerResponse response, Integer requiredHandlingTime) {
                synchronized (responses) {
                    responses.add(response);
                }
            }

            @Override
            public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
                synchronized (events) {
                    events.add(event);
                }
                if (event instanceof DisconnectEvent) {
                    end.countDown();
                }
            }

            @Override
            public void stop() {
            }
        };
        ManagerReaderImpl reader = new ManagerReaderImpl(dispatcher, AmiDecoderProbe.class);
        prepare.accept(reader);
        reader.setSocket(socket.apply(new BytesFacade(wire)));
        reader.run();
        boolean ended = end.await(10, TimeUnit.SECONDS);
        synchronized (events) {
            synchronized (responses) {
                return new Decoded(List.copyOf(events), List.copyOf(responses), ended);
            }
        }
    }

    /** Lines split the way the library's socket facade splits AMI (its FastScanner on CRLF, UTF-8). */
    private static final class BytesFacade implements SocketConnectionFacade {
        private final FastScanner scanner;

        BytesFacade(byte[] wire) {
            scanner = FastScannerFactory.getReader(
                    new InputStreamReader(new ByteArrayInputStream(wire), StandardCharsets.UTF_8),
                    SocketConnectionFacadeImpl.CRNL_PATTERN);
        }

        @Override
        public String readLine() throws IOException {
            try {
                return scanner.next();
            } catch (IllegalStateException | NoSuchElementException e) {
                throw new IOException("No more lines available: " + e.getMessage());
            }
        }

        @Override
        public void write(String s) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InetAddress getLocalAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        @Override
        public InetAddress getRemoteAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getRemotePort() {
            return 5038;
        }
    }
}
