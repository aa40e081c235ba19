package dev.precis.cli;

import dev.precis.web.Reader;

import java.util.concurrent.CountDownLatch;

/** Keeps a started reader running until the process is stopped, then closes it cleanly. */
final class Serving {

    private Serving() {
    }

    static void untilStopped(Reader reader, Runnable afterClose) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reader.close();
            afterClose.run();
            stopped.countDown();
        }, "precis-shutdown"));
        stopped.await();
    }
}
