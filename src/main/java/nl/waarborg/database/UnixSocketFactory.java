package nl.waarborg.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import javax.net.SocketFactory;

/**
 * The JDBC driver's way to the embedded server's Unix socket ({@code socketFactory} with the socket file as
 * {@code socketFactoryArg}), on the JDK's own Unix-domain {@link SocketChannel}. The JDK's channels park a virtual
 * thread properly while they wait; the junixsocket library this replaced lost a wake-up under load and hung
 * requests for good (its issue #172, fixed in no release yet).
 */
public final class UnixSocketFactory extends SocketFactory {

    private final Path socket;

    /** Called by the driver with {@code socketFactoryArg}: the socket file. */
    public UnixSocketFactory(String socketFile) {
        this.socket = Path.of(socketFile);
    }

    @Override
    public Socket createSocket() {
        return new UnixDomainSocket(socket);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        Socket s = createSocket();
        s.connect(null, 0);
        return s;
    }

    /**
     * A {@link Socket} over a Unix-domain channel, with what the driver uses: connect (whatever address it was
     * given), blocking streams, a read timeout ({@code setSoTimeout}, which the driver uses to wait for
     * notifications), close. TCP options mean nothing here and are accepted silently.
     */
    static final class UnixDomainSocket extends Socket {

        private final Path path;
        private volatile SocketChannel channel;
        private volatile int timeoutMillis;
        private volatile boolean closed;

        UnixDomainSocket(Path path) {
            this.path = path;
        }

        @Override
        public void connect(SocketAddress ignored) throws IOException {
            connect(ignored, 0);
        }

        @Override
        public void connect(SocketAddress ignored, int timeout) throws IOException {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                c.connect(UnixDomainSocketAddress.of(path));
            } catch (IOException e) {
                c.close();
                throw new SocketException("cannot connect to the database's socket " + path + ": " + e.getMessage());
            }
            channel = c;
        }

        @Override
        public void bind(SocketAddress local) {
            // a Unix-domain client needs no local address
        }

        @Override
        public InputStream getInputStream() throws IOException {
            SocketChannel c = open();
            InputStream blocking = Channels.newInputStream(c);
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int timeout = timeoutMillis;
                    return timeout <= 0 ? blocking.read(b, off, len) : timedRead(c, ByteBuffer.wrap(b, off, len), timeout);
                }

                @Override
                public void close() throws IOException {
                    UnixDomainSocket.this.close();
                }
            };
        }

        // The channel stays blocking for everything else; only a read with a timeout waits on a selector.
        private static int timedRead(SocketChannel c, ByteBuffer into, int timeoutMillis) throws IOException {
            if (!into.hasRemaining()) {
                return 0;
            }
            synchronized (c.blockingLock()) {
                c.configureBlocking(false);
                try {
                    int n = c.read(into);
                    if (n != 0) {
                        return n;
                    }
                    try (Selector selector = Selector.open()) {
                        SelectionKey key = c.register(selector, SelectionKey.OP_READ);
                        int ready = selector.select(timeoutMillis);
                        key.cancel();
                        selector.selectNow(); // deregisters the channel, so that it may block again
                        if (ready == 0) {
                            throw new SocketTimeoutException("no data from the database within " + timeoutMillis + " ms");
                        }
                    }
                    n = c.read(into);
                    if (n == 0) {
                        throw new SocketTimeoutException("no data from the database within " + timeoutMillis + " ms");
                    }
                    return n;
                } finally {
                    c.configureBlocking(true);
                }
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            SocketChannel c = open();
            OutputStream blocking = Channels.newOutputStream(c);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    blocking.write(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    blocking.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    UnixDomainSocket.this.close();
                }
            };
        }

        private SocketChannel open() throws SocketException {
            SocketChannel c = channel;
            if (c == null || closed) {
                throw new SocketException(closed ? "the socket is closed" : "the socket is not connected");
            }
            return c;
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            SocketChannel c = channel;
            if (c != null) {
                c.close();
            }
        }

        @Override
        public boolean isConnected() {
            return channel != null;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void setSoTimeout(int timeout) {
            timeoutMillis = timeout;
        }

        @Override
        public int getSoTimeout() {
            return timeoutMillis;
        }

        @Override
        public void setTcpNoDelay(boolean on) {
        }

        @Override
        public boolean getTcpNoDelay() {
            return true;
        }

        @Override
        public void setKeepAlive(boolean on) {
        }

        @Override
        public boolean getKeepAlive() {
            return false;
        }

        @Override
        public void setReceiveBufferSize(int size) {
        }

        @Override
        public int getReceiveBufferSize() {
            return 65_536;
        }

        @Override
        public void setSendBufferSize(int size) {
        }

        @Override
        public int getSendBufferSize() {
            return 65_536;
        }

        @Override
        public String toString() {
            return "UnixDomainSocket[" + path + "]";
        }
    }
}
