package org.civicit.lms.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TimetableRulesTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2027, 3, 1, 9, 0);

    private static boolean clash(int startHour, int startMinute, int endHour, int endMinute) {
        return Booking.overlaps(NINE, NINE.plusHours(2), NINE.withHour(startHour).withMinute(startMinute),
                NINE.withHour(endHour).withMinute(endMinute));
    }

    @Test
    void sessionsThatShareAnyMinuteClash() {
        assertThat(clash(9, 0, 11, 0)).as("the same span").isTrue();
        assertThat(clash(10, 0, 12, 0)).as("starts inside").isTrue();
        assertThat(clash(8, 0, 9, 30)).as("ends inside").isTrue();
        assertThat(clash(8, 0, 12, 0)).as("around it").isTrue();
        assertThat(clash(9, 30, 10, 0)).as("inside it").isTrue();
    }

    @Test
    void sessionsBackToBackOrApartDoNotClash() {
        assertThat(clash(11, 0, 12, 0)).as("starts as it ends").isFalse();
        assertThat(clash(7, 0, 9, 0)).as("ends as it starts").isFalse();
        assertThat(clash(13, 0, 15, 0)).as("the afternoon").isFalse();
        assertThat(Booking.overlaps(NINE, NINE.plusHours(2), NINE.plusDays(1), NINE.plusDays(1).plusHours(2)))
                .as("the same hours the next day").isFalse();
    }

    @Test
    void aSessionSeatsItsVenueAndEveryJoinedPoint() {
        Venue hall = new Venue("HALL", "Hội trường", VenueKind.HALL, 40, null);
        Venue one = new Venue("P1", "Điểm cầu 1", VenueKind.VIDEO_POINT, 20, null);
        Venue two = new Venue("P2", "Điểm cầu 2", VenueKind.VIDEO_POINT, 15, null);
        assertThat(Booking.seats(hall, List.of())).isEqualTo(40);
        assertThat(Booking.seats(one, List.of(two))).isEqualTo(35);
        assertThat(Booking.seats(hall, List.of(one, two))).isEqualTo(75);
        assertThat(Booking.seats(one, List.of(one, two))).as("the host point counts once").isEqualTo(35);
    }

    @Test
    void eightyPercentOfFiveSessionsIsFour() {
        assertThat(new AttendanceShare(5, 3, 0, 80).met()).isFalse();
        assertThat(new AttendanceShare(5, 4, 0, 80).met()).isTrue();
        assertThat(new AttendanceShare(5, 4, 0, 80).needed()).isEqualTo(4);
        assertThat(new AttendanceShare(5, 3, 0, 80).percent()).hasToString("60.0");
    }

    @Test
    void theShareIsRoundedUpToAWholeSession() {
        assertThat(new AttendanceShare(6, 4, 0, 80).needed()).as("4.8 sessions").isEqualTo(5);
        assertThat(new AttendanceShare(3, 2, 0, 50).needed()).as("1.5 sessions").isEqualTo(2);
        assertThat(new AttendanceShare(3, 1, 0, 33).percent()).hasToString("33.3");
        assertThat(new AttendanceShare(3, 2, 0, 100).met()).isFalse();
    }

    @Test
    void withoutSessionsOrWithoutAMinimumNothingIsAsked() {
        assertThat(new AttendanceShare(0, 0, 0, 80).met()).isTrue();
        assertThat(new AttendanceShare(0, 0, 0, 80).unreachable()).isFalse();
        assertThat(new AttendanceShare(0, 0, 0, 80).percent()).hasToString("0.0");
        assertThat(new AttendanceShare(5, 0, 0, null).met()).isTrue();
        assertThat(new AttendanceShare(5, 0, 0, 0).met()).isTrue();
    }

    @Test
    void aPlaceFailsOnlyOnceTheMinimumCanNoLongerBeReached() {
        assertThat(new AttendanceShare(5, 0, 4, 80).unreachable()).as("one absence, four to come").isFalse();
        assertThat(new AttendanceShare(5, 0, 3, 80).unreachable()).as("two absences of five").isTrue();
        assertThat(new AttendanceShare(5, 2, 2, 80).unreachable()).as("could still make four").isFalse();
        assertThat(new AttendanceShare(5, 3, 0, 80).unreachable()).as("all marked, three of five").isTrue();
        assertThat(new AttendanceShare(5, 4, 0, 80).unreachable()).isFalse();
        assertThat(new AttendanceShare(5, 0, 0, null).unreachable()).isFalse();
    }

    @Test
    void lateCountsAsAttendedAndExcusedDoesNot() {
        assertThat(AttendanceStatus.PRESENT.attended()).isTrue();
        assertThat(AttendanceStatus.LATE.attended()).isTrue();
        assertThat(AttendanceStatus.EXCUSED.attended()).isFalse();
        assertThat(AttendanceStatus.ABSENT.attended()).isFalse();
    }

    @Test
    void atRiskMeansEverySessionLeftMustBeAttended() {
        AttendanceShare oneAbsenceOfFive = new AttendanceShare(5, 1, 3, 80);
        assertThat(oneAbsenceOfFive.absencesLeft()).as("needs 4: 1 came, 3 to come").isZero();
        assertThat(oneAbsenceOfFive.standing()).isEqualTo(AttendanceStanding.AT_RISK);
        assertThat(new AttendanceShare(5, 1, 4 - 1, 80).standing()).isEqualTo(AttendanceStanding.AT_RISK);
        assertThat(new AttendanceShare(5, 0, 4, 80).standing()).as("one absence, four to come, needs four")
                .isEqualTo(AttendanceStanding.AT_RISK);
        assertThat(new AttendanceShare(5, 0, 5, 80).standing()).as("nothing marked yet: one absence to spare")
                .isEqualTo(AttendanceStanding.ON_TRACK);
        assertThat(new AttendanceShare(10, 3, 5, 80).standing()).as("needs 8: 3 came, 5 to come")
                .isEqualTo(AttendanceStanding.AT_RISK);
        assertThat(new AttendanceShare(10, 3, 6, 80).absencesLeft()).isEqualTo(1);
        assertThat(new AttendanceShare(10, 3, 6, 80).standing()).isEqualTo(AttendanceStanding.ON_TRACK);
    }

    @Test
    void failingOnceTheMinimumIsOutOfReachAndOnTrackOnceItIsMet() {
        assertThat(new AttendanceShare(5, 0, 3, 80).standing()).as("two absences of five")
                .isEqualTo(AttendanceStanding.FAILING);
        assertThat(new AttendanceShare(5, 0, 3, 80).absencesLeft()).isEqualTo(-1);
        assertThat(new AttendanceShare(5, 3, 0, 80).standing()).isEqualTo(AttendanceStanding.FAILING);
        assertThat(new AttendanceShare(5, 4, 1, 80).standing()).as("met with one to come: nothing to lose")
                .isEqualTo(AttendanceStanding.ON_TRACK);
        assertThat(new AttendanceShare(5, 4, 0, 80).standing()).as("met exactly, all marked")
                .isEqualTo(AttendanceStanding.ON_TRACK);
        assertThat(new AttendanceShare(5, 0, 0, null).standing()).as("no minimum").isEqualTo(AttendanceStanding.ON_TRACK);
        assertThat(new AttendanceShare(0, 0, 0, 80).standing()).as("no sessions").isEqualTo(AttendanceStanding.ON_TRACK);
    }

    @Test
    void aVenuesNewSeatsCountInEverySessionThatUsesIt() {
        Venue hall = new Venue("HALL", "Hội trường", VenueKind.HALL, 40, null);
        Venue one = new Venue("P1", "Điểm cầu 1", VenueKind.VIDEO_POINT, 20, null);
        Venue two = new Venue("P2", "Điểm cầu 2", VenueKind.VIDEO_POINT, 15, null);
        ClassSession inHall = new ClassSession(null, NINE, NINE.plusHours(2), hall, java.util.Set.of());
        ClassSession byVideo = new ClassSession(null, NINE, NINE.plusHours(2), hall,
                new java.util.LinkedHashSet<>(List.of(one, two)));
        assertThat(Booking.seatsIfChanged(inHall, Map.of("HALL", 25))).isEqualTo(25);
        assertThat(Booking.seatsIfChanged(inHall, Map.of("P1", 5))).as("a venue it does not use").isEqualTo(40);
        assertThat(Booking.seatsIfChanged(byVideo, Map.of("P1", 5))).as("a joined point").isEqualTo(60);
        assertThat(Booking.seatsIfChanged(byVideo, Map.of("HALL", 10))).as("the host").isEqualTo(45);
        assertThat(Booking.seatsIfChanged(byVideo, Map.of("HALL", 10, "P2", 5))).as("several at once").isEqualTo(35);
    }
}
