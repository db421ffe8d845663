package org.civicit.lms.timetable;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.function.ToIntFunction;

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
        return seats(venue, videoPoints, Venue::getSeats);
    }

    /** The seats of a session if one of the venues it uses had {@code seats} instead. */
    static int seatsIfChanged(ClassSession session, Map<String, Integer> seatsByCode) {
        return seats(session.getVenue(), session.getVideoPoints(),
                v -> seatsByCode.getOrDefault(v.getCode(), v.getSeats()));
    }

    private static int seats(Venue venue, Collection<Venue> videoPoints, ToIntFunction<Venue> seatsOf) {
        return seatsOf.applyAsInt(venue) + videoPoints.stream().filter(p -> !p.getCode().equals(venue.getCode()))
                .mapToInt(seatsOf).sum();
    }
}
