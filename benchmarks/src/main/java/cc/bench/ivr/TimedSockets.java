package cc.bench.ivr;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Measures our FastAGI server's turnaround without touching its code: the {@link Vertx} handed to the IVR module is
 * the real one seen through a proxy that wraps the TCP servers it creates, and so every accepted socket. A buffer
 * handed to the socket's reader stamps the read time; the next write, once it has returned, records the time since.
 * Everything else goes straight to the real objects.
 */
final class TimedSockets {
    private TimedSockets() {
    }

    static Vertx vertx(Vertx real) {
        return proxy(VertxInternal.class, real, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (method.getName().equals("createNetServer") && result instanceof NetServer server) {
                return netServer(server);
            }
            return result;
        });
    }

    private static NetServer netServer(NetServer real) {
        NetServer[] self = new NetServer[1];
        self[0] = proxy(NetServer.class, real, (target, method, args) -> {
            if (method.getName().equals("connectHandler") && args != null && args.length == 1) {
                @SuppressWarnings("unchecked")
                Handler<NetSocket> handler = (Handler<NetSocket>) args[0];
                real.connectHandler(socket -> handler.handle(socket(socket)));
                return self[0];
            }
            Object result = method.invoke(target, args);
            return result == target ? self[0] : result;
        });
        return self[0];
    }

    private static NetSocket socket(NetSocket real) {
        IvrLoadServer.Turnaround turnaround = new IvrLoadServer.Turnaround();
        real.closeHandler(v -> turnaround.closed());
        NetSocket[] self = new NetSocket[1];
        self[0] = proxy(NetSocket.class, real, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("handler") && args != null && args.length == 1 && args[0] != null) {
                @SuppressWarnings("unchecked")
                Handler<Buffer> reader = (Handler<Buffer>) args[0];
                real.handler(buffer -> {
                    turnaround.read();
                    turnaround.environment(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
                    reader.handle(buffer);
                });
                return self[0];
            }
            if (name.equals("closeHandler") && args != null && args.length == 1) {
                @SuppressWarnings("unchecked")
                Handler<Void> onClose = (Handler<Void>) args[0];
                real.closeHandler(v -> {
                    turnaround.closed();
                    if (onClose != null) {
                        onClose.handle(v);
                    }
                });
                return self[0];
            }
            Object result = method.invoke(target, args);
            if (name.equals("write")) {
                // stamped after the write returns: on the event loop Vert.x has then written and flushed the bytes
                // to the kernel, the same point as asterisk-java's stamp after flush()
                turnaround.wrote();
            }
            return result == target ? self[0] : result;
        });
        return self[0];
    }

    private interface Call {
        Object invoke(Object target, Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler h = (p, method, args) -> {
            try {
                if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(target, args);
                }
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(TimedSockets.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
