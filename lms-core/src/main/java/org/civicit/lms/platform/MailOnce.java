package org.civicit.lms.platform;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

/**
 * Sends a scheduled notice once across the nodes of a cluster: the notice is claimed in
 * {@link NoticeClaims}, and only the node whose claim won composes and sends it, outside any
 * transaction so that no row stays locked while the mail server answers.
 */
@ApplicationScoped
public class MailOnce {

    private static final Logger LOG = Logger.getLogger(MailOnce.class.getName());

    /** A composed e-mail. */
    public record Mail(String to, String subject, String text) {
    }

    @Inject
    NoticeClaims claims;

    @Inject
    Mailer mailer;

    public boolean enabled() {
        return mailer.enabled();
    }

    /**
     * Claims, composes and sends the notice; a notice that composes to nothing is recorded as
     * done without a mail. A failed send is recorded for a later run to try again.
     *
     * @return whether this call sent it
     */
    public boolean send(NoticeClaims.Key key, OffsetDateTime now, Supplier<Optional<Mail>> compose) {
        if (!mailer.enabled() || !claims.claim(key, now)) {
            return false;
        }
        Optional<Mail> mail;
        try {
            mail = compose.get();
            if (mail.isPresent()) {
                mailer.send(mail.get().to(), mail.get().subject(), mail.get().text());
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send the notice " + key + "; a later run tries again", e);
            claims.failed(key, e.toString());
            return false;
        }
        claims.done(key, now);
        return mail.isPresent();
    }
}
