package cc.console.adapter.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Third-party browser scripts the console pages use, served from the jars Maven bundled with the server (webjars) so
 * a console on a closed network needs no CDN: {@code GET /console/vendor/echarts.min.js} is ECharts (Apache-2.0)
 * for the reports page's charts.
 *
 * <p>The file is read from the classpath once, when the console starts, so a missing webjar fails the start rather
 * than the first supervisor opening the reports page.
 */
final class VendorScripts {
    static final String ECHARTS_VERSION = "5.3.1";
    static final String ECHARTS_PATH = "/console/vendor/echarts.min.js";
    private static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION
            + "/dist/echarts.min.js";

    private final Buffer echarts;

    VendorScripts() {
        this.echarts = Buffer.buffer(read(ECHARTS_RESOURCE));
    }

    /** Mount after the console's security headers and before its static files. */
    void mount(Router router) {
        router.get(ECHARTS_PATH).handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/javascript; charset=utf-8").end(echarts));
    }

    private static byte[] read(String resource) {
        try (InputStream in = VendorScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the echarts webjar"
                        + " (org.webjars.npm:echarts:" + ECHARTS_VERSION + ") is missing from agent-console's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
