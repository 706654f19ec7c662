package nl.waarborg.requests.service;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import nl.waarborg.requests.AnswerItem;

/**
 * The vault hands a subject's values out one by one to a callback (its cursor lives in one transaction); the answer's
 * writers pull them. This runs the vault's read on a thread of its own and passes the values through a small bounded
 * queue, so that memory stays bounded however many values there are. A failure of the read is thrown to the reader.
 * The read starts at the first {@link #hasNext()}.
 */
final class VaultItems implements Iterator<AnswerItem>, AutoCloseable {

    /** What the vault's read is: it hands every value to the consumer and returns. */
    interface Read {
        void run(Consumer<AnswerItem> out);
    }

    private static final Object END = new Object();
    private static final int CAPACITY = 256;

    private final Read read;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private Thread producer;
    private volatile boolean closed;
    private Object next;

    VaultItems(Read read) {
        this.read = read;
    }

    @Override
    public boolean hasNext() {
        if (producer == null) {
            producer = Thread.ofVirtual().name("waarborg-answer-read").start(() -> {
                Object last = END;
                try {
                    read.run(item -> put(item));
                } catch (RuntimeException | Error e) {
                    last = new Failure(e);
                }
                if (!closed) {
                    put(last);
                }
            });
        }
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                producer.interrupt();
                throw new IllegalStateException("interrupted while reading the vault", e);
            }
        }
        if (next instanceof Failure f) {
            next = END;
            throw f.error instanceof RuntimeException re ? re : new IllegalStateException(f.error);
        }
        return next != END;
    }

    @Override
    public AnswerItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AnswerItem item = (AnswerItem) next;
        next = null;
        return item;
    }

    /**
     * Stops the read when the reader wants no more (a document lists the first values only): the vault's callback is
     * interrupted, its read fails and its transaction ends, so no connection is left waiting.
     */
    @Override
    public void close() {
        closed = true;
        if (producer != null) {
            producer.interrupt();
            queue.clear();
        }
    }

    private void put(Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the answer's reader stopped", e);
        }
    }

    private record Failure(Throwable error) {}
}
