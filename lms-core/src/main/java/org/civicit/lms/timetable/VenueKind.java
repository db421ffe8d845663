package org.civicit.lms.timetable;

/** What a venue is: a hall, a room of computers, or one of the province's video-conference points. */
public enum VenueKind {
    HALL,
    COMPUTER_ROOM,
    VIDEO_POINT
}
