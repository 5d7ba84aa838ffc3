package dev.ticker.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client on a bare socket, for what the JDK client hides: it sends a {@code Sec-WebSocket-Key} of the
 * test's choosing, returns the response headers as sent, and reads the first text message (unmasked server frames,
 * RFC 6455 section 5.2). Just enough for handshake tests; not a general client.
 */
final class HandshakeSocket implements AutoCloseable {

    /** The GUID of RFC 6455 section 1.3, appended to the key to compute the accept value. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Socket socket;
    private final DataInputStream in;
    private final int status;
    private final Map<String, String> headers;

    private HandshakeSocket(Socket socket, DataInputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /** Opens {@code ws/quotes} under {@code base} with {@code key}, and reads the response's head. */
    static HandshakeSocket open(URL base, String key, Duration timeout) throws IOException {
        URI uri = URI.create(base.toString()).resolve("ws/quotes");
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        Socket socket = new Socket(uri.getHost(), port);
        socket.setSoTimeout((int) timeout.toMillis());
        String hostHeader = uri.getHost() + ":" + port;
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Origin: http://" + hostHeader + "\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        String header;
        while (!(header = line(in)).isEmpty()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return new HandshakeSocket(socket, in, Integer.parseInt(statusLine.split(" ")[1]), headers);
    }

    int status() {
        return status;
    }

    /** A response header by case-insensitive name, or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next text message, parsed; fails on any other frame. */
    JsonObject nextJson() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if ((first & 0x0F) != 1 || (first & 0x80) == 0 || (second & 0x80) != 0) {
            throw new AssertionError("expected one unmasked final text frame, got header bytes " + first + " " + second);
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        try (JsonReader reader = Json.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** base64(SHA-1(key + GUID)): the accept value a server must answer to {@code key}. */
    static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new IOException("connection closed in the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
