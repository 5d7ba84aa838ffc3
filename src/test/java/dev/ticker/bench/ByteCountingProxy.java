package dev.ticker.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP relay on 127.0.0.1 in front of the server that counts every byte each way, so the economics scenario measures
 * what really crosses the socket (HTTP request and response heads, chunking, WebSocket framing, SSE field names),
 * whatever the client library shows of it. Two threads per connection: fine for the few hundred clients it serves.
 */
final class ByteCountingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final LongAdder toClients = new LongAdder();
    private final LongAdder toServer = new LongAdder();
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    ByteCountingProxy(URI server) throws IOException {
        this.target = new InetSocketAddress(server.getHost(), server.getPort());
        this.listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        this.acceptor = daemon("proxy-accept", this::accept);
        acceptor.start();
    }

    /** The server's base URI, reached through this proxy. */
    URI base(URI server) {
        return URI.create(server.getScheme() + "://127.0.0.1:" + listener.getLocalPort() + server.getRawPath());
    }

    long bytesToClients() {
        return toClients.sum();
    }

    long bytesToServer() {
        return toServer.sum();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 10_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                daemon("proxy-down", () -> relay(server, client, toClients)).start();
                daemon("proxy-up", () -> relay(client, server, toServer)).start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    Progress.say("proxy: %s", e);
                }
            }
        }
    }

    private static void relay(Socket from, Socket to, LongAdder counter) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                counter.add(read);
            }
        } catch (IOException e) {
            // One side closed or reset: the other direction's relay ends too once its socket closes.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that was left to do.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(ByteCountingProxy::closeQuietly);
    }
}
