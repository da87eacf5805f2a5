package cn.xiaoben.testsupport;

import cn.xiaoben.contracts.PlatformTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the test suite: it stands still at the suite's "now" until a test moves it. Tests take "today"
 * and "now" from here, never from the wall clock, and services under test are given a {@code TestClock} as their
 * {@link Clock} bean ({@link TestClockConfiguration}), so what a test asserts never depends on the day it runs.
 * <p>
 * The suite's "now" is {@value #DEFAULT_START} unless the system property {@value #PROPERTY} names another instant
 * (ISO-8601 with offset, e.g. {@code -Dxiaoben.test.now=2027-01-31T23:59:50+08:00}); {@code .ci/clock-boundaries}
 * runs the whole suite at the school-year and term boundaries, one second before midnight in China and in other
 * default time zones.
 * <p>
 * {@link #withZone} gives a view in another zone that shares the same instant, so
 * {@code LocalDate.now(clock.withZone(PlatformTime.ZONE))} is China's date, as in the services.
 */
public final class TestClock extends Clock {

    /** The system property that moves the suite's "now". */
    public static final String PROPERTY = "xiaoben.test.now";

    /** The suite's "now" when {@value #PROPERTY} is not set: a school day of the first term of 2026-2027. */
    public static final String DEFAULT_START = "2026-12-07T10:00:00+08:00";

    private final AtomicReference<Instant> now;

    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A new clock standing at the suite's "now". */
    public TestClock() {
        this(new AtomicReference<>(start()), ZoneOffset.UTC);
    }

    /** The suite's "now" ({@value #PROPERTY} or {@value #DEFAULT_START}). */
    public static Instant start() {
        String configured = System.getProperty(PROPERTY, "").trim();
        return OffsetDateTime.parse(configured.isEmpty() ? DEFAULT_START : configured).toInstant();
    }

    /** The suite's "now" in China (+08:00). */
    public static OffsetDateTime startTime() {
        return start().atZone(PlatformTime.ZONE).toOffsetDateTime();
    }

    /** The date in China at the suite's "now". */
    public static LocalDate startDate() {
        return start().atZone(PlatformTime.ZONE).toLocalDate();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public TestClock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** What this clock shows now, in China (+08:00). */
    public OffsetDateTime now() {
        return instant().atZone(PlatformTime.ZONE).toOffsetDateTime();
    }

    /** The date in China at what this clock shows now. */
    public LocalDate today() {
        return instant().atZone(PlatformTime.ZONE).toLocalDate();
    }

    /** Moves the clock forward (never backwards: time the services saw does not run back). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + by);
        }
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves the clock so that it shows {@code target}, if that is not in its past. */
    public void moveTo(OffsetDateTime target) {
        now.updateAndGet(t -> target.toInstant().isAfter(t) ? target.toInstant() : t);
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }
}
