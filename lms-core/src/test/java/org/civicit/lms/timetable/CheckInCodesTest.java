package org.civicit.lms.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.civicit.lms.timetable.CheckInCodes.Verdict;
import org.junit.jupiter.api.Test;

class CheckInCodesTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);
    /** 08:00:00 in Vietnam, the start of a 30-second window. */
    private static final Instant EIGHT = LocalDateTime.of(2027, 3, 1, 8, 0).toInstant(ZoneOffset.ofHours(7));
    private static final String SECRET = CheckInCodes.newSecret();

    private static CheckInCodes at(Instant instant) {
        return new CheckInCodes(Clock.fixed(instant, ZoneOffset.UTC), WINDOW);
    }

    private static String codeAt(Instant instant, long session, String secret) {
        return at(instant).current(session, secret).code();
    }

    @Test
    void theCurrentCodeIsAcceptedAndTheSameOnEveryNode() {
        String shown = codeAt(EIGHT.plusSeconds(3), 7, SECRET);
        assertThat(codeAt(EIGHT.plusSeconds(29), 7, SECRET)).as("another node, later in the window").isEqualTo(shown);
        assertThat(at(EIGHT.plusSeconds(20)).check(7, SECRET, shown)).isEqualTo(Verdict.ACCEPTED);
        assertThat(codeAt(EIGHT.plusSeconds(30), 7, SECRET)).as("the next window has another").isNotEqualTo(shown);
    }

    @Test
    void aCodeOfThePreviousWindowIsStillAccepted() {
        String scannedAtSecond29 = codeAt(EIGHT.plusSeconds(29), 7, SECRET);
        assertThat(at(EIGHT.plusSeconds(31)).check(7, SECRET, scannedAtSecond29)).isEqualTo(Verdict.ACCEPTED);
        assertThat(at(EIGHT.plusSeconds(59)).check(7, SECRET, scannedAtSecond29)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aCodeTwoWindowsOldIsRefusedAsExpired() {
        String old = codeAt(EIGHT.plusSeconds(29), 7, SECRET);
        assertThat(at(EIGHT.plusSeconds(60)).check(7, SECRET, old)).isEqualTo(Verdict.EXPIRED);
        assertThat(at(EIGHT.plusSeconds(3600)).check(7, SECRET, old)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void theCodeSaysWhenItStopsBeingTaken() {
        CheckInCodes.Code code = at(EIGHT.plusSeconds(10)).current(7, SECRET);
        assertThat(code.expiresAt()).isEqualTo(EIGHT.plusSeconds(60));
        assertThat(at(EIGHT.plusSeconds(10)).renewsAt()).isEqualTo(EIGHT.plusSeconds(30));
    }

    @Test
    void anotherSessionsCodeIsRefused() {
        String otherSession = codeAt(EIGHT, 8, CheckInCodes.newSecret());
        assertThat(at(EIGHT).check(7, SECRET, otherSession)).isEqualTo(Verdict.WRONG);
        String sameSecretOtherId = codeAt(EIGHT, 8, SECRET);
        assertThat(at(EIGHT).check(7, SECRET, sameSecretOtherId)).isEqualTo(Verdict.WRONG);
    }

    @Test
    void aTamperedOrMadeUpCodeIsRefused() {
        String code = codeAt(EIGHT, 7, SECRET);
        String window = code.substring(0, code.indexOf('-'));
        String mac = code.substring(code.indexOf('-') + 1);
        char last = mac.charAt(mac.length() - 1);
        String flipped = window + "-" + mac.substring(0, mac.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(at(EIGHT).check(7, SECRET, flipped)).isEqualTo(Verdict.WRONG);
        long later = Long.parseLong(window) + 1;
        assertThat(at(EIGHT).check(7, SECRET, later + "-" + mac)).as("the MAC of another window").isEqualTo(Verdict.WRONG);
        assertThat(at(EIGHT).check(7, SECRET, codeAt(EIGHT.plusSeconds(30), 7, SECRET)))
                .as("a code from the future").isEqualTo(Verdict.WRONG);
        for (String junk : new String[] {null, "", "-", "abc", "123", "123-", window, "x-" + mac}) {
            assertThat(at(EIGHT).check(7, SECRET, junk)).as(String.valueOf(junk)).isEqualTo(Verdict.WRONG);
        }
    }

    @Test
    void aSessionRunsFromHalfAnHourBeforeItsStartToItsEnd() {
        LocalDateTime start = LocalDateTime.of(2027, 3, 1, 8, 30);
        LocalDateTime end = LocalDateTime.of(2027, 3, 1, 11, 0);
        assertThat(at(EIGHT).running(start, end)).as("08:00, half an hour early").isTrue();
        assertThat(at(EIGHT.minusSeconds(1)).running(start, end)).as("07:59:59").isFalse();
        assertThat(at(EIGHT.plus(Duration.ofMinutes(179))).running(start, end)).as("10:59").isTrue();
        assertThat(at(EIGHT.plus(Duration.ofMinutes(180))).running(start, end)).as("11:00, over").isFalse();
        assertThat(at(EIGHT.plus(Duration.ofDays(1))).running(start, end)).as("the next day").isFalse();
    }
}
