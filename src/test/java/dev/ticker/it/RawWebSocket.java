package dev.ticker.it;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A WebSocket client on a plain socket, written from RFC 6455 for what a well-behaved client cannot do: send invalid
 * UTF-8, unmasked or reserved frames, bogus lengths or arbitrary bytes, choose its {@code Origin} and its local
 * address, keep its receive buffer small and stop reading, or ignore pings. Frames it sends are masked with a random
 * key unless told otherwise. Reads are bounded by the timeouts the caller gives. Not thread-safe.
 */
final class RawWebSocket implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    /** The close code a client reports when the connection ended without a close frame (RFC 6455, 7.1.5). */
    static final int NO_CLOSE_FRAME = 1006;

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** How long the rest of a frame may take once its first byte has arrived. */
    private static final Duration REST_OF_FRAME = Duration.ofSeconds(10);
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** A frame as received; {@code payload} is unmasked. */
    record Frame(boolean fin, int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame; 1005 (no status) if it carries none. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    /** How to connect: extra request headers, the local address to connect from, the socket's receive buffer. */
    static final class Options {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private InetAddress localAddress;
        private int receiveBuffer;
        private boolean answerPings = true;

        Options header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Options origin(String origin) {
            return header("Origin", origin);
        }

        Options from(InetAddress local) {
            this.localAddress = local;
            return this;
        }

        /** A small receive buffer lets a client that stops reading stall the server's sends quickly. */
        Options receiveBuffer(int bytes) {
            this.receiveBuffer = bytes;
            return this;
        }

        /** Off: pings are returned by {@link #next} like any frame and never answered (a peer that is gone). */
        Options answerPings(boolean answer) {
            this.answerPings = answer;
            return this;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Random random;
    private final boolean answerPings;
    private final int status;
    private final Map<String, String> responseHeaders;
    private final List<Long> pingsAt = new ArrayList<>();
    private JsonObject welcome;

    private RawWebSocket(Socket socket, InputStream in, Random random, boolean answerPings, int status,
                         Map<String, String> responseHeaders) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.random = random;
        this.answerPings = answerPings;
        this.status = status;
        this.responseHeaders = responseHeaders;
    }

    /** Connects to {@code ws/quotes} with default options, which must succeed, and takes the welcome. */
    static RawWebSocket connectWelcomed(URL base, Duration within) {
        return connectWelcomed(base, new Options(), within);
    }

    /** Connects to {@code ws/quotes}, which must succeed, and takes the welcome. */
    static RawWebSocket connectWelcomed(URL base, Options options, Duration within) {
        RawWebSocket client = connect(base, options);
        try {
            assertEquals(101, client.status(), "handshake status");
            JsonObject first = client.nextJson(within);
            assertEquals("welcome", first.getString("type", null), first::toString);
            client.welcome = first;
            return client;
        } catch (RuntimeException | AssertionError e) {
            client.close();
            throw e;
        }
    }

    /** The welcome this client took when it connected with {@link #connectWelcomed}. */
    JsonObject welcome() {
        return welcome;
    }

    /** A limit the server announced in its welcome. */
    long limit(String name) {
        return welcome.getJsonObject("limits").getJsonNumber(name).longValueExact();
    }

    /** Opens a connection to {@code ws/quotes} of the ticker at {@code base} and performs the opening handshake. */
    static RawWebSocket connect(URL base, Options options) {
        return connect(base, "ws/quotes", options);
    }

    /**
     * Opens a connection to {@code path} (relative to {@code base}) and sends the opening handshake; the answer's
     * status is in {@link #status()}: 101 means the connection is a WebSocket now, anything else that it is not.
     */
    static RawWebSocket connect(URL base, String path, Options options) {
        URI target = resolve(base, path);
        Socket socket = open(target, options);
        try {
            String key = Base64.getEncoder().encodeToString(randomBytes(16));
            OutputStream out = socket.getOutputStream();
            out.write(handshakeRequest(target, key, options.headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            Map<String, String> headers = new LinkedHashMap<>();
            int status = readResponseHead(in, headers);
            if (status == 101) {
                assertEquals(accept(key), headers.get("sec-websocket-accept"), "Sec-WebSocket-Accept of " + target);
            }
            return new RawWebSocket(socket, in, new SecureRandom(), options.answerPings, status, headers);
        } catch (IOException e) {
            closeQuietly(socket);
            return fail("WebSocket handshake with " + target + " failed", e);
        }
    }

    /** Opens a TCP connection to the host and port of {@code base}, for bytes that are not even HTTP. */
    static Socket openSocket(URL base) {
        return open(resolve(base, ""), new Options());
    }

    /** The HTTP status of the handshake's answer: 101 if the connection was upgraded. */
    int status() {
        return status;
    }

    String responseHeader(String name) {
        return responseHeaders.get(name.toLowerCase(Locale.ROOT));
    }

    /** Sends a masked text frame holding {@code payload}, which need not be valid UTF-8. */
    void sendText(byte[] payload) {
        sendFrame(true, TEXT, payload, true, 0);
    }

    void sendText(String text) {
        sendText(text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBinary(byte[] payload) {
        sendFrame(true, BINARY, payload, true, 0);
    }

    void sendPong(byte[] payload) {
        sendFrame(true, PONG, payload, true, 0);
    }

    void sendClose(int code) {
        sendFrame(true, CLOSE, new byte[] {(byte) (code >> 8), (byte) code}, true, 0);
    }

    /** Sends one frame exactly as described: {@code rsv} sets the three reserved bits (0 to 7). */
    void sendFrame(boolean fin, int opcode, byte[] payload, boolean masked, int rsv) {
        sendRaw(frame(fin, opcode, payload, masked, rsv, payload.length));
    }

    /** Sends bytes as they are: a frame header that lies about its length, or garbage. */
    void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            fail("could not send " + bytes.length + " bytes on " + socket, e);
        }
    }

    /**
     * Like {@link #sendRaw}, but tolerates a server that has already closed the connection (the fuzz test sends
     * garbage that a server may cut off midway).
     *
     * @return whether every byte was written
     */
    boolean trySendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Encodes a frame; {@code declaredLength} is what the header claims, which may differ from the payload's length.
     * Masking follows RFC 6455 5.3: a random 4-byte key, each payload byte XORed with key[i % 4].
     */
    byte[] frame(boolean fin, int opcode, byte[] payload, boolean masked, int rsv, long declaredLength) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | ((rsv & 0x7) << 4) | (opcode & 0xF));
        int maskBit = masked ? 0x80 : 0;
        if (declaredLength < 126) {
            frame.write(maskBit | (int) declaredLength);
        } else if (declaredLength <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write((int) (declaredLength >> 8));
            frame.write((int) declaredLength);
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (declaredLength >>> shift));
            }
        }
        if (masked) {
            byte[] key = new byte[4];
            random.nextBytes(key);
            frame.writeBytes(key);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ key[i % 4]);
            }
        } else {
            frame.writeBytes(payload);
        }
        return frame.toByteArray();
    }

    /**
     * The next frame within {@code within}, answering pings on the way unless told not to; null at the end of the
     * stream. Fails the test if nothing arrives in time.
     */
    Frame next(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Frame frame = read(deadline, within);
            if (frame == null || frame.opcode() != PING) {
                return frame;
            }
            synchronized (pingsAt) {
                pingsAt.add(System.nanoTime());
            }
            if (!answerPings) {
                return frame;
            }
            sendFrame(true, PONG, frame.payload(), true, 0);
        }
    }

    /** The next text frame parsed as a JSON object, skipping nothing: any other frame fails the test. */
    JsonObject nextJson(Duration within) {
        Frame frame = next(within);
        if (frame == null) {
            return fail("the server closed the connection without a close frame while a message was expected");
        }
        if (frame.opcode() != TEXT) {
            return fail("expected a text frame, got opcode " + frame.opcode()
                    + (frame.opcode() == CLOSE ? " (close " + frame.closeCode() + " '" + frame.closeReason() + "')" : ""));
        }
        return parse(frame.text());
    }

    /** The next JSON message of {@code type}, skipping others (such as quotes). */
    JsonObject awaitJson(String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonObject message = nextJson(remaining(deadline, within));
            if (type.equals(message.getString("type", null))) {
                return message;
            }
        }
    }

    /**
     * Reads until the server's close frame and returns its code, skipping other frames; {@link #NO_CLOSE_FRAME} if
     * the connection ended without one. Fails the test if neither happens within {@code within}.
     */
    int awaitClose(Duration within) {
        Frame close = awaitCloseFrame(within);
        return close == null ? NO_CLOSE_FRAME : close.closeCode();
    }

    /** The server's close frame, or null if the connection ended without one. */
    Frame awaitCloseFrame(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Frame frame;
            try {
                frame = next(remaining(deadline, within));
            } catch (UncheckedConnectionReset reset) {
                return null;
            }
            if (frame == null) {
                return null;
            }
            if (frame.opcode() == CLOSE) {
                return frame;
            }
        }
    }

    /** Monotonic times ({@link System#nanoTime()}) at which pings arrived. */
    List<Long> pingsReceivedAt() {
        synchronized (pingsAt) {
            return List.copyOf(pingsAt);
        }
    }

    /** Whether the server has closed or reset the connection, waiting at most {@code within} for it. */
    boolean endsWithin(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                Frame frame = read(deadline, within);
                if (frame == null) {
                    return true;
                }
            }
        } catch (UncheckedConnectionReset reset) {
            return true;
        } catch (AssertionError timedOut) {
            return false;
        }
    }

    Socket socket() {
        return socket;
    }

    /** Drops the connection without a close handshake. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    /** The connection was reset by the server: as final as a close, only ruder. */
    static final class UncheckedConnectionReset extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedConnectionReset(IOException cause) {
            super(cause);
        }
    }

    private Frame read(long deadline, Duration within) {
        try {
            int first = readByte(deadline, within);
            if (first < 0) {
                return null;
            }
            // A frame has begun: read all of it, whatever the caller's deadline, or the stream would lose its place
            // (a timeout between header and payload would leave the payload to be read as the next frame's header).
            deadline = Math.max(deadline, System.nanoTime() + REST_OF_FRAME.toNanos());
            within = REST_OF_FRAME;
            int second = readByte(deadline, within);
            if (second < 0) {
                throw new EOFException("connection ended inside a frame header");
            }
            long length = second & 0x7F;
            if (length == 126) {
                length = readUnsigned(2, deadline, within);
            } else if (length == 127) {
                length = readUnsigned(8, deadline, within);
            }
            if (length > Integer.MAX_VALUE - 8) {
                return fail("the server announced a frame of " + length + " bytes");
            }
            byte[] key = (second & 0x80) != 0 ? readFully(4, deadline, within) : null;
            byte[] payload = readFully((int) length, deadline, within);
            if (key != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= key[i % 4];
                }
            }
            return new Frame((first & 0x80) != 0, first & 0x0F, payload);
        } catch (SocketTimeoutException e) {
            return fail("nothing from " + socket.getRemoteSocketAddress() + " within " + within);
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedConnectionReset(e);
        }
    }

    private int readByte(long deadline, Duration within) throws IOException {
        setTimeout(deadline, within);
        return in.read();
    }

    private long readUnsigned(int bytes, long deadline, Duration within) throws IOException {
        long value = 0;
        for (byte b : readFully(bytes, deadline, within)) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    private byte[] readFully(int length, long deadline, Duration within) throws IOException {
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length) {
            setTimeout(deadline, within);
            int n = in.read(bytes, read, length - read);
            if (n < 0) {
                throw new EOFException("connection ended inside a frame");
            }
            read += n;
        }
        return bytes;
    }

    private void setTimeout(long deadline, Duration within) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no data within " + within);
        }
        socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
    }

    private static Duration remaining(long deadline, Duration within) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return fail("timed out after " + within);
        }
        return Duration.ofNanos(left);
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return fail("the server sent a text that is not a JSON object: " + json, e);
        }
    }

    private static URI resolve(URL base, String path) {
        try {
            return base.toURI().resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Unusable base URL " + base, e);
        }
    }

    private static Socket open(URI target, Options options) {
        int port = target.getPort() > 0 ? target.getPort() : 80;
        Socket socket = new Socket();
        try {
            if (options.receiveBuffer > 0) {
                // Before connecting: the window scale is agreed in the TCP handshake.
                socket.setReceiveBufferSize(options.receiveBuffer);
            }
            if (options.localAddress != null) {
                socket.bind(new InetSocketAddress(options.localAddress, 0));
            }
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address(target.getHost(), options.localAddress), port),
                    (int) CONNECT_TIMEOUT.toMillis());
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            return fail("could not connect to " + target + (options.localAddress == null ? "" : " from "
                    + options.localAddress), e);
        }
    }

    /** The server's address, IPv4 when connecting from an IPv4 loopback alias such as 127.0.0.2. */
    private static InetAddress address(String host, InetAddress local) throws IOException {
        if (local instanceof Inet4Address) {
            for (InetAddress candidate : InetAddress.getAllByName(host)) {
                if (candidate instanceof Inet4Address) {
                    return candidate;
                }
            }
        }
        return InetAddress.getByName(host);
    }

    private static String handshakeRequest(URI target, String key, Map<String, String> headers) {
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        String authority = target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : "");
        StringBuilder request = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("\r\n").toString();
    }

    /** Reads the status line and the headers (names lower-cased), up to the empty line. */
    private static int readResponseHead(InputStream in, Map<String, String> headers) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: '" + statusLine + "'");
        }
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return Integer.parseInt(parts[1]);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection ended in the handshake's answer");
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("header line too long");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that failed: nothing left to release.
        }
    }
}
