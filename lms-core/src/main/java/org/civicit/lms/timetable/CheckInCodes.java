package org.civicit.lms.timetable;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.civicit.lms.platform.Today;

/**
 * The codes trainees scan to check themselves in. Time is cut into windows (30 seconds in
 * production); a session's code for a window is its number and an HMAC-SHA256 of the session
 * and that number under the session's own secret, so every node of a cluster makes the same
 * code from the database alone and nobody makes one without the secret. A code is taken in
 * its window and the next (scanned at second 29, it still counts at second 31), never later,
 * and only while the session runs: from {@link #OPENS_BEFORE} before its start to its end.
 */
public final class CheckInCodes {

    /** How long before a session starts trainees may check in: those who come early. */
    public static final Duration OPENS_BEFORE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    /** 64 bits of the MAC: far beyond guessing in the minute a code lives. */
    private static final int MAC_BYTES = 8;

    private final Clock clock;
    private final long windowSeconds;

    public CheckInCodes(Clock clock, Duration window) {
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("A check-in window lasts at least a second, not " + window);
        }
        this.clock = clock;
        this.windowSeconds = window.toSeconds();
    }

    /** What a scanned code is worth. */
    public enum Verdict {
        ACCEPTED,
        /** A true code of a window before the last. */
        EXPIRED,
        /** Not a code of this session: mistyped, tampered with, or another session's. */
        WRONG
    }

    /** A code and the moment it stops being taken. */
    public record Code(String code, Instant expiresAt) {
    }

    /** A new session's secret: 32 random bytes, in hex. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    public Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }

    /** The session's code now. */
    public Code current(long sessionId, String secret) {
        long window = windowNow();
        return new Code(code(sessionId, secret, window), Instant.ofEpochSecond((window + 2) * windowSeconds));
    }

    /** When the code shown now gives way to the next. */
    public Instant renewsAt() {
        return Instant.ofEpochSecond((windowNow() + 1) * windowSeconds);
    }

    /** Whether a scanned code is this session's, of this window or the one before. */
    public Verdict check(long sessionId, String secret, String scanned) {
        if (scanned == null) {
            return Verdict.WRONG;
        }
        int dash = scanned.indexOf('-');
        long window;
        try {
            window = Long.parseLong(scanned.substring(0, Math.max(dash, 0)));
        } catch (NumberFormatException e) {
            return Verdict.WRONG;
        }
        byte[] expected = code(sessionId, secret, window).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, scanned.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.WRONG;
        }
        long now = windowNow();
        if (window > now) {
            return Verdict.WRONG;
        }
        return now - window <= 1 ? Verdict.ACCEPTED : Verdict.EXPIRED;
    }

    /** Whether trainees may check in now: from half an hour before the start to the end, in the province's time. */
    public boolean running(LocalDateTime startsAt, LocalDateTime endsAt) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(Today.VIETNAM));
        return !now.isBefore(startsAt.minus(OPENS_BEFORE)) && now.isBefore(endsAt);
    }

    private long windowNow() {
        return Math.floorDiv(clock.instant().getEpochSecond(), windowSeconds);
    }

    private static String code(long sessionId, String secret, long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HEX.parseHex(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal(("check-in:" + sessionId + ":" + window).getBytes(StandardCharsets.US_ASCII));
            return window + "-" + HEX.formatHex(digest, 0, MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
