package org.civicit.lms.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.civicit.lms.catalog.Course;
import org.junit.jupiter.api.Test;

/** Seats go in the order of asking, the rest wait in that order; an approved request keeps its place. */
class WaitlistOrderTest {

    private final Offering offering = new Offering("IU01-K1", new Course("IU01"), "Lớp", LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 3, 5), 2, "Hội trường", OfferingTerms.NONE, "hr");

    /** Joins as {@link Enrolments} does: a seat while fewer than the capacity hold one. */
    private Enrolment join(List<Enrolment> line) {
        Enrolment enrolment = new Enrolment(offering, null);
        long seats = line.stream().filter(e -> e.getStatus().holdsSeat()).count();
        enrolment.join(seats < offering.getCapacity());
        line.add(enrolment);
        return enrolment;
    }

    @Test
    void theFirstToAskTakeTheSeatsAndTheRestWaitInOrder() {
        List<Enrolment> line = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            join(line);
        }
        assertThat(line).extracting(Enrolment::getStatus).containsExactly(EnrolmentStatus.ENROLLED,
                EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.WAITLISTED,
                EnrolmentStatus.WAITLISTED);
        assertThat(line).extracting(Enrolment::getPosition).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aWithdrawalPromotesTheEarliestInLine() {
        List<Enrolment> line = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            join(line);
        }
        line.get(0).withdraw();
        Enrolment first = line.stream().filter(e -> e.getStatus() == EnrolmentStatus.WAITLISTED)
                .min(Comparator.comparingInt(Enrolment::getPosition)).orElseThrow();
        first.promote();
        assertThat(line).extracting(Enrolment::getStatus).containsExactly(EnrolmentStatus.WITHDRAWN,
                EnrolmentStatus.ENROLLED, EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED);
    }

    @Test
    void anApprovedRequestWaitsInTheOrderItWasAsked() {
        List<Enrolment> line = new ArrayList<>();
        Enrolment early = new Enrolment(offering, null);
        early.request();
        line.add(early);
        join(line);
        join(line);
        join(line);
        early.approve(false);
        assertThat(early.getStatus()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(line.stream().filter(e -> e.getStatus() == EnrolmentStatus.WAITLISTED)
                .min(Comparator.comparingInt(Enrolment::getPosition))).contains(early);
        assertThat(EnrolmentStatus.COMPLETED.holdsSeat()).isTrue();
        assertThat(EnrolmentStatus.REQUESTED.holdsSeat()).isFalse();
    }
}
