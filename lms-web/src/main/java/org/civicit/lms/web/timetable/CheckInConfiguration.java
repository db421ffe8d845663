package org.civicit.lms.web.timetable;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.civicit.lms.timetable.CheckInCodes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a check-in code is shown before the next ({@code lms.checkin.window-seconds},
 * 30 by default; the tests shorten it to see a code expire without a long wait).
 */
@ApplicationScoped
public class CheckInConfiguration {

    @Inject
    @ConfigProperty(name = "lms.checkin.window-seconds", defaultValue = "30")
    int windowSeconds;

    @Produces
    @Singleton
    CheckInCodes checkInCodes() {
        return new CheckInCodes(Clock.systemUTC(), Duration.ofSeconds(windowSeconds));
    }
}
