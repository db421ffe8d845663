package org.civicit.lms.timetable;

/** How a trainee was at a session. Late still counts as attended; excused does not. */
public enum AttendanceStatus {
    PRESENT,
    LATE,
    EXCUSED,
    ABSENT;

    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
