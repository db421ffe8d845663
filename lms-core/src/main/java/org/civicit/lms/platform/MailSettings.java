package org.civicit.lms.platform;

/**
 * Where notices are sent from: an SMTP server, or none, which turns notices off.
 *
 * @param host     the SMTP server; {@code null} or blank for no e-mail at all
 * @param from     the sender address shown to officials
 * @param username a login on the server, or {@code null}
 */
public record MailSettings(String host, int port, String from, String username, String password, boolean startTls) {

    public static final MailSettings OFF = new MailSettings(null, 25, null, null, null, false);

    public boolean enabled() {
        return host != null && !host.isBlank() && from != null && !from.isBlank();
    }
}
