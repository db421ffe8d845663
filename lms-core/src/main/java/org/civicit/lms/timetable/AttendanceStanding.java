package org.civicit.lms.timetable;

/** Where a trainee stands against its class's minimum share of sessions. */
public enum AttendanceStanding {
    /** Has come to enough of the sessions held so far, or the class asks no minimum. */
    ON_TRACK,
    /** Has missed more of the sessions held so far than the minimum allows, but can still reach it. */
    AT_RISK,
    /** Can no longer reach the minimum, even by coming to every session left. */
    FAILED
}
