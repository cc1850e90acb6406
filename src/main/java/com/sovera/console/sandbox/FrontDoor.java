package com.sovera.console.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's listening socket, in front of the JDK's HttpServer (which listens on a loopback port of its
 * own). It passes every connection through byte for byte but for one thing: a request target the JDK server
 * would refuse itself, with an HTML page and before any handler runs, goes on percent-encoded. Characters sent
 * raw that only needed encoding ({@code ?filter[limit]=5}, as curl and browsers send it) then mean what the
 * client meant; a broken percent-escape is also marked with {@link #REPAIRED}, and the pipeline answers it as a
 * 400 in the contract's envelope. It reads just enough HTTP/1.1 to find each request line (heads, Content-Length and
 * chunked bodies, as the JDK server frames them); what it does not understand it passes on untouched, and stops
 * looking at that connection.
 */
final class FrontDoor implements AutoCloseable {

    /** Set on a request whose target had to be repaired; a client's own header of that name is dropped. */
    static final String REPAIRED = "X-Sovx-Target-Repaired";
    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private FrontDoor(ServerSocket listener, InetSocketAddress backend) {
        this.listener = listener;
        this.backend = backend;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sovx-sandbox-door-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens on the loopback {@code port} (0: any free one) and passes connections to {@code backend}. */
    static FrontDoor open(int port, InetSocketAddress backend) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        FrontDoor door = new FrontDoor(listener, backend);
        door.threads.execute(door::acceptLoop);
        return door;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                // closed, or one failed accept: the loop ends or goes on
            }
        }
    }

    private void serve(Socket client) {
        Socket server = new Socket();
        open.add(client);
        open.add(server);
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(backend);
            Future<?> answers = threads.submit(() -> {
                try {
                    server.getInputStream().transferTo(client.getOutputStream());
                } finally {
                    quietlyClose(client); // the server closed: so does the client's connection
                }
                return null;
            });
            try {
                forward(new BufferedInputStream(client.getInputStream()),
                        new BufferedOutputStream(server.getOutputStream()));
                server.shutdownOutput();
            } catch (IOException e) {
                quietlyClose(server); // the client went away, or the server closed: the answers end now
            }
            answers.get();
        } catch (Exception e) {
            // a connection that ends badly ends; the server logs what it saw
        } finally {
            quietlyClose(client);
            quietlyClose(server);
            open.remove(client);
            open.remove(server);
        }
    }

    /** Requests from the client, one by one, to the server; the rest raw once a request is not understood. */
    private static void forward(InputStream in, OutputStream out) throws IOException {
        while (true) {
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            Head parsed = head.length > MAX_HEAD ? null : Head.parse(head);
            if (parsed == null) {
                out.write(head);
                out.flush();
                in.transferTo(out);
                return;
            }
            out.write(parsed.bytes());
            out.flush();
            boolean understood = parsed.chunked ? copyChunked(in, out) : copyExactly(in, out, parsed.length);
            out.flush();
            if (!understood) {
                in.transferTo(out);
                return;
            }
        }
    }

    /** Bytes up to and including the empty line that ends a head; null at the end of the stream before any. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lineLength = 0;
        boolean content = false;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            if (b == '\n') {
                if (lineLength == 0 && content) {
                    return head.toByteArray();
                }
                content |= lineLength > 0;
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
            if (head.size() > MAX_HEAD) {
                return head.toByteArray();
            }
        }
        return head.size() == 0 ? null : head.toByteArray();
    }

    private static boolean copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] chunk = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                return false;
            }
            out.write(chunk, 0, n);
            left -= n;
        }
        return true;
    }

    /** A chunked body: size lines, chunks and trailers, copied as they come. */
    private static boolean copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in, out);
            if (sizeLine == null) {
                return false;
            }
            String hex = sizeLine.split(";", 2)[0].trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                return false;
            }
            if (size < 0) {
                return false;
            }
            if (size == 0) {
                for (String trailer; (trailer = readLine(in, out)) != null; ) {
                    if (trailer.isEmpty()) {
                        return true;
                    }
                }
                return false;
            }
            if (!copyExactly(in, out, size) || readLine(in, out) == null) {
                return false;
            }
        }
    }

    /** One line, copied, returned without its line end; null at the end of the stream or past 8 KiB. */
    private static String readLine(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            out.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
            }
            line.write(b);
            if (line.size() > 8192) {
                return null;
            }
        }
        return null;
    }

    /** A request head: its lines as sent (bytes as ISO-8859-1), how its body is framed, its target repaired. */
    private static final class Head {
        final List<String> lines;
        final boolean chunked;
        final long length;

        private Head(List<String> lines, boolean chunked, long length) {
            this.lines = lines;
            this.chunked = chunked;
            this.length = length;
        }

        /** Null when the head is not one this door reads with confidence. */
        static Head parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
            lines.remove(lines.size() - 1); // after the final line end
            lines.remove(lines.size() - 1); // the empty line
            int first = 0;
            while (first < lines.size() && lines.get(first).isEmpty()) {
                first++;
            }
            if (first == lines.size()) {
                return null;
            }
            String transferEncoding = null;
            String contentLength = null;
            List<String> kept = new ArrayList<>();
            for (int i = first + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (colon <= 0 || line.startsWith(" ") || line.startsWith("\t")) {
                    return null; // folded or malformed: left to the server as sent
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals(REPAIRED.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (name.equals("transfer-encoding") || name.equals("content-length")) {
                    if ((name.equals("transfer-encoding") ? transferEncoding : contentLength) != null) {
                        return null;
                    }
                    if (name.equals("transfer-encoding")) {
                        transferEncoding = value;
                    } else {
                        contentLength = value;
                    }
                }
                kept.add(line);
            }
            boolean chunked = transferEncoding != null && transferEncoding.equalsIgnoreCase("chunked");
            if (transferEncoding != null && !chunked) {
                return null;
            }
            long length = 0;
            if (!chunked && contentLength != null) {
                if (!contentLength.matches("[0-9]{1,18}")) {
                    return null;
                }
                length = Long.parseLong(contentLength);
            }
            String[] requestLine = lines.get(first).split(" ", -1);
            List<String> out = new ArrayList<>(lines.subList(0, first));
            if (requestLine.length == 3 && !isPlainUri(requestLine[1])) {
                String repaired = repair(requestLine[1]);
                out.add(requestLine[0] + " " + (repaired == null ? "/" : repaired) + " " + requestLine[2]);
                if (repaired == null || hasBrokenEscape(requestLine[1])) {
                    out.add(REPAIRED + ": true");
                }
            } else {
                out.add(lines.get(first));
            }
            out.addAll(kept);
            return new Head(out, chunked, length);
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String line : lines) {
                out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(CRLF);
            }
            out.writeBytes(CRLF);
            return out.toByteArray();
        }
    }

    /** Visible ASCII that the JDK server takes as it is. */
    private static boolean isPlainUri(String target) {
        if (!target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return false;
        }
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasBrokenEscape(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (!isHex(target, i + 1) || !isHex(target, i + 2)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Percent-encodes what a URI may not hold as it stands: brackets and other characters clients send raw
     * ({@code ?filter[limit]=5} from curl or a browser), non-ASCII bytes, and a {@code %} that starts no escape.
     * Decoding gives back what the client meant, except for a broken escape, which is marked and refused.
     * Null if even that is no URI.
     */
    static String repair(String target) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean escape = c == '%' && isHex(target, i + 1) && isHex(target, i + 2);
            if (escape || (c > 0x20 && c < 0x7f && "\"<>\\^`{|}%[]".indexOf(c) < 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c & 0xff));
            }
        }
        String repaired = out.toString();
        return isPlainUri(repaired) ? repaired : null;
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(FrontDoor::quietlyClose);
        threads.shutdownNow();
    }
}
