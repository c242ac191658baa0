package com.example.tiny.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/** A clock that tests move by hand, so a window passes without waiting for it. */
public class ManualTimeMeter implements TimeMeter {
    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
