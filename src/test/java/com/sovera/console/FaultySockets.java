package com.sovera.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * The console's network as a test breaks it: while a fault is on, every new connection fails as that fault
 * would (after the time it would take), and switching one on drops the connections already open, as an outage does.
 */
final class FaultySockets extends SocketFactory {

    enum Outage { NONE, NO_ROUTE, REFUSED, CONNECT_TIMEOUT }

    private volatile Outage outage = Outage.NONE;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    void fail(Outage value) {
        outage = value;
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        open.clear();
    }

    void heal() {
        outage = Outage.NONE;
    }

    @Override
    public Socket createSocket() {
        Socket socket = new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                switch (outage) {
                    case NO_ROUTE -> throw new NoRouteToHostException("No route to host");
                    case REFUSED -> throw new ConnectException("Connection refused");
                    case CONNECT_TIMEOUT -> {
                        pause(Math.min(timeout, 1500));
                        throw new SocketTimeoutException("Connect timed out");
                    }
                    case NONE -> super.connect(endpoint, timeout);
                }
            }
        };
        open.add(socket);
        return socket;
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }
}
