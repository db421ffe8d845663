package org.civicit.lms.web.roster;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civicit.lms.platform.Mailer;
import org.civicit.lms.roster.PasswordResets;
import org.civicit.lms.web.problem.Messages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a forgotten-password link when the account has an address and mail is configured.
 * The mail leaves after the answer, so how long a request takes tells nobody whether the
 * account exists.
 */
@ApplicationScoped
public class ResetLinks {

    private static final Logger LOG = Logger.getLogger(ResetLinks.class.getName());

    @Inject
    PasswordResets resets;

    @Inject
    Mailer mailer;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "lms.public.url")
    Optional<String> publicUrl;

    /** {@code site} is the request's site root, used when LMS_PUBLIC_URL is not set. */
    public void send(String username, String site) {
        if (!mailer.enabled()) {
            return;
        }
        resets.request(username).ifPresent(link -> {
            String root = publicUrl.orElse(site);
            String page = (root.endsWith("/") ? root : root + "/") + "reset.xhtml?token=" + link.token();
            Locale locale = "en".equals(link.language()) ? Locale.ENGLISH : Messages.VIETNAMESE;
            executor.execute(() -> {
                try {
                    mailer.send(link.email(), Messages.text(locale, "reset.mail.subject"),
                            Messages.text(locale, "reset.mail.text", link.username(), page));
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "Could not send the password reset link of " + link.username(), e);
                }
            });
        });
    }
}
