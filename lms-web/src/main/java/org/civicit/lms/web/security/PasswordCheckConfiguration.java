package org.civicit.lms.web.security;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.civicit.lms.roster.PasswordChecks;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many password checks run at once ({@code lms.login.parallel-checks}, by default one per
 * core but one, and at least one), how many more may wait ({@code lms.login.queued-checks}, 128;
 * well below the server's 200 request threads) and for how long ({@code
 * lms.login.longest-wait-seconds}, 30). One core is left to the answers of those already
 * writing an exam: with every core hashing at an exam's start, their saves waited behind it.
 */
@ApplicationScoped
public class PasswordCheckConfiguration {

    @Inject
    @ConfigProperty(name = "lms.login.parallel-checks", defaultValue = "0")
    int parallel;

    @Inject
    @ConfigProperty(name = "lms.login.queued-checks", defaultValue = "128")
    int queued;

    @Inject
    @ConfigProperty(name = "lms.login.longest-wait-seconds", defaultValue = "30")
    int longestWaitSeconds;

    @Produces
    @Singleton
    PasswordChecks passwordChecks() {
        int atOnce = parallel > 0 ? parallel : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new PasswordChecks(atOnce, queued, Duration.ofSeconds(longestWaitSeconds));
    }
}
