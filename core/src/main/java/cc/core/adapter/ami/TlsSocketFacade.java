package cc.core.adapter.ami;

import org.asteriskjava.util.SocketConnectionFacade;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;

/**
 * The AMI socket over TLS, for asterisk-java's reader and writer: lines ending in CR LF, as Asterisk sends them.
 * Ours rather than the library's SSL switch, because that one trusts only the JVM-wide trust store and does not
 * check the server's name; here each server may name the certificate it trusts, and the name is always checked.
 */
final class TlsSocketFacade implements SocketConnectionFacade {
    /** A frame line longer than this is not AMI: the reader gives up rather than grow without bound. */
    private static final int MAX_LINE = 1 << 20;

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private TlsSocketFacade(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and completes the handshake, the certificate checked against the host name or address. */
    static TlsSocketFacade connect(String host, int port, AmiTls tls, int connectTimeoutMs) throws IOException {
        SSLContext context = context(tls);
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
        try {
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.matches("[0-9.]+|.*:.*")) {
                p.setServerNames(List.of(new SNIHostName(host)));
            }
            s.setSSLParameters(p);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            s.setSoTimeout(0);
            s.startHandshake();
            return new TlsSocketFacade(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static SSLContext context(AmiTls tls) throws IOException {
        try {
            if (tls.trustedCa().isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            try (InputStream pem = Files.newInputStream(tls.trustedCa().get())) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    trust.setCertificateEntry("ami-" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("AMI TLS: cannot use the trusted certificate " + tls.trustedCa().orElse(null)
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 && prev < 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n' && prev == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            prev = b;
            if (line.size() > MAX_LINE) {
                throw new IOException("AMI line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
