package org.civicit.lms.timetable;

import java.time.LocalDateTime;
import java.util.Collection;

/** The rules of putting a session in a venue: when two sessions clash, and how many a session seats. */
final class Booking {

    private Booking() {
    }

    /** Whether two spans of time overlap; one ending as the other starts does not. */
    static boolean overlaps(LocalDateTime startsAt, LocalDateTime endsAt, LocalDateTime otherStartsAt,
            LocalDateTime otherEndsAt) {
        return startsAt.isBefore(otherEndsAt) && otherStartsAt.isBefore(endsAt);
    }

    /** The seats of a session: the venue's, and with a video conference those of every point that joins it. */
    static int seats(Venue venue, Collection<Venue> videoPoints) {
        return venue.getSeats() + videoPoints.stream().filter(p -> !p.getCode().equals(venue.getCode()))
                .mapToInt(Venue::getSeats).sum();
    }
}
