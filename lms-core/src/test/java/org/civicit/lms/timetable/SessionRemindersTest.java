package org.civicit.lms.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.civicit.lms.enrolment.EnrolmentStatus;
import org.civicit.lms.enrolment.OfferingStatus;
import org.junit.jupiter.api.Test;

/** Who is reminded of a session, and when the week's attendance summary is due. */
class SessionRemindersTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 3);
    private static final LocalDateTime TOMORROW_EIGHT = LocalDateTime.of(2027, 3, 4, 8, 0);

    private static SessionReminders.SeatAtSession seat(long official, LocalDateTime startsAt, EnrolmentStatus status) {
        return new SessionReminders.SeatAtSession(1, startsAt, false, OfferingStatus.OPEN, status, official,
                "cb" + official + "@xa.example.vn", true);
    }

    @Test
    void onlyTomorrowsSessionsAreReminded() {
        assertThat(SessionReminders.due(seat(1, TOMORROW_EIGHT, EnrolmentStatus.ENROLLED), TODAY)).isTrue();
        assertThat(SessionReminders.due(seat(1, TODAY.plusDays(1).atStartOfDay(), EnrolmentStatus.ENROLLED), TODAY))
                .as("just after midnight").isTrue();
        assertThat(SessionReminders.due(seat(1, TODAY.plusDays(1).atTime(23, 59), EnrolmentStatus.ENROLLED), TODAY))
                .isTrue();
        assertThat(SessionReminders.due(seat(1, TODAY.atTime(14, 0), EnrolmentStatus.ENROLLED), TODAY))
                .as("today's").isFalse();
        assertThat(SessionReminders.due(seat(1, TODAY.plusDays(2).atStartOfDay(), EnrolmentStatus.ENROLLED), TODAY))
                .as("the day after tomorrow").isFalse();
        assertThat(SessionReminders.from(TODAY)).isEqualTo(TODAY.plusDays(1).atStartOfDay());
        assertThat(SessionReminders.until(TODAY)).isEqualTo(TODAY.plusDays(2).atStartOfDay());
    }

    @Test
    void onlyThoseWithASeatAndAnAddressAreReminded() {
        List<SessionReminders.SeatAtSession> candidates = List.of(
                seat(1, TOMORROW_EIGHT, EnrolmentStatus.ENROLLED),
                seat(2, TOMORROW_EIGHT, EnrolmentStatus.WAITLISTED),
                seat(3, TOMORROW_EIGHT, EnrolmentStatus.REQUESTED),
                seat(4, TOMORROW_EIGHT, EnrolmentStatus.WITHDRAWN),
                seat(5, TOMORROW_EIGHT, EnrolmentStatus.FAILED),
                seat(6, TOMORROW_EIGHT, EnrolmentStatus.COMPLETED),
                new SessionReminders.SeatAtSession(1, TOMORROW_EIGHT, false, OfferingStatus.OPEN,
                        EnrolmentStatus.ENROLLED, 7, " ", true),
                new SessionReminders.SeatAtSession(1, TOMORROW_EIGHT, false, OfferingStatus.OPEN,
                        EnrolmentStatus.ENROLLED, 8, null, true),
                new SessionReminders.SeatAtSession(1, TOMORROW_EIGHT, false, OfferingStatus.OPEN,
                        EnrolmentStatus.ENROLLED, 9, "left@xa.example.vn", false));
        assertThat(SessionReminders.select(candidates, TODAY)).extracting(SessionReminders.SeatAtSession::officialId)
                .containsExactly(1L, 5L, 6L);
    }

    @Test
    void cancelledSessionsAndSessionsOfCancelledClassesAreNotReminded() {
        assertThat(SessionReminders.due(new SessionReminders.SeatAtSession(1, TOMORROW_EIGHT, true, OfferingStatus.OPEN,
                EnrolmentStatus.ENROLLED, 1, "a@xa.example.vn", true), TODAY)).isFalse();
        assertThat(SessionReminders.due(new SessionReminders.SeatAtSession(1, TOMORROW_EIGHT, false,
                OfferingStatus.CANCELLED, EnrolmentStatus.ENROLLED, 1, "a@xa.example.vn", true), TODAY)).isFalse();
        assertThat(SessionReminders.due(new SessionReminders.SeatAtSession(1, TOMORROW_EIGHT, false,
                OfferingStatus.CLOSED, EnrolmentStatus.ENROLLED, 1, "a@xa.example.vn", true), TODAY))
                .as("a class closed to new enrolments still meets").isTrue();
    }

    @Test
    void theWeeksSummaryIsDueFromItsDayAndHourAndCoversTheWeekBefore() {
        LocalDate wednesday = LocalDate.of(2026, 12, 2);
        assertThat(AttendanceSummaries.dueAt(wednesday, DayOfWeek.MONDAY, 7))
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 7, 0));
        assertThat(AttendanceSummaries.dueAt(wednesday, DayOfWeek.FRIDAY, 16))
                .as("later in the same week").isEqualTo(LocalDateTime.of(2026, 12, 4, 16, 0));
        assertThat(AttendanceSummaries.dueAt(LocalDate.of(2026, 11, 30), DayOfWeek.MONDAY, 0))
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 0, 0));
        assertThat(AttendanceSummaries.week(LocalDate.of(2026, 11, 30))).isEqualTo("2026-W49");
        assertThat(AttendanceSummaries.week(LocalDate.of(2027, 1, 1))).as("ISO weeks cross the year")
                .isEqualTo("2026-W53");
    }
}
