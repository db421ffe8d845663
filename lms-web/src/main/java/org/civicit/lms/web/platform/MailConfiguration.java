package org.civicit.lms.web.platform;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.civicit.lms.platform.MailSettings;
import org.civicit.lms.platform.Mailer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server for notices, from the environment ({@code LMS_MAIL_HOST},
 * {@code LMS_MAIL_PORT}, {@code LMS_MAIL_FROM}, {@code LMS_MAIL_USER},
 * {@code LMS_MAIL_PASSWORD}, {@code LMS_MAIL_STARTTLS}); without a host, no e-mail is sent.
 */
@ApplicationScoped
public class MailConfiguration {

    @Inject
    @ConfigProperty(name = "lms.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "lms.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "lms.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "lms.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "lms.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "lms.mail.starttls", defaultValue = "false")
    boolean startTls;

    @Produces
    @Singleton
    Mailer mailer() {
        MailSettings settings = new MailSettings(host.orElse(null), port, from.orElse(null), user.orElse(null),
                password.orElse(null), startTls);
        return new Mailer(settings.enabled() ? settings : MailSettings.OFF);
    }
}
