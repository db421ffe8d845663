/**
 * The timetable: venues (halls, computer rooms, the province's video-conference points),
 * the sessions of each class held in them, and who came to each session.
 *
 * <p>Owns the tables {@code venue}, {@code class_session}, {@code class_session_point},
 * {@code attendance} and {@code calendar_feed}. Stands above {@code assessment}, {@code enrolment}
 * and {@code catalog}: it reads classes, their seats and their exams, and tells course progress what attendance means through the enrolment
 * feature's own terms, by answering {@link org.civicit.lms.enrolment.CourseAttendance} and
 * calling {@link org.civicit.lms.enrolment.CourseProgress#followAttendance} after each mark.
 *
 * <p>The rules: a venue holds one session at a time (its row is locked while a booking is
 * checked); a session seats everyone with a seat in the class, in its venue and the points
 * that join it; a trainee's share counts present and late against every session of the
 * class, and once too few sessions are left to reach the class's minimum its place fails.
 * Trainees may also check themselves in with a code that changes every window
 * ({@link org.civicit.lms.timetable.CheckInCodes}); a check-in fills a mark not yet given and
 * never changes one the instructor gave.
 *
 * <p>Reads the exams of {@code assessment} for the calendar feeds. Sends the scheduled notices of
 * the timetable (a reminder the day before each session, a weekly attendance summary to HR)
 * through {@link org.civicit.lms.platform.MailOnce}, once across the nodes of a cluster.
 *
 * <p>Must never: decide completion or certificates itself, or be imported by a feature below it.
 */
package org.civicit.lms.timetable;
