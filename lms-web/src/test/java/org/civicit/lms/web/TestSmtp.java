package org.civicit.lms.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The SMTP server on the port the server under test sends its notices to ({@code lms.it.smtpPort}). */
final class TestSmtp {

    private TestSmtp() {
    }

    /** Listening; the caller stops it. */
    static GreenMail started() {
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.getInteger("lms.it.smtpPort"), "127.0.0.1", "smtp"));
        smtp.start();
        return smtp;
    }
}
