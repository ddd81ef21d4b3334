package cc.core.adapter.ami;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.internal.backwardsCompatibility.BackwardsCompatibilityForManagerEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Keeps one malformed frame from killing asterisk-java's AMI reader thread.
 *
 * <p>The library's reader runs each frame through its event builder or response builder and then through a
 * "backwards compatibility" step; a RuntimeException from any of them ends the reader thread ("Manager reader
 * exiting due to unexpected Exception"): the link drops and every frame still in the socket buffer is lost.
 * {@code AmiFrameFuzzTest} found two such frames: a bridge event ({@code BridgeCreate}, {@code BridgeEnter},
 * {@code BridgeLeave}, {@code BridgeDestroy}) without {@code BridgeUniqueid} (a null key in the compatibility
 * step's map) and a response with a header twice (a list cast to a string in the response builder). So the
 * builders are wrapped to skip a frame they cannot build (logged, rate-limited) and the compatibility step, which
 * only makes up Asterisk 1.x events (Link/Unlink, MeetMe) that the adapter never maps, is replaced by one that makes
 * none. The library keeps these in package-private and private fields, hence reflection; if an upgrade moves them,
 * {@link #install} logs it and returns false, and {@code AmiReaderGuardTest} fails the build.
 */
final class AmiReaderGuard {
    private static final Logger LOG = LoggerFactory.getLogger(AmiReaderGuard.class);
    private static final RateLimitedLog SKIPPED = new RateLimitedLog(LOG);

    /** Makes no Asterisk 1.x events, so it has nothing to look up and cannot throw. */
    static final class NoCompatibilityEvents extends BackwardsCompatibilityForManagerEvents {
        @Override
        public ManagerEvent handleEvent(ManagerEvent event) {
            return null;
        }
    }

    /** A user event nobody sends: registering it is how the library's reader gets created before login. */
    public static final class ReaderProbeEvent extends UserEvent {
        private static final long serialVersionUID = 1L;

        public ReaderProbeEvent(Object source) {
            super(source);
        }
    }

    private AmiReaderGuard() {}

    /**
     * Which event frames are worth building into the library's event objects. The library builds each by reflection,
     * a setter looked up per header through a regular expression: in the three-node benchmark that was a third of all
     * the CPU the server used, mostly for events nothing maps (Newexten, DialBegin, RTCP, variables nobody reads).
     */
    interface FrameFilter {
        /** Builds every frame. */
        FrameFilter ALL = attributes -> true;

        /** Whether to build the event of this frame (headers by lower-case name, as the library's reader keeps them). */
        boolean build(java.util.Map<String, Object> attributes);
    }

    /** Creates the connection's reader now (before login) and guards it; false if it cannot. */
    static boolean install(ManagerConnectionImpl connection, FrameFilter filter) {
        try {
            connection.registerUserEventClass(ReaderProbeEvent.class);
            return guardReader(field(ManagerConnectionImpl.class, "reader").get(connection), filter);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("AMI: could not guard asterisk-java's reader against malformed frames ({}); a bridge event "
                    + "without BridgeUniqueid or a response with a header twice would drop the link", e.toString());
            return false;
        }
    }

    /** Guards one of the library's {@code ManagerReaderImpl}s: builders that skip what they cannot build, no made-up events. */
    static boolean guardReader(Object reader) throws ReflectiveOperationException {
        return guardReader(reader, FrameFilter.ALL);
    }

    /** As {@link #guardReader(Object)}, and the event frames {@code filter} refuses are not built at all. */
    static boolean guardReader(Object reader, FrameFilter filter) throws ReflectiveOperationException {
        field(reader.getClass(), "compatibility").set(reader, new NoCompatibilityEvents());
        wrap(reader, "eventBuilder", filter);
        wrap(reader, "responseBuilder", FrameFilter.ALL);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void wrap(Object reader, String name, FrameFilter filter) throws ReflectiveOperationException {
        Field f = field(reader.getClass(), name);
        Object builder = f.get(reader);
        if (Proxy.isProxyClass(builder.getClass())) {
            return;
        }
        Class<?> type = f.getType();
        // the builder interfaces are package-private; a proxy is defined in their package, so it can implement them
        Object guarded = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (filter != FrameFilter.ALL && method.getName().equals("buildEvent") && args != null
                    && args.length == 2 && args[1] instanceof java.util.Map
                    && !filter.build((java.util.Map<String, Object>) args[1])) {
                return null; // the reader logs a null event at debug level and goes on with the next frame
            }
            try {
                method.setAccessible(true);
                return method.invoke(builder, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException && method.getName().startsWith("build")) {
                    SKIPPED.warn(name, "Skipped an AMI frame asterisk-java could not read: {}", cause.toString());
                    return null;
                }
                throw cause;
            }
        });
        f.set(reader, guarded);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
