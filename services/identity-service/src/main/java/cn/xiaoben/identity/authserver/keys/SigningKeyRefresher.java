package cn.xiaoben.identity.authserver.keys;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls {@link SigningKeys#refresh()} every {@code xiaoben.identity.keys.refresh} on one daemon thread. */
final class SigningKeyRefresher implements SmartLifecycle {

    private final SigningKeys keys;
    private final Duration interval;
    private ScheduledExecutorService executor;

    SigningKeyRefresher(SigningKeys keys, Duration interval) {
        this.keys = keys;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "signing-key-refresh");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(100, interval.toMillis());
            executor.scheduleWithFixedDelay(keys::refresh, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
