package org.civicit.lms.timetable;

/** Where a trainee stands against its class's minimum share of sessions; see {@link AttendanceShare#standing()}. */
public enum AttendanceStanding {
    /** Met, or can still miss a session and reach the minimum. */
    ON_TRACK,
    /** Must come to every session left: one more absence and the minimum is out of reach. */
    AT_RISK,
    /** Can no longer reach the minimum. */
    FAILING
}
